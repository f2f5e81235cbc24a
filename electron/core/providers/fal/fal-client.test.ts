import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderProgress, ProviderRequest } from '../provider';
import { failure, liveSignal, testRequest } from '../http/testing/provider-test-kit';
import { ManualClock } from '../http/clock';
import { renderTestImage } from '../http/testing/test-images';
import { waitUntil } from '../http/testing/wait-until';
import { FalClient } from './fal-client';
import { FalTestServer } from './test-server';

let fal: FalTestServer;
let clock: ManualClock;
const live = liveSignal;

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => testRequest({ ...{ mode: 'pixel', model: 'fal-ai/flux/schnell', prompt: 'a knight sprite', seed: 7 }, ...overrides });

function client(key: string | null = fal.key, limits = {}) {
  return new FalClient({ baseUrl: fal.baseUrl, getKey: async () => key, clock, limits: { bucket: null, pollIntervalMs: 500, ...limits } });
}

beforeEach(async () => {
  fal = await FalTestServer.start();
  clock = new ManualClock();
});
afterEach(async () => fal.close());

describe('FalClient', () => {
  it('declares the tools the routing table gives it', () => {
    const caps = client().capabilities;
    for (const capability of ['generate', 'scene', 'animate', 'rotate', 'inpaint'] as const) expect(caps.capabilities.has(capability)).toBe(true);
    expect(caps).toMatchObject({ id: 'fal', nativeNegative: false, needsKey: true, models: { standard: 'fal-ai/flux/schnell', hd: 'fal-ai/flux-pro/v1.1' } });
  });

  it('submits, follows the queue with progress, reads the result and downloads the image', async () => {
    const progress: ProviderProgress[] = [];
    const output = await client().generate(request({ width: 500, height: 300 }), live(), (p) => progress.push(p));
    expect(output).toMatchObject({ mime: 'image/png', model: 'fal-ai/flux/schnell' });
    expect(fal.submitted[0]).toMatchObject({ endpoint: 'fal-ai/flux/schnell', appId: 'fal-ai/flux' });
    expect(fal.submitted[0]!.input).toMatchObject({ prompt: 'a knight sprite', image_size: { width: 496, height: 304 }, num_inference_steps: 4, seed: 7, num_images: 1, output_format: 'png' });
    expect(fal.submitted[0]!.input).not.toHaveProperty('guidance_scale');
    expect(fal.server.requests[0]?.headers.authorization).toBe(`Key ${fal.key}`);
    // Status and result use the app id without the sub-path.
    expect(fal.server.requestsTo(/^\/fal-ai\/flux\/requests\/[\w-]+\/status$/)).toHaveLength(5);
    const fractions = progress.map((p) => p.fraction ?? -1); // these clients always report a fraction: -1 would break the order
    expect(fractions[0]).toBe(0.02);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    // The queue says where the job stands (queue_position counts the requests ahead of it).
    const phases = progress.map((p) => p.activity).filter((a, i, all) => a !== undefined && a !== all[i - 1]);
    expect(phases).toEqual(["In fal.ai's queue", "In fal.ai's queue, 1 ahead", "Next in fal.ai's queue", 'Generating on fal.ai']);
    // Polls waited on the clock, not in real time.
    expect(clock.sleeps).toEqual([500, 500, 500, 500]);
    expect(fal.cancelled).toEqual([]);
  });

  it('reads inline data-URI images', async () => {
    fal.inlineImages = true;
    await expect(client().generate(request(), live(), () => undefined)).resolves.toMatchObject({ mime: 'image/png' });
    expect(fal.server.requestsTo(/^\/files\//)).toHaveLength(0);
  });

  it('HD uses FLUX1.1 [pro] with its own input', async () => {
    await client().generate(request({ tier: 'hd', model: 'fal-ai/flux-pro/v1.1' }), live(), () => undefined);
    expect(fal.submitted[0]!.input).toMatchObject({ safety_tolerance: '2' });
    expect(fal.submitted[0]!.input).not.toHaveProperty('num_inference_steps');
  });

  it('inpaint sends the image and mask as data URIs to the inpainting endpoint', async () => {
    const png = await renderTestImage(64, 64);
    await client().generate(request({ capability: 'inpaint', inputImage: { bytes: png, mime: 'image/png' }, mask: { bytes: png, mime: 'image/png' } }), live(), () => undefined);
    expect(fal.submitted[0]!.endpoint).toBe('fal-ai/flux-lora/inpainting');
    expect(String(fal.submitted[0]!.input.image_url)).toMatch(/^data:image\/png;base64,/);
    expect(String(fal.submitted[0]!.input.mask_url)).toMatch(/^data:image\/png;base64,/);
  });

  it('inpaint without a mask is an invalid request naming the field, before any call', async () => {
    const png = await renderTestImage(64, 64);
    const error = await failure(client().generate(request({ capability: 'inpaint', inputImage: { bytes: png, mime: 'image/png' } }), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/^mask:/) });
    expect(fal.server.requests).toHaveLength(0);
  });

  it('cancelling mid-queue calls cancel_url (PUT) and reports cancelled', async () => {
    fal.queuePolls = 1_000;
    const controller = new AbortController();
    let polls = 0;
    const realSleep = clock.sleep.bind(clock);
    clock.sleep = async (ms, signal) => {
      polls += 1;
      if (polls === 3) controller.abort();
      return realSleep(ms, signal);
    };
    const error = await failure(client().generate(request(), controller.signal, () => undefined));
    expect(error.kind).toBe('cancelled');
    expect(fal.cancelled).toEqual([fal.submitted[0]!.id]);
    expect(fal.server.requestsTo(/\/cancel$/, 'PUT')).toHaveLength(1);
  });

  it('cancelling while a status call is in flight also cancels remotely', async () => {
    const controller = new AbortController();
    fal.server.failNext(1, { type: 'hang' }, /\/status$/);
    const pending = client().generate(request(), controller.signal, () => undefined);
    await waitUntil(() => fal.server.requestsTo(/\/status$/).length === 1, 'the first status poll');
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
    expect(fal.cancelled).toHaveLength(1);
  });

  it('a job that never leaves the queue times out within its budget and is cancelled', async () => {
    fal.queuePolls = 1_000;
    const error = await failure(client(fal.key, { jobTimeoutMs: 5_000 }).generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/did not finish within 5 s/) });
    expect(fal.cancelled).toHaveLength(1);
  });

  it('a failed model run surfaces fal’s 422 field message', async () => {
    fal.resultError = { status: 422, body: { detail: [{ loc: ['body', 'image_size', 'height'], msg: 'Input should be a multiple of 8', type: 'value_error' }] } };
    const error = await failure(client().generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'invalid_request', message: 'fal.ai answered 422: image_size.height: Input should be a multiple of 8.' });
  });

  it('a failed model run (500) is a provider failure', async () => {
    fal.resultError = { status: 500, body: { detail: 'Internal error while running the model' } };
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/Internal error/) });
  });

  it('flagged content is content_refused', async () => {
    fal.nsfw = true;
    expect((await failure(client().generate(request(), live(), () => undefined))).kind).toBe('content_refused');
  });

  it('a wrong key is unauthorised and not echoed; a locked account is out of credits', async () => {
    const wrong = 'aaaaaaaa-bbbb:cccccccccccccccccccccccc';
    const error = await failure(client(wrong).generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'unauthorised', message: 'fal.ai answered 401: Unauthorized. Check the key in Settings → Providers.' });
    expect(error.message).not.toContain(wrong);
    fal.failNext(1, 403, 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.');
    expect((await failure(client().generate(request(), live(), () => undefined))).kind).toBe('out_of_credits');
  });

  it('429 is rate limited with Retry-After; 503 a provider failure', async () => {
    fal.failNext(1, 429, 'Too many requests', { 'retry-after': '3' });
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_000 });
    fal.failNext(1, 503, 'Service unavailable');
    expect((await failure(client().generate(request(), live(), () => undefined))).kind).toBe('provider_failure');
  });

  it('never sends the key to a host other than the configured queue', async () => {
    fal.foreignUrls = true;
    await expect(client().generate(request(), live(), () => undefined)).resolves.toMatchObject({ mime: 'image/png' });
    // The foreign URLs were ignored: every poll came here, rebuilt from the request id.
    expect(fal.server.requestsTo(/\/status$/).length).toBeGreaterThan(0);
  });

  it('a truncated result image is refused', async () => {
    fal.imageFault = 'truncated';
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/truncated/) });
  });

  it('an HTML answer to the submit is a clear provider failure', async () => {
    fal.server.failNext(1, { type: 'html', status: 200 });
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/HTML instead of JSON/) });
  });

  it('a hung submit times out', async () => {
    fal.server.failNext(1, { type: 'hang' });
    expect((await failure(client(fal.key, { timeoutMs: 100 }).generate(request(), live(), () => undefined))).kind).toBe('timeout');
  });

  it('without a key nothing is sent', async () => {
    expect(await failure(client(null).generate(request(), live(), () => undefined))).toMatchObject({ kind: 'unauthorised', message: 'No fal.ai key — add one in Settings → Providers' });
    expect(fal.server.requests).toHaveLength(0);
  });

  describe('verifyKey', () => {
    it('a good key: the unknown request is "not found"', async () => {
      await expect(client().verifyKey(fal.key, live())).resolves.toEqual({ valid: true });
    });

    it('a wrong key is invalid, not echoed', async () => {
      const result = await client().verifyKey('wrong-key:000000000000', live());
      expect(result.valid).toBe(false);
      expect(JSON.stringify(result)).not.toContain('wrong-key:000000000000');
    });

    it('an HTML 404 (wrong base URL) is not mistaken for a good key', async () => {
      fal.server.failNext(1, { type: 'html', status: 404 });
      await expect(client().verifyKey(fal.key, live())).resolves.toMatchObject({ valid: false });
    });
  });
});
