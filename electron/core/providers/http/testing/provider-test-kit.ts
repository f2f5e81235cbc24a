/** Shared by the provider clients' tests: a full ProviderRequest and a way to catch the typed error. */
import type { ProviderErrorKind, ProviderRequest } from '../../provider';

export function testRequest(overrides: Partial<ProviderRequest> = {}): ProviderRequest {
  return {
    mode: 'business',
    capability: 'generate',
    tier: 'standard',
    model: 'test-model',
    prompt: 'a flat vector fox logo',
    negativePrompt: null,
    width: 512,
    height: 512,
    steps: 4,
    guidance: 3.5,
    sampler: 'euler',
    scheduler: 'normal',
    seed: 42,
    ...overrides,
  };
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error & { kind: ProviderErrorKind; retryAfterMs?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind: ProviderErrorKind };
  }
  throw new Error('expected a failure, but the call succeeded');
}

export const liveSignal = (): AbortSignal => new AbortController().signal;
