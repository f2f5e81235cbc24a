import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderProgress, ProviderRequest } from '../provider';
import { failure, liveSignal, testRequest } from '../http/testing/provider-test-kit';
import { waitUntil } from '../http/testing/wait-until';
import { TogetherImageClient } from './together-images';
import { TogetherTestServer } from './test-server';

let together: TogetherTestServer;
const live = liveSignal;

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => testRequest({ ...{ model: 'black-forest-labs/FLUX.1-schnell' }, ...overrides });

function client(key: string | null = together.key, limits = {}) {
  return new TogetherImageClient({ baseUrl: together.baseUrl, getKey: async () => key, limits: { bucket: null, ...limits } });
}

beforeEach(async () => {
  together = await TogetherTestServer.start();
});
afterEach(async () => together.close());

describe('TogetherImageClient', () => {
  it('declares honest capabilities and default models', () => {
    const caps = new TogetherImageClient({ getKey: async () => null }).capabilities;
    expect(caps).toMatchObject({ id: 'together', needsKey: true, local: false, nativeNegative: false, models: { standard: 'black-forest-labs/FLUX.1-schnell', hd: 'black-forest-labs/FLUX.1.1-pro' } });
    expect([...caps.tiers]).toEqual(['standard', 'hd']);
    expect(caps.capabilities.has('generate')).toBe(true);
    expect(caps.capabilities.has('inpaint')).toBe(false);
  });

  it('uses the models from settings', () => {
    const caps = new TogetherImageClient({ getKey: async () => null, models: { standard: 'stabilityai/stable-diffusion-xl-base-1.0', hd: null } }).capabilities;
    expect(caps.models.standard).toBe('stabilityai/stable-diffusion-xl-base-1.0');
    expect(caps.models.hd).toBe('black-forest-labs/FLUX.1.1-pro');
  });

  it('generates a PNG of the requested size (base64) with progress', async () => {
    const progress: ProviderProgress[] = [];
    const output = await client().generate(request({ width: 640, height: 384 }), live(), (p) => progress.push(p));
    expect(output.mime).toBe('image/png');
    expect(output.model).toBe('black-forest-labs/FLUX.1-schnell');
    expect(together.generations[0]).toMatchObject({ model: 'black-forest-labs/FLUX.1-schnell', prompt: 'a flat vector fox logo', width: 640, height: 384, steps: 4, seed: 42, n: 1, response_format: 'base64', output_format: 'png' });
    expect(together.server.requests[0]?.headers.authorization).toBe(`Bearer ${together.key}`);
    expect(progress.map((p) => p.fraction)).toEqual([0.05, 0.9, 1]);
  });

  it('downloads URL results', async () => {
    together.answerFormat = 'url';
    const output = await client().generate(request(), live(), () => undefined);
    expect(output.mime).toBe('image/png');
    expect(together.server.requestsTo(/^\/files\//)).toHaveLength(1);
  });

  it('snaps sizes to the model’s rules and clamps schnell’s steps', async () => {
    await client().generate(request({ width: 1000, height: 3000, steps: 30 }), live(), () => undefined);
    expect(together.generations[0]).toMatchObject({ width: 592, height: 1792, steps: 4 });
    await client().generate(request({ model: 'black-forest-labs/FLUX.1.1-pro', tier: 'hd', width: 2048, height: 2048 }), live(), () => undefined);
    expect(together.generations[1]).toMatchObject({ width: 1440, height: 1440 });
    expect(together.generations[1]).not.toHaveProperty('steps');
  });

  it('sends a negative prompt only to models that read it', async () => {
    await client().generate(request({ negativePrompt: 'blurry' }), live(), () => undefined);
    expect(together.generations[0]).not.toHaveProperty('negative_prompt');
    await client().generate(request({ model: 'stabilityai/stable-diffusion-xl-base-1.0', negativePrompt: 'blurry' }), live(), () => undefined);
    expect(together.generations[1]).toMatchObject({ negative_prompt: 'blurry', guidance_scale: 3.5 });
  });

  it('without a key: unauthorised, asking for one, and nothing is sent', async () => {
    const error = await failure(client(null).generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'unauthorised', message: 'No Together AI key — add one in Settings → Providers' });
    expect(together.server.requests).toHaveLength(0);
  });

  it('a key with a line break is rejected before use', async () => {
    const error = await failure(client(`${together.key}\n`).generate(request(), live(), () => undefined));
    expect(error.kind).toBe('unauthorised');
    expect(error.message).not.toContain(together.key);
    expect(together.server.requests).toHaveLength(0);
  });

  it('a wrong key is unauthorised and never echoed', async () => {
    const wrong = 'tgp_v1_wrong-key-abcdefghijkl';
    const error = await failure(client(wrong).generate(request(), live(), () => undefined));
    expect(error.kind).toBe('unauthorised');
    expect(error.message).toMatch(/^Together AI answered 401: Invalid API key provided/);
    expect(error.message).not.toContain(wrong);
  });

  it.each([
    [402, 'out_of_credits', /Credit limit exceeded/],
    [500, 'provider_failure', /Internal server error/],
    [503, 'provider_failure', /overloaded/],
  ] as const)('%i → %s', async (status, kind, message) => {
    together.failNext(1, status);
    const error = await failure(client().generate(request(), live(), () => undefined));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it('429 → rate_limited with Retry-After', async () => {
    together.failNext(1, 429, { retryAfter: '7' });
    const error = await failure(client().generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7_000 });
  });

  it('400 → invalid_request naming Together’s field', async () => {
    together.failNext(1, 400, { message: 'Model not available for this tier', param: 'model' });
    const error = await failure(client().generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'invalid_request', message: 'Together AI answered 400: model: Model not available for this tier.' });
  });

  it('failAlways keeps failing until recover', async () => {
    together.failAlways(503);
    for (let i = 0; i < 3; i += 1) expect((await failure(client().generate(request(), live(), () => undefined))).kind).toBe('provider_failure');
    together.recover();
    await expect(client().generate(request(), live(), () => undefined)).resolves.toMatchObject({ mime: 'image/png' });
  });

  it('an HTML page instead of JSON is a clear provider failure', async () => {
    together.imageFault = 'html';
    const error = await failure(client().generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/HTML instead of JSON — check the base URL/) });
  });

  it('a truncated image is refused', async () => {
    together.imageFault = 'truncated';
    const error = await failure(client().generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/truncated PNG/) });
  });

  it('an image over the limit is refused (base64 and URL)', async () => {
    together.imageFault = 'oversized';
    // Base64 inside JSON: the answer is cut off at the JSON limit (the image limit + base64's third).
    expect((await failure(client(together.key, { maxImageBytes: 1 << 20 }).generate(request(), live(), () => undefined))).message).toMatch(/larger than the 1\.5 MB limit; it was not downloaded/);
    together.answerFormat = 'url';
    expect((await failure(client(together.key, { maxImageBytes: 1 << 20 }).generate(request(), live(), () => undefined))).message).toMatch(/larger than the 1 MB limit/);
  });

  it('a hung connection times out', async () => {
    together.hangNext(1);
    const error = await failure(client(together.key, { timeoutMs: 100 }).generate(request(), live(), () => undefined));
    expect(error.kind).toBe('timeout');
  });

  it('cancelling mid-flight is cancelled', async () => {
    together.hangNext(1);
    const controller = new AbortController();
    const pending = client().generate(request(), controller.signal, () => undefined);
    await waitUntil(() => together.server.requests.length === 1, 'the request reached Together');
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
  });

  it('an unreachable base URL is unreachable', async () => {
    const url = together.baseUrl;
    await together.close();
    const error = await failure(new TogetherImageClient({ baseUrl: url, getKey: async () => 'tgp_v1_abc' }).generate(request(), live(), () => undefined));
    expect(error.kind).toBe('unreachable');
    together = await TogetherTestServer.start();
  });

  describe('verifyKey', () => {
    it('accepts the right key with GET /v1/models', async () => {
      await expect(client().verifyKey(together.key, live())).resolves.toEqual({ valid: true });
      expect(together.server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    });

    it('rejects a wrong key without echoing it', async () => {
      const result = await client().verifyKey('tgp_v1_not-the-key-xyz', live());
      expect(result.valid).toBe(false);
      expect(JSON.stringify(result)).not.toContain('tgp_v1_not-the-key-xyz');
    });

    it('rejects a malformed key without a request', async () => {
      await expect(client().verifyKey('two words', live())).resolves.toMatchObject({ valid: false, reason: expect.stringMatching(/spaces or line breaks/) });
      await expect(client().verifyKey('', live())).resolves.toMatchObject({ valid: false, reason: 'The key is empty.' });
      expect(together.server.requests).toHaveLength(0);
    });
  });
});
