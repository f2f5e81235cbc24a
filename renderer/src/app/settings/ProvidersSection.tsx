/**
 * Settings → Providers (issue 5 §5): where keys are kept, then a card per provider — the
 * ComfyUI card (its own component), the cloud providers, and the local LLM.
 */
import { useEffect } from 'react';
import '../../styles/providers.css';
import { Button } from '../../components/Button';
import { Spinner } from '../../components/Spinner';
import { useProviders } from '../../stores';
import { ComfyUiCard } from './ComfyUiCard';
import { KeyStorageNotice } from './KeyStorageNotice';
import { LocalLlmCard } from './LocalLlmCard';
import { ProviderCard } from './ProviderCard';
import { SettingsSection } from './SettingsSection';

export function ProvidersSection() {
  const overview = useProviders((s) => s.overview);
  const status = useProviders((s) => s.status);
  const error = useProviders((s) => s.error);
  const load = useProviders((s) => s.load);

  useEffect(() => {
    if (useProviders.getState().status === 'idle') void load();
  }, [load]);

  return (
    <SettingsSection
      card={false}
      anchor="providers"
      title="Providers"
      description="Where images and code are generated. The studio tries them in order and falls back to the next one when a provider fails."
    >
      {overview === null ? (
        <div className="settings-card">
          <div className="setting-row">
            {status === 'error' ? (
              <>
                <p className="setting-description">{error?.message ?? 'The providers could not be read.'}</p>
                <Button size="sm" icon="refresh" onClick={() => void load()}>
                  Try again
                </Button>
              </>
            ) : (
              <Spinner label="Reading providers…" />
            )}
          </div>
        </div>
      ) : (
        <>
          <KeyStorageNotice storage={overview.storage} />
          <ul className="provider-list">
            <ComfyUiCard />
            {overview.providers
              .filter((provider) => provider.id !== 'local-llm')
              .map((provider) => (
                <ProviderCard key={provider.id} provider={provider} storage={overview.storage} />
              ))}
            {overview.providers
              .filter((provider) => provider.id === 'local-llm')
              .map((provider) => (
                <LocalLlmCard key={provider.id} provider={provider} status={overview.localLlm} />
              ))}
          </ul>
        </>
      )}
    </SettingsSection>
  );
}
