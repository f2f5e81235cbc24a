import { describe, expect, it } from 'vitest';
import { capabilities } from '../pipeline/testing';
import { ProviderError, toProviderError } from './provider';
import { capabilityFor, resolveProviderChain, ROUTING_TABLE } from './routing';

const all = (['comfyui', 'together', 'fal', 'replicate', 'huggingface', 'pollinations', 'hosted', 'local-llm'] as const).map((id) => capabilities(id));

describe('routing', () => {
  it.each([
    ['pixel', 'generate', 'generate'],
    ['pixel', 'animate', 'animate'],
    ['pixel', 'inpaint', 'inpaint'],
    ['business', 'logo', 'generate'],
    ['emoji', 'pack', 'generate'],
    ['vector', 'icon', 'generate'],
    ['uiux', 'page', 'code'],
  ] as const)('%s/%s needs %s', (mode, tool, capability) => {
    expect(capabilityFor(mode, tool)).toBe(capability);
  });

  it('orders the chain by the table and keeps only available, capable providers for the tier', () => {
    expect(resolveProviderChain({ mode: 'pixel', tool: 'generate', tier: 'standard', available: all }).map((p) => p.id)).toEqual(ROUTING_TABLE.generate.standard);
    const noComfy = all.filter((p) => p.id !== 'comfyui');
    expect(resolveProviderChain({ mode: 'pixel', tool: 'generate', tier: 'standard', available: noComfy })[0]?.id).toBe('together');
    const standardOnly = all.map((p) => (p.id === 'fal' ? capabilities('fal', { tiers: new Set(['standard']) }) : p));
    expect(resolveProviderChain({ mode: 'business', tool: 'logo', tier: 'hd', available: standardOnly }).map((p) => p.id)).not.toContain('fal');
    const noInpaint = all.map((p) => capabilities(p.id, { capabilities: new Set(['generate']) }));
    expect(resolveProviderChain({ mode: 'pixel', tool: 'inpaint', tier: 'standard', available: noInpaint })).toEqual([]);
  });

  it('routes code to text providers only', () => {
    expect(resolveProviderChain({ mode: 'uiux', tool: 'section', tier: 'standard', available: all }).map((p) => p.id)).toEqual(['local-llm', 'together']);
  });

  it('honours an override, and only if that provider can do the job', () => {
    expect(resolveProviderChain({ mode: 'pixel', tool: 'generate', tier: 'standard', available: all, only: 'pollinations' }).map((p) => p.id)).toEqual(['pollinations']);
    expect(resolveProviderChain({ mode: 'pixel', tool: 'generate', tier: 'standard', available: all.filter((p) => p.id !== 'fal'), only: 'fal' })).toEqual([]);
  });

  it('lists every provider the table names at most once per row', () => {
    for (const row of Object.values(ROUTING_TABLE)) for (const chain of Object.values(row)) expect(new Set(chain).size).toBe(chain.length);
  });
});

describe('provider errors', () => {
  it('knows which kinds may fall back', () => {
    expect(new ProviderError('unreachable', 'x').retryable).toBe(true);
    expect(new ProviderError('timeout', 'x').retryable).toBe(true);
    expect(new ProviderError('provider_failure', 'x').retryable).toBe(true);
    expect(new ProviderError('rate_limited', 'x').retryable).toBe(true);
    for (const kind of ['unauthorised', 'out_of_credits', 'invalid_request', 'content_refused', 'cancelled'] as const) {
      expect(new ProviderError(kind, 'x').retryable).toBe(false);
    }
  });

  it('maps anything thrown, an abort included', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toProviderError(new Error('boom')).kind).toBe('provider_failure');
    expect(toProviderError(new Error('x'), controller.signal).kind).toBe('cancelled');
    expect(toProviderError(new DOMException('The operation timed out.', 'TimeoutError')).kind).toBe('timeout');
    expect(toProviderError(new DOMException('aborted', 'AbortError')).kind).toBe('timeout');
  });
});
