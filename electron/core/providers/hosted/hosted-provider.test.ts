import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreditsRemaining } from '../../../../shared/hosted-api';
import type { ModeId } from '../../../../shared/modes';
import { TestAccountServer } from '../../account/testing/test-account-server';
import { ManualClock } from '../http/clock';
import { ProviderError, type ProviderRequest } from '../provider';
import { HostedApiClient } from './hosted-api-client';
import { HostedProvider } from './hosted-provider';

// Real PNG renders on a loopback server: room for a busy CI machine.
vi.setConfig({ testTimeout: 20_000 });

let server: TestAccountServer;
let charges: Array<{ mode: ModeId; credits: number; remaining: CreditsRemaining }>;
let calls: { started: number; ended: number };
let refreshes: number;
let provider: HostedProvider;
let token: string;

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => ({
  mode: 'pixel',
  capability: 'generate',
  tier: 'hd',
  model: 'wokgen-hosted-hd',
  prompt: 'pixel art, a golden crown',
  negativePrompt: 'blurry',
  width: 64,
  height: 48,
  steps: 30,
  guidance: 7.5,
  sampler: 'euler',
  scheduler: 'normal',
  seed: 42,
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

beforeEach(async () => {
  server = await TestAccountServer.start({ plan: 'pro', monthlyUsed: 499, topUp: 4 });
  token = server.mintAccessToken();
  charges = [];
  calls = { started: 0, ended: 0 };
  refreshes = 0;
  const api = new HostedApiClient({
    baseUrl: () => server.url,
    auth: {
      accessToken: async () => token,
      afterUnauthorised: async () => {
        refreshes += 1;
        token = server.mintAccessToken();
        return token;
      },
    },
  });
  provider = new HostedProvider(api, {
    callStarted: () => void (calls.started += 1),
    callEnded: () => void (calls.ended += 1),
    charged: (charge) => void charges.push(charge),
  });
});

afterEach(() => server.close());

describe('HostedProvider', () => {
  it('renders an HD image at the requested size and reports the charge and the balances left', async () => {
    const progress: number[] = [];
    const output = await provider.generate(request(), new AbortController().signal, (p) => progress.push(p.fraction ?? -1));
    expect(output.mime).toBe('image/png');
    expect(output.model).toBe('test-flux-hd');
    const sent = JSON.parse(server.server.requestsTo(/^\/api\/generate$/)[0]!.body.toString()) as Record<string, unknown>;
    expect(sent).toMatchObject({ mode: 'pixel', tool: 'generate', width: 64, height: 48, seed: 42, negPrompt: 'blurry', hd: true });
    expect(charges).toEqual([{ mode: 'pixel', credits: 1, remaining: { monthly: 0, topUp: 4 } }]);
    expect(calls).toEqual({ started: 1, ended: 1 });
    expect(progress.at(-1)).toBe(1);
  });

  it('answers UI/UX code as text and charges 3 credits (monthly first, then top-up)', async () => {
    const output = await provider.generate(request({ mode: 'uiux', capability: 'code' }), new AbortController().signal, () => undefined);
    expect(output.mime).toBe('text/markdown');
    expect(new TextDecoder().decode(output.bytes)).toMatch(/```html/);
    expect(charges).toEqual([{ mode: 'uiux', credits: 3, remaining: { monthly: 0, topUp: 2 } }]);
  });

  it('never runs a standard-tier request (standard work costs no credits)', async () => {
    expect((await failure(provider.generate(request({ tier: 'standard' }), new AbortController().signal, () => undefined))).kind).toBe('invalid_request');
    expect(server.server.requestsTo(/^\/api\//)).toEqual([]);
  });

  it('refreshes once on a 401 and retries; a second 401 asks the user to sign in again', async () => {
    token = 'at_stale';
    await provider.generate(request(), new AbortController().signal, () => undefined);
    expect(refreshes).toBe(1);
    server.server.failNext(2, { type: 'status', status: 401, json: { error: { code: 'unauthorized', message: 'nope' } } });
    const error = await failure(provider.generate(request(), new AbortController().signal, () => undefined));
    expect(error.kind).toBe('unauthorised');
    expect(error.message).toMatch(/Sign in again in Settings → Account/);
    expect(error.retryable).toBe(false);
  });

  it('maps 402 to out_of_credits with the top-up link, 429 to rate_limited with Retry-After, an HTML page to a clear failure', async () => {
    server.setCredits({ monthlyUsed: 500, topUpBalance: 0 });
    const broke = await failure(provider.generate(request(), new AbortController().signal, () => undefined));
    expect(broke.kind).toBe('out_of_credits');
    expect(broke.message).toContain(`${server.url}/account/billing`);
    expect(broke.retryable).toBe(false);
    server.setCredits({ topUpBalance: 10 });
    server.server.failNext(1, { type: 'status', status: 429, json: { error: { code: 'rate_limited', message: 'Slow down.' } }, headers: { 'retry-after': '7' } });
    const limited = await failure(provider.generate(request(), new AbortController().signal, () => undefined));
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    server.server.failNext(1, { type: 'html', status: 502 });
    const html = await failure(provider.generate(request(), new AbortController().signal, () => undefined));
    expect(html.kind).toBe('provider_failure');
    expect(html.message).toMatch(/HTML/);
    expect(charges).toEqual([]);
    expect(calls.started).toBe(calls.ended);
  });

  it('never puts the bearer token in an error message', async () => {
    server.server.failNext(1, { type: 'status', status: 400, json: { error: { code: 'invalid_request', message: `bad token ${token}` } } });
    const error = await failure(provider.generate(request(), new AbortController().signal, () => undefined));
    expect(error.message).not.toContain(token);
  });

  it("applies the plan's hosted rate (requests per minute × multiplier): a burst beyond it waits", async () => {
    const clock = new ManualClock(Date.now());
    const api = new HostedApiClient({ baseUrl: () => server.url, clock, auth: { accessToken: async () => token, afterUnauthorised: async () => token } });
    const limited = new HostedProvider(api, { callStarted: () => undefined, callEnded: () => undefined, charged: () => undefined });
    server.setCredits({ topUpBalance: 100 });
    api.setRateLimit(12); // a burst of 3, then one every 5 s
    for (let i = 0; i < 4; i += 1) await limited.generate(request(), new AbortController().signal, () => undefined);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4000);
    api.setRateLimit(null);
    const before = clock.sleeps.length;
    for (let i = 0; i < 4; i += 1) await limited.generate(request(), new AbortController().signal, () => undefined);
    expect(clock.sleeps.length).toBe(before);
  });
});
