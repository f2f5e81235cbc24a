/** One cloud provider in Settings → Providers: status, key, switch, models, advanced base URL. */
import { useId } from 'react';
import { KEYED_PROVIDER_IDS } from '../../../../shared/provider-status';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useProviders } from '../../stores';
import type { KeyedProviderId } from '../../stores/providers';
import { BaseUrlField, EnableSwitch, ModelField } from './ProviderFields';
import { ProviderKeyField } from './ProviderKeyField';
import type { ProviderStatus, SecretStorageStatus } from './providerTypes';

const isKeyed = (p: ProviderStatus): p is ProviderStatus & { id: KeyedProviderId } => (KEYED_PROVIDER_IDS as ReadonlyArray<string>).includes(p.id);

export function ProviderStatusBadge({ provider }: { provider: ProviderStatus }) {
  if (provider.available) return <Badge tone="success" icon="check">Ready</Badge>;
  if (!provider.enabled) return <Badge>Off</Badge>;
  if (provider.key !== null && !provider.key.configured) return <Badge tone="warning">Needs a key</Badge>;
  return <Badge tone="warning">Not available</Badge>;
}

function KeyPageLink({ url, label }: { url: string; label: string }) {
  const open = useProviders((s) => s.openKeyPage);
  return (
    <p className="provider-hint">
      No key yet?{' '}
      <Button size="sm" variant="ghost" icon="reveal" onClick={() => void open(url)}>
        Create a {label} key
      </Button>
    </p>
  );
}

export function ProviderCard({ provider, storage }: { provider: ProviderStatus; storage: SecretStorageStatus }) {
  const titleId = useId();
  const makes = provider.makes.includes('code') && provider.makes.includes('images') ? 'Images and UI code' : provider.makes.includes('code') ? 'UI code' : 'Images';
  return (
    <li className="provider-card provider-card-full" aria-labelledby={titleId} data-provider={provider.id}>
      <div className="provider-card-header">
        <p className="provider-text">
          <span id={titleId} className="provider-name">
            {provider.label}
          </span>
          <span className="provider-kind">
            {provider.kind} · {makes}
          </span>
        </p>
        <div className="toolbar">
          <ProviderStatusBadge provider={provider} />
          <EnableSwitch id={provider.id} label={provider.label} enabled={provider.enabled} />
        </div>
      </div>
      {provider.hint !== null && <p className="provider-hint">{provider.hint}</p>}
      {isKeyed(provider) && <ProviderKeyField provider={provider} storage={storage} />}
      {isKeyed(provider) && provider.keyUrl !== null && !(provider.key?.configured ?? false) && <KeyPageLink url={provider.keyUrl} label={provider.label} />}
      <div className="provider-models">
        <ModelField id={provider.id} tier="standard" label="Standard model" saved={provider.models.standard} fallback={provider.defaultModels.standard} />
        <ModelField id={provider.id} tier="hd" label="HD model" saved={provider.models.hd} fallback={provider.defaultModels.hd} />
      </div>
      <details className="provider-advanced">
        <summary>Advanced</summary>
        <BaseUrlField id={provider.id} saved={provider.baseUrl} fallback={provider.defaultBaseUrl} hint="For a proxy or a compatible endpoint. Empty = the provider’s own address." />
      </details>
    </li>
  );
}
