import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderRequest } from '../provider';
import { failure, liveSignal, testRequest } from '../http/testing/provider-test-kit';
import { waitUntil } from '../http/testing/wait-until';
import { OneAtATime } from './one-at-a-time';
import { PollinationsClient } from './pollinations-client';
import { PollinationsTestServer } from './test-server';

let pollinations: PollinationsTestServer;
const live = liveSignal;

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => testRequest({ ...{ mode: 'pixel', model: 'flux', prompt: 'pixel art slime, 16-bit', negativePrompt: 'blurry', steps: 20, guidance: 7, seed: 99 }, ...overrides });

function client(extra: { key?: string | null; limits?: object; gate?: OneAtATime } = {}) {
  return new PollinationsClient({ baseUrl: pollinations.baseUrl, getKey: async () => extra.key ?? null, gate: extra.gate ?? new OneAtATime(), limits: { bucket: null, ...extra.limits } });
}

beforeEach(async () => {
  pollinations = await PollinationsTestServer.start();
});
afterEach(async () => pollinations.close());

describe('PollinationsClient', () => {
  it('needs no key, runs one at a time, gets the compact prompt', () => {
    expect(client().capabilities).toMatchObject({ id: 'pollinations', needsKey: false, concurrency: 1, nativeNegative: true, models: { standard: 'flux' } });
    expect(client().capabilities.maxPromptChars).toBeLessThan(300);
    expect([...client().capabilities.tiers]).toEqual(['standard']);
  });

  it('GETs the prompt URL with the documented query and returns the image', async () => {
    const output = await client().generate(request({ width: 500, height: 260 }), live(), () => undefined);
    expect(output).toMatchObject({ mime: 'image/jpeg', model: 'flux' });
    const call = pollinations.calls[0]!;
    expect(call.prompt).toBe('pixel art slime, 16-bit');
    expect(Object.fromEntries(call.query)).toEqual({ width: '496', height: '256', seed: '99', model: 'flux', nologo: 'true', private: 'true', enhance: 'false', negative_prompt: 'blurry' });
    expect(call.authorization).toBeUndefined();
  });

  it('a prompt with / ? # stays one path segment', async () => {
    await client().generate(request({ prompt: 'sword / shield? #1 & more' }), live(), () => undefined);
    expect(pollinations.calls[0]!.prompt).toBe('sword / shield? #1 & more');
  });

  it('never runs two requests at once, even from two client instances', async () => {
    pollinations.renderMs = 30;
    const gate = new OneAtATime();
    const a = client({ gate });
    const b = client({ gate });
    const results = await Promise.all([a.generate(request({ seed: 1 }), live(), () => undefined), b.generate(request({ seed: 2 }), live(), () => undefined), a.generate(request({ seed: 3 }), live(), () => undefined)]);
    expect(results).toHaveLength(3);
    expect(pollinations.maxInFlight).toBe(1);
    expect(pollinations.calls.map((c) => c.query.get('seed'))).toEqual(['1', '2', '3']);
  });

  it('a job cancelled while waiting its turn leaves without letting the next one jump the queue', async () => {
    pollinations.renderMs = 30;
    const gate = new OneAtATime();
    const first = client({ gate }).generate(request({ seed: 1 }), live(), () => undefined);
    const controller = new AbortController();
    const second = client({ gate }).generate(request({ seed: 2 }), controller.signal, () => undefined);
    const third = client({ gate }).generate(request({ seed: 3 }), live(), () => undefined);
    controller.abort();
    expect((await failure(second)).kind).toBe('cancelled');
    await Promise.all([first, third]);
    expect(pollinations.maxInFlight).toBe(1);
    expect(pollinations.calls.map((c) => c.query.get('seed'))).toEqual(['1', '3']);
  });

  it('an optional key goes in the Authorization header, never the URL; a malformed one is refused', async () => {
    await client({ key: 'sk_pollinations_key_12345' }).generate(request(), live(), () => undefined);
    expect(pollinations.calls[0]!.authorization).toBe('Bearer sk_pollinations_key_12345');
    expect(pollinations.server.requests[0]!.path).not.toContain('sk_pollinations');
    expect(await failure(client({ key: 'sk_bad key' }).generate(request(), live(), () => undefined))).toMatchObject({ kind: 'unauthorised' });
  });

  it('429 (queue full for the IP) is rate limited with Retry-After', async () => {
    pollinations.failNext(1, 429, 'Too Many Requests', { 'retry-after': '5' });
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 5_000 });
  });

  it.each([
    [500, 'provider_failure'],
    [502, 'provider_failure'],
    [400, 'invalid_request'],
  ] as const)('%i → %s', async (status, kind) => {
    pollinations.failNext(1, status);
    expect((await failure(client().generate(request(), live(), () => undefined))).kind).toBe(kind);
  });

  it('an HTML page instead of the image is a clear provider failure', async () => {
    pollinations.server.failNext(1, { type: 'html', status: 200 });
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/HTML page, not an image/) });
  });

  it('truncated and oversized images are refused', async () => {
    pollinations.imageFault = 'truncated';
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ message: expect.stringMatching(/truncated JPEG/) });
    pollinations.imageFault = null;
    expect(await failure(client({ limits: { maxImageBytes: 500 } }).generate(request(), live(), () => undefined))).toMatchObject({ message: expect.stringMatching(/larger than/) });
  });

  it('a hung connection times out; cancelling mid-flight is cancelled', async () => {
    pollinations.server.failNext(1, { type: 'hang' });
    expect((await failure(client({ limits: { timeoutMs: 100 } }).generate(request(), live(), () => undefined))).kind).toBe('timeout');
    pollinations.server.failNext(1, { type: 'hang' });
    const controller = new AbortController();
    const pending = client().generate(request(), controller.signal, () => undefined);
    await waitUntil(() => pollinations.server.requests.length === 2, 'the second request arrived');
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
  });

  it('an empty prompt is refused before any request', async () => {
    expect(await failure(client().generate(request({ prompt: '   ' }), live(), () => undefined))).toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/^prompt:/) });
    expect(pollinations.server.requests).toHaveLength(0);
  });
});
