/**
 * The per-provider settings fields shared by the cards: enable switch, default models
 * (standard + HD; empty = the provider's default, shown as the placeholder) and the advanced
 * base URL (validated here with the same schema the core uses, then again in the core).
 */
import { useId, useState } from 'react';
import { BaseUrlSchema } from '../../../../shared/providers';
import type { ConfigurableProviderId, ProviderConfigPatch } from '../../../../shared/provider-status';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useProviders } from '../../stores';

export function EnableSwitch({ id, label, enabled }: { id: ConfigurableProviderId; label: string; enabled: boolean }) {
  const configure = useProviders((s) => s.configure);
  const switchId = useId();
  return (
    <label className="provider-switch" htmlFor={switchId}>
      <input
        id={switchId}
        type="checkbox"
        role="switch"
        className="switch"
        checked={enabled}
        aria-label={`Use ${label}`}
        onChange={(event) => void configure(id, { enabled: event.target.checked })}
      />
      <span>{enabled ? 'On' : 'Off'}</span>
    </label>
  );
}

/** A text setting saved when the field loses focus or on Enter; Esc puts the saved value back. */
function useSavedField(saved: string | null, save: (value: string) => Promise<string | null>) {
  const [draft, setDraft] = useState(saved ?? '');
  const [error, setError] = useState<string | null>(null);
  // A saved value that changed elsewhere (another window, "Use default") replaces the draft.
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    setDraft(saved ?? '');
  }
  const commit = async () => {
    if (draft.trim() === (saved ?? '')) return;
    setError(await save(draft.trim()));
  };
  return {
    value: draft,
    error,
    onChange: (value: string) => {
      setDraft(value);
      setError(null);
    },
    commit,
    reset: () => {
      setDraft(saved ?? '');
      setError(null);
    },
  };
}

async function saveError(result: Awaited<ReturnType<ReturnType<typeof useProviders.getState>['configure']>>): Promise<string | null> {
  return result.ok ? null : result.error.message;
}

export function ModelField({ id, tier, label, saved, fallback }: { id: ConfigurableProviderId; tier: 'standard' | 'hd'; label: string; saved: string | null; fallback: string | null }) {
  const configure = useProviders((s) => s.configure);
  const patchKey: keyof ProviderConfigPatch = tier === 'standard' ? 'standardModel' : 'hdModel';
  const field = useSavedField(saved, async (value) => saveError(await configure(id, { [patchKey]: value === '' ? null : value })));
  return (
    <TextField
      label={label}
      className="field-mono"
      value={field.value}
      placeholder={fallback ?? 'None'}
      hint={saved === null ? 'Default' : 'Empty the field to use the default.'}
      error={field.error}
      spellCheck={false}
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={() => void field.commit()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void field.commit();
        if (event.key === 'Escape') field.reset();
      }}
    />
  );
}

export function BaseUrlField({ id, saved, fallback, hint }: { id: ConfigurableProviderId; saved: string | null; fallback: string | null; hint: string }) {
  const configure = useProviders((s) => s.configure);
  const field = useSavedField(saved, async (value) => {
    if (value === '') return saveError(await configure(id, { baseUrl: null }));
    const checked = BaseUrlSchema.safeParse(value);
    if (!checked.success) return checked.error.issues[0]?.message ?? 'Enter a full http:// or https:// URL.';
    return saveError(await configure(id, { baseUrl: checked.data }));
  });
  return (
    <TextField
      label="Base URL"
      className="field-mono"
      value={field.value}
      placeholder={fallback ?? 'http://127.0.0.1:11434'}
      hint={hint}
      error={field.error}
      spellCheck={false}
      inputMode="url"
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={() => void field.commit()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void field.commit();
        if (event.key === 'Escape') field.reset();
      }}
      trailing={
        saved !== null ? (
          <Button size="sm" variant="ghost" onClick={() => void configure(id, { baseUrl: null })}>
            Use default
          </Button>
        ) : undefined
      }
    />
  );
}
