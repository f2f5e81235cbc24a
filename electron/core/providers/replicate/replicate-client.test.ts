import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderProgress, ProviderRequest } from '../provider';
import { failure, liveSignal, testRequest } from '../http/testing/provider-test-kit';
import { ManualClock } from '../http/clock';
import { renderTestImage } from '../http/testing/test-images';
import { waitUntil } from '../http/testing/wait-until';
import { ReplicateClient, stepsFromLogs } from './replicate-client';
import { nearestAspectRatio } from './replicate-input';
import { ReplicateTestServer } from './test-server';

let replicate: ReplicateTestServer;
let clock: ManualClock;
const live = liveSignal;

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => testRequest({ ...{ mode: 'emoji', model: 'black-forest-labs/flux-schnell', prompt: 'a happy cat emoji', width: 1024, height: 1024, steps: 8, seed: 11 }, ...overrides });

function client(key: string | null = replicate.key, limits = {}) {
  return new ReplicateClient({ baseUrl: replicate.baseUrl, getKey: async () => key, clock, limits: { bucket: null, pollIntervalMs: 1_000, ...limits } });
}

beforeEach(async () => {
  replicate = await ReplicateTestServer.start();
  clock = new ManualClock();
});
afterEach(async () => replicate.close());

describe('helpers', () => {
  it('picks the nearest listed aspect ratio', () => {
    expect(nearestAspectRatio(1024, 1024)).toBe('1:1');
    expect(nearestAspectRatio(1920, 1080)).toBe('16:9');
    expect(nearestAspectRatio(1080, 1350)).toBe('4:5');
    expect(nearestAspectRatio(400, 1000)).toBe('9:21');
  });

  it('reads the step from a tqdm progress bar', () => {
    expect(stepsFromLogs('Using seed: 1\n 25%|██  | 1/4 [00:01<00:03]\n 75%|███████ | 3/4 [00:02<00:01]')).toEqual({ step: 3, total: 4 });
    expect(stepsFromLogs('no bar here')).toBeNull();
    expect(stepsFromLogs(null)).toBeNull();
  });
});

describe('ReplicateClient', () => {
  it('declares the routing table’s tools and real HD model', () => {
    const caps = client().capabilities;
    for (const capability of ['generate', 'scene', 'animate', 'rotate', 'inpaint'] as const) expect(caps.capabilities.has(capability)).toBe(true);
    expect(caps).toMatchObject({ id: 'replicate', nativeNegative: false, models: { standard: 'black-forest-labs/flux-schnell', hd: 'black-forest-labs/flux-1.1-pro' } });
  });

  it('asks for a short Prefer: wait (a cancel before the id is known cannot be sent); a prediction that finishes within it needs no polling', async () => {
    const output = await client().generate(request({ width: 1920, height: 1080 }), live(), () => undefined);
    expect(output).toMatchObject({ mime: 'image/png', model: 'black-forest-labs/flux-schnell' });
    const created = replicate.predictions[0]!;
    expect(created).toMatchObject({ model: 'black-forest-labs/flux-schnell', prefer: 'wait=5' });
    expect(created.input).toMatchObject({ prompt: 'a happy cat emoji', aspect_ratio: '16:9', num_outputs: 1, num_inference_steps: 4, seed: 11, output_format: 'png' });
    expect(replicate.server.requestsTo(/^\/v1\/predictions\//, 'GET')).toHaveLength(0);
    expect(replicate.server.requests[0]?.headers.authorization).toBe(`Bearer ${replicate.key}`);
  });

  it('polls urls.get with step progress until succeeded', async () => {
    replicate.pendingPolls = 3;
    const progress: ProviderProgress[] = [];
    await client().generate(request(), live(), (p) => progress.push(p));
    expect(replicate.server.requestsTo(/^\/v1\/predictions\/\w+$/, 'GET')).toHaveLength(4);
    expect(progress.filter((p) => p.step !== undefined).map((p) => `${p.step}/${p.total}`)).toEqual(['1/4', '2/4', '3/4']);
    expect(progress.at(-1)?.fraction).toBe(1);
    // A cold start is named while it lasts; steps come with "Generating".
    const phases = progress.map((p) => p.activity).filter((a, i, all) => a !== undefined && a !== all[i - 1]);
    expect(phases).toEqual(['Sent to Replicate', 'Replicate is starting the model (a cold start can take a few minutes)', 'Generating on Replicate']);
    expect(progress.filter((p) => p.step !== undefined).every((p) => p.activity === 'Generating on Replicate')).toBe(true);
    expect(clock.sleeps).toEqual([1_000, 1_000, 1_000, 1_000]);
  });

  it('a versioned model id uses POST /v1/predictions with the version', async () => {
    await client().generate(request({ model: 'someone/sdxl-pixel:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa' }), live(), () => undefined);
    expect(replicate.predictions[0]).toMatchObject({ version: '5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa' });
  });

  it('HD sends FLUX 1.1 [pro] a custom size within its rules; one-URL output works', async () => {
    replicate.singleOutput = true;
    await client().generate(request({ tier: 'hd', model: 'black-forest-labs/flux-1.1-pro', width: 2048, height: 1024 }), live(), () => undefined);
    expect(replicate.predictions[0]!.input).toMatchObject({ aspect_ratio: 'custom', width: 1440, height: 736 });
  });

  it('inpaint goes to FLUX Fill with the image and mask inline', async () => {
    const png = await renderTestImage(32, 32);
    await client().generate(request({ capability: 'inpaint', inputImage: { bytes: png, mime: 'image/png' }, mask: { bytes: png, mime: 'image/png' } }), live(), () => undefined);
    expect(replicate.predictions[0]!.model).toBe('black-forest-labs/flux-fill-dev');
    expect(String(replicate.predictions[0]!.input.mask)).toMatch(/^data:image\/png;base64,/);
  });

  it('cancelling mid-prediction calls urls.cancel and reports cancelled', async () => {
    replicate.pendingPolls = 1_000;
    const controller = new AbortController();
    const realSleep = clock.sleep.bind(clock);
    let sleeps = 0;
    clock.sleep = async (ms, signal) => {
      sleeps += 1;
      if (sleeps === 2) controller.abort();
      return realSleep(ms, signal);
    };
    expect((await failure(client().generate(request(), controller.signal, () => undefined))).kind).toBe('cancelled');
    expect(replicate.cancelled).toEqual([replicate.predictions[0]!.id]);
    expect(replicate.predictions[0]!.status).toBe('canceled');
  });

  it('cancelling during the Prefer: wait call (no id yet) sends no cancel and is cancelled', async () => {
    replicate.server.failNext(1, { type: 'hang' });
    const controller = new AbortController();
    const pending = client().generate(request(), controller.signal, () => undefined);
    await waitUntil(() => replicate.server.requests.length === 1, 'the create call arrived');
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
    expect(replicate.cancelled).toEqual([]);
  });

  it('a prediction that runs past the job budget is cancelled and times out', async () => {
    replicate.pendingPolls = 1_000;
    const error = await failure(client(replicate.key, { jobTimeoutMs: 10_000 }).generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(replicate.cancelled).toHaveLength(1);
  });

  it('a failed prediction is a provider failure with its error; NSFW is content_refused', async () => {
    replicate.failWith = 'CUDA out of memory';
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'provider_failure', message: 'Replicate: the prediction failed (CUDA out of memory).' });
    replicate.failWith = 'NSFW content detected. Try running it again, or try a different prompt.';
    expect((await failure(client().generate(request(), live(), () => undefined))).kind).toBe('content_refused');
  });

  it('a 422 names Replicate’s invalid field', async () => {
    const error = await failure(client().generate(request({ prompt: ' ' }), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'invalid_request', message: 'Replicate answered 422: input.prompt: prompt is required.' });
  });

  it.each([
    [401, 'unauthorised'],
    [402, 'out_of_credits'],
    [500, 'provider_failure'],
    [503, 'provider_failure'],
  ] as const)('%i → %s', async (status, kind) => {
    replicate.failNext(1, status);
    expect((await failure(client().generate(request(), live(), () => undefined))).kind).toBe(kind);
  });

  it('429 carries Retry-After (the official client honours it too)', async () => {
    replicate.failNext(1, 429, 'Request was throttled. Your rate limit resets in ~30s.', { 'retry-after': '30' });
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000, message: expect.stringMatching(/throttled/) });
  });

  it('a wrong key is unauthorised and never echoed', async () => {
    const wrong = 'r8_WrongTokenWrongTokenWrongToken00';
    const error = await failure(client(wrong).generate(request(), live(), () => undefined));
    expect(error.kind).toBe('unauthorised');
    expect(error.message).not.toContain(wrong);
  });

  it('a truncated output image is refused', async () => {
    replicate.imageFault = 'truncated';
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/truncated/) });
  });

  it('an oversized output image is refused', async () => {
    expect(await failure(client(replicate.key, { maxImageBytes: 1_000 }).generate(request(), live(), () => undefined))).toMatchObject({ message: expect.stringMatching(/larger than/) });
  });

  it('HTML instead of JSON is a clear provider failure', async () => {
    replicate.server.failNext(1, { type: 'html', status: 200 });
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ message: expect.stringMatching(/HTML instead of JSON/) });
  });

  it('one hung poll is retried: the paid prediction finishes and is not cancelled', async () => {
    replicate.pendingPolls = 2;
    replicate.server.failNext(1, { type: 'hang' }, /^\/v1\/predictions\/\w+$/);
    const output = await client(replicate.key, { timeoutMs: 100 }).generate(request(), live(), () => undefined);
    expect(output.bytes.byteLength).toBeGreaterThan(0);
    expect(replicate.cancelled).toHaveLength(0);
  });

  it('polls that keep hanging time out within the job budget and the prediction is cancelled', async () => {
    replicate.pendingPolls = 5;
    replicate.server.failNext(100, { type: 'hang' }, /^\/v1\/predictions\/\w+$/);
    const error = await failure(client(replicate.key, { timeoutMs: 100, jobTimeoutMs: 10_000 }).generate(request(), live(), () => undefined));
    expect(error.kind).toBe('timeout');
    expect(replicate.cancelled).toHaveLength(1);
  });

  describe('verifyKey', () => {
    it('GET /v1/account accepts the right key and refuses a wrong one', async () => {
      await expect(client().verifyKey(replicate.key, live())).resolves.toEqual({ valid: true });
      expect(replicate.server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/account' });
      const result = await client().verifyKey('r8_not_the_right_token_at_all', live());
      expect(result.valid).toBe(false);
      expect(JSON.stringify(result)).not.toContain('r8_not_the_right_token_at_all');
    });
  });
});
