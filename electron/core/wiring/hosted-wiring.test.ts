import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { capabilities } from '../pipeline/testing';
import type { ProviderRegistry } from '../providers/provider';
import type { SettingsStore } from '../settings/settings-store';
import type { AccountService } from '../account/account-service';
import { hostedSource, withSource } from './hosted-wiring';

const settings = (enabled: boolean): SettingsStore => ({
  get: () => ({ ...DEFAULT_SETTINGS, providers: { hosted: { enabled, baseUrl: null, standardModel: null, hdModel: null } } }),
  update: () => DEFAULT_SETTINGS,
  onDidChange: () => () => undefined,
});

function registry(ids: ReadonlyArray<'comfyui' | 'together'>, hd = true): ProviderRegistry {
  const caps = ids.map((id) => capabilities(id, hd ? {} : { tiers: new Set(['standard']), models: { standard: `${id}-std` } }));
  return { available: () => caps, get: () => undefined };
}

const account = (signedIn: boolean, creditsLeft: number | null) => ({ signedIn, creditsLeft, provider: { capabilities: capabilities('hosted') } }) as unknown as AccountService;
const ids = (r: ProviderRegistry) => r.available().map((p) => p.id);

describe('the hosted source in the registry', () => {
  it('is there only while signed in and switched on', () => {
    expect(ids(withSource(registry(['comfyui']), hostedSource(account(false, null), settings(true))))).toEqual(['comfyui']);
    expect(ids(withSource(registry(['comfyui']), hostedSource(account(true, 5), settings(false))))).toEqual(['comfyui']);
    expect(ids(withSource(registry(['comfyui']), hostedSource(account(true, 5), settings(true))))).toEqual(['comfyui', 'hosted']);
    expect(withSource(registry([]), hostedSource(account(true, 5), settings(true))).get('hosted')).toBeDefined();
  });

  it('with no credits left, steps aside for another HD-capable provider but stays when it is the only one (to say "top up")', () => {
    expect(ids(withSource(registry(['comfyui']), hostedSource(account(true, 0), settings(true))))).toEqual(['comfyui']);
    expect(ids(withSource(registry(['together'], false), hostedSource(account(true, 0), settings(true))))).toEqual(['together', 'hosted']);
    expect(ids(withSource(registry([]), hostedSource(account(true, null), settings(true))))).toEqual(['hosted']);
  });
});
