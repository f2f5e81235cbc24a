/**
 * Status fixtures shared by the renderer's store and component tests (one definition each, so a
 * contract change is fixed in one place).
 */
import type { AccountStatus } from '../../../shared/hosted-api';
import type { ProviderStatus } from '../../../shared/provider-status';

/** Together AI with no key saved: the usual starting state of a keyed cloud provider. */
export function aProviderStatus(overrides: Partial<ProviderStatus> = {}): ProviderStatus {
  return {
    id: 'together',
    label: 'Together AI',
    kind: 'Cloud, with your API key',
    makes: ['images', 'code'],
    enabled: true,
    baseUrl: null,
    defaultBaseUrl: 'https://api.together.ai/v1',
    keyUrl: 'https://api.together.ai/settings/api-keys',
    models: { standard: null, hd: null },
    defaultModels: { standard: 'black-forest-labs/FLUX.1-schnell', hd: 'black-forest-labs/FLUX.1.1-pro' },
    key: { configured: false, last4: null },
    available: false,
    hint: 'Add your API key to use it.',
    ...overrides,
  };
}

/** Signed out of the default account server. */
export function aSignedOutAccount(overrides: Partial<AccountStatus> = {}): AccountStatus {
  return {
    state: 'signed_out',
    signIn: null,
    account: null,
    lastSyncedAt: null,
    stale: false,
    message: null,
    baseUrl: 'https://wokgen.wokspec.org',
    plansUrl: 'https://wokgen.wokspec.org/pricing',
    topUpUrl: 'https://wokgen.wokspec.org/account/billing',
    ...overrides,
  };
}
