/**
 * How the account plugs into generation: the hosted provider joins whatever registry the app
 * built (available only while signed in and not switched off in settings), the stage-1 guard
 * refuses an HD run the known balance cannot pay for, and the pipeline's finished-job events
 * trigger the credit sync and reconciliation.
 */
import type { GenerationPlan } from '../pipeline/plan';
import type { ProviderRegistry } from '../pipeline/types';
import type { ProviderSource } from '../providers/provider-registry';
import type { SettingsStore } from '../settings/settings-store';
import type { AccountService } from './account-service';

export function hostedSource(account: AccountService, settings: SettingsStore): ProviderSource {
  return {
    id: 'hosted',
    provider: () => account.provider,
    isAvailable: () => account.signedIn && (settings.get().providers.hosted?.enabled ?? true),
  };
}

/** `base` plus the hosted source (replacing any `hosted` entry `base` has). */
export function withSource(base: ProviderRegistry, source: ProviderSource): ProviderRegistry {
  return {
    available: () => [...base.available().filter((p) => p.id !== source.id), ...(source.isAvailable() ? [source.provider().capabilities] : [])],
    get: (id) => (id === source.id ? (source.isAvailable() ? source.provider() : undefined) : base.get(id)),
  };
}

/** Stage 1: an HD run routed to the hosted account must be affordable with the known balance. */
export function guardHostedRun(account: AccountService, plan: GenerationPlan): void {
  if (plan.tier === 'hd' && plan.chain[0]?.id === 'hosted') account.assertCanAfford(plan.request.mode, plan.slots.length);
}
