/**
 * The provider quality matrix (pipeline stage 7): one data table, capability × tier → the
 * preferred order of providers. `resolveProviderChain` keeps the available ones that can do
 * the job, in that order.
 *
 * Desktop differences from the seed (facts 1.7): a detected local ComfyUI comes first for
 * standard work (offline artists); the user's own HD-capable keys come before the hosted
 * account (they cost no credits); Pollinations (no key) is the last resort everywhere it can
 * serve. Every capable provider is in the chain — the seed retried only two of them.
 */
import type { ModeId } from '../../../shared/modes';
import type { Capability, ProviderCapabilities, ProviderId, Tier } from './provider';

export const ROUTING_TABLE: Readonly<Record<Capability, Readonly<Record<Tier, ReadonlyArray<ProviderId>>>>> = {
  generate: {
    standard: ['comfyui', 'together', 'huggingface', 'fal', 'replicate', 'pollinations'],
    hd: ['fal', 'replicate', 'hosted', 'comfyui', 'together'],
  },
  scene: {
    standard: ['comfyui', 'together', 'huggingface', 'pollinations'],
    hd: ['fal', 'replicate', 'hosted', 'comfyui', 'together'],
  },
  animate: {
    standard: ['comfyui', 'together', 'huggingface', 'pollinations'],
    hd: ['replicate', 'fal', 'hosted', 'comfyui'],
  },
  rotate: {
    standard: ['comfyui', 'fal', 'replicate'],
    hd: ['fal', 'replicate', 'hosted', 'comfyui'],
  },
  inpaint: {
    standard: ['comfyui', 'fal', 'replicate'],
    hd: ['fal', 'replicate', 'hosted', 'comfyui'],
  },
  code: {
    standard: ['local-llm', 'together'],
    hd: ['together', 'hosted', 'local-llm'],
  },
};

/** Which provider capability a mode's tool needs. */
export function capabilityFor(mode: ModeId, tool: string): Capability {
  if (mode === 'uiux') return 'code';
  if (mode === 'pixel' && (tool === 'scene' || tool === 'animate' || tool === 'rotate' || tool === 'inpaint')) return tool;
  return 'generate';
}

export interface RoutingInput {
  readonly mode: ModeId;
  readonly tool: string;
  readonly tier: Tier;
  /** Providers configured and reachable right now (keys present, ComfyUI detected, signed in). */
  readonly available: ReadonlyArray<ProviderCapabilities>;
  /** The studio's override: only this provider, if it can do the job. */
  readonly only?: ProviderId | undefined;
}

export function resolveProviderChain({ mode, tool, tier, available, only }: RoutingInput): ProviderCapabilities[] {
  const capability = capabilityFor(mode, tool);
  const byId = new Map(available.map((p) => [p.id, p]));
  const order = only ? [only] : ROUTING_TABLE[capability][tier];
  return order
    .map((id) => byId.get(id))
    // HD only where the provider names its own HD model: never a standard model billed as HD.
    .filter((p): p is ProviderCapabilities => p !== undefined && p.capabilities.has(capability) && p.tiers.has(tier) && (tier === 'standard' || p.models.hd !== undefined));
}
