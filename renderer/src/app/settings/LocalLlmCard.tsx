/**
 * The local LLM card: which servers were found (Ollama, LM Studio or the URL set here), their
 * models, the model UI code uses, and "Detect again". Works with no account and no internet.
 */
import { useId } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useProviders } from '../../stores';
import { ProviderStatusBadge } from './ProviderCard';
import { BaseUrlField, EnableSwitch, ModelField } from './ProviderFields';
import type { LocalLlmStatus, ProviderStatus } from './providerTypes';

export function LocalLlmCard({ provider, status }: { provider: ProviderStatus; status: LocalLlmStatus }) {
  const detect = useProviders((s) => s.detectLocalLlm);
  const detecting = useProviders((s) => s.detecting);
  const configure = useProviders((s) => s.configure);
  const titleId = useId();
  const selectId = useId();
  const models = [...new Set(status.servers.flatMap((server) => server.models))];
  return (
    <li className="provider-card provider-card-full" aria-labelledby={titleId} data-provider="local-llm">
      <div className="provider-card-header">
        <p className="provider-text">
          <span id={titleId} className="provider-name">
            {provider.label}
          </span>
          <span className="provider-kind">{provider.kind} · UI code</span>
        </p>
        <div className="toolbar">
          <ProviderStatusBadge provider={provider} />
          <EnableSwitch id="local-llm" label={provider.label} enabled={provider.enabled} />
        </div>
      </div>
      {provider.hint !== null && <p className="provider-hint">{provider.hint}</p>}
      <ul className="local-servers" aria-label="Local servers">
        {status.servers.length === 0 && <li className="local-server-empty">{status.checkedAt === null ? 'Not checked yet.' : 'No server address to check.'}</li>}
        {status.servers.map((server) => (
          <li key={server.baseUrl} className="local-server">
            <div className="local-server-head">
              <span className="provider-name">{server.label}</span>
              <span className="mono provider-kind">{server.baseUrl}</span>
              {server.reachable ? <Badge tone={server.models.length > 0 ? 'success' : 'warning'}>{server.models.length > 0 ? `${server.models.length} model${server.models.length === 1 ? '' : 's'}` : 'No models'}</Badge> : <Badge>Not running</Badge>}
            </div>
            {server.models.length > 0 && <p className="local-server-models mono">{server.models.join(', ')}</p>}
            {server.message !== null && <p className="provider-hint">{server.message}</p>}
          </li>
        ))}
      </ul>
      <div className="provider-models">
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            Model for UI code
          </label>
          <div className="field-row">
            <select
              id={selectId}
              className="field-input"
              value={provider.models.standard ?? ''}
              onChange={(event) => void configure('local-llm', { standardModel: event.target.value === '' ? null : event.target.value })}
            >
              <option value="">Automatic{status.selected ? ` (${status.selected.model})` : ''}</option>
              {models.map((model) => (
                <option key={model} value={model}>
                  {model}
                </option>
              ))}
              {provider.models.standard !== null && !models.includes(provider.models.standard) && <option value={provider.models.standard}>{provider.models.standard} (not found)</option>}
            </select>
            <Button size="sm" icon="refresh" pending={detecting} onClick={() => void detect()}>
              Detect again
            </Button>
          </div>
          <p className="field-hint">Checked every 30 seconds while the studio runs.</p>
        </div>
        <ModelField id="local-llm" tier="hd" label="HD model (optional)" saved={provider.models.hd} fallback="None — HD code uses Together" />
      </div>
      <details className="provider-advanced">
        <summary>Set-up and advanced</summary>
        <p className="provider-hint">
          Ollama: install it, then <span className="mono">ollama pull qwen2.5-coder:7b</span> (it serves on 127.0.0.1:11434). LM Studio: load a model, then start the server in the
          Developer tab (127.0.0.1:1234).
        </p>
        <BaseUrlField id="local-llm" saved={provider.baseUrl} fallback={null} hint="Another OpenAI-compatible server, e.g. http://127.0.0.1:8080 (with or without /v1). Empty = look for Ollama and LM Studio." />
      </details>
    </li>
  );
}
