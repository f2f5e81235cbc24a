/**
 * How the account plugs into generation: the hosted provider joins whatever registry the app
 * built (available only while signed in and not switched off in settings), the stage-1 guard
 * refuses an HD run the known balance cannot pay for, and the pipeline's finished-job events
 * trigger the credit sync and reconciliation.
 */
import type { GenerationPlan } from '../pipeline/plan';
import type { ProviderCapabilities, ProviderRegistry } from '../providers/provider';
import type { ProviderSource } from '../providers/provider-registry';
import type { SettingsStore } from '../settings/settings-store';
import type { AccountService } from '../account/account-service';

/** A source whose availability depends on which other providers are available. */
export interface ContextualSource extends ProviderSource {
  isAvailableBeside(others: ReadonlyArray<ProviderCapabilities>): boolean;
}

/**
 * Signed in and switched on. An account known to have no HD credits steps aside when another
 * HD-capable provider is available (a local ComfyUI, the user's own keys) — so HD still runs
 * there — and stays otherwise, so the studio can say "top up" instead of "no provider".
 */
export function hostedSource(account: AccountService, settings: SettingsStore): ContextualSource {
  const usable = () => account.signedIn && (settings.get().providers.hosted?.enabled ?? true);
  return {
    id: 'hosted',
    provider: () => account.provider,
    isAvailable: usable,
    isAvailableBeside: (others) => usable() && (account.creditsLeft !== 0 || !others.some((p) => p.id !== 'hosted' && p.tiers.has('hd') && p.models.hd !== undefined)),
  };
}

/** `base` plus the hosted source (replacing any `hosted` entry `base` has). */
export function withSource(base: ProviderRegistry, source: ContextualSource): ProviderRegistry {
  const others = () => base.available().filter((p) => p.id !== source.id);
  return {
    available: () => {
      const rest = others();
      return source.isAvailableBeside(rest) ? [...rest, source.provider().capabilities] : rest;
    },
    get: (id) => (id === source.id ? (source.isAvailableBeside(others()) ? source.provider() : undefined) : base.get(id)),
  };
}

/** Stage 1: an HD run routed to the hosted account must be affordable with the known balance. */
export function guardHostedRun(account: AccountService, plan: GenerationPlan): void {
  if (plan.tier === 'hd' && plan.chain[0]?.id === 'hosted') account.assertCanAfford(plan.request.mode, plan.slots.length);
}
