import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderProgress, ProviderRequest } from '../provider';
import { failure, liveSignal, testRequest } from '../http/testing/provider-test-kit';
import { ManualClock } from '../http/clock';
import { waitUntil } from '../http/testing/wait-until';
import { HuggingFaceClient } from './huggingface-client';
import { HuggingFaceTestServer } from './test-server';

let hf: HuggingFaceTestServer;
let clock: ManualClock;
const live = liveSignal;

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => testRequest({ ...{ mode: 'vector', model: 'black-forest-labs/FLUX.1-schnell', prompt: 'a flat rocket icon', width: 768, height: 768, guidance: 0, seed: 3 }, ...overrides });

function client(key: string | null = hf.key, extra: { limits?: object; loadBudgetMs?: number; models?: { standard?: string; hd?: string } } = {}) {
  return new HuggingFaceClient({ baseUrl: hf.baseUrl, hubUrl: hf.hubUrl, getKey: async () => key, clock, limits: { bucket: null, ...extra.limits }, ...(extra.loadBudgetMs ? { loadBudgetMs: extra.loadBudgetMs } : {}), ...(extra.models ? { models: extra.models } : {}) });
}

beforeEach(async () => {
  hf = await HuggingFaceTestServer.start();
  clock = new ManualClock();
});
afterEach(async () => hf.close());

describe('HuggingFaceClient', () => {
  it('is standard-only until an HD model is named; negatives only for non-FLUX models', () => {
    expect([...client().capabilities.tiers]).toEqual(['standard']);
    expect(client().capabilities).toMatchObject({ id: 'huggingface', nativeNegative: false, models: { standard: 'black-forest-labs/FLUX.1-schnell' } });
    const sdxl = client(hf.key, { models: { standard: 'stabilityai/stable-diffusion-xl-base-1.0', hd: 'stabilityai/stable-diffusion-3-medium-diffusers' } }).capabilities;
    expect([...sdxl.tiers]).toEqual(['standard', 'hd']);
    expect(sdxl.nativeNegative).toBe(true);
  });

  it('posts the task spec’s body and returns the image bytes', async () => {
    const output = await client().generate(request({ width: 700, height: 500 }), live(), () => undefined);
    expect(output).toMatchObject({ mime: 'image/jpeg', model: 'black-forest-labs/FLUX.1-schnell' });
    expect(hf.calls[0]).toEqual({ model: 'black-forest-labs/FLUX.1-schnell', body: { inputs: 'a flat rocket icon', parameters: { width: 704, height: 496, num_inference_steps: 4, guidance_scale: 0, seed: 3 } } });
    expect(hf.server.requests[0]?.headers.authorization).toBe(`Bearer ${hf.key}`);
  });

  it('caps FLUX.1-schnell at its 4 distilled steps, other models at 50', async () => {
    await client().generate(request({ steps: 12 }), live(), () => undefined);
    await client().generate(request({ model: 'stabilityai/stable-diffusion-xl-base-1.0', steps: 80 }), live(), () => undefined);
    expect(hf.calls.map((call) => (call.body.parameters as { num_inference_steps: number }).num_inference_steps)).toEqual([4, 50]);
  });

  it('sends a negative prompt to a model that reads it', async () => {
    await client().generate(request({ model: 'stabilityai/stable-diffusion-xl-base-1.0', negativePrompt: 'text, watermark' }), live(), () => undefined);
    expect(hf.calls[0]!.body.parameters).toMatchObject({ negative_prompt: 'text, watermark' });
  });

  it('waits out a loading model (503 + estimated_time) and retries, with progress', async () => {
    hf.loadingCalls = 2;
    const progress: ProviderProgress[] = [];
    await expect(client().generate(request(), live(), (p) => progress.push(p))).resolves.toMatchObject({ mime: 'image/jpeg' });
    expect(hf.calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([20_500, 20_500]);
    const fractions = progress.map((p) => p.fraction ?? -1); // these clients always report a fraction: -1 would break the order
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.at(-1)).toBe(1);
    // The wait is explained, with Hugging Face's own estimate.
    expect(progress.filter((p) => p.activity?.includes('loading')).map((p) => p.activity)).toEqual([
      'Hugging Face is loading the model (about 21 s)',
      'Hugging Face is loading the model (about 21 s)',
    ]);
  });

  it('gives up when loading would outlast the budget: timeout, saying so', async () => {
    hf.loadingCalls = 100;
    hf.estimatedTime = 50;
    const error = await failure(client(hf.key, { loadBudgetMs: 120_000 }).generate(request(), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/still loading black-forest-labs\/FLUX\.1-schnell/) });
    expect(clock.sleeps).toEqual([50_000, 50_000]);
  });

  it('cancelling while waiting for the model is cancelled', async () => {
    hf.loadingCalls = 100;
    const controller = new AbortController();
    const realSleep = clock.sleep.bind(clock);
    clock.sleep = async (ms, signal) => {
      controller.abort();
      return realSleep(ms, signal);
    };
    expect((await failure(client().generate(request(), controller.signal, () => undefined))).kind).toBe('cancelled');
  });

  it('cancelling mid-request is cancelled', async () => {
    hf.server.failNext(1, { type: 'hang' });
    const controller = new AbortController();
    const pending = client().generate(request(), controller.signal, () => undefined);
    await waitUntil(() => hf.server.requests.length === 1, 'the request arrived');
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
  });

  it('a 503 without estimated_time is a provider failure', async () => {
    hf.failNext(1, 503, 'Service Unavailable');
    expect((await failure(client().generate(request(), live(), () => undefined))).kind).toBe('provider_failure');
  });

  it('402 monthly credits is out of credits', async () => {
    hf.failNext(1, 402, 'You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.');
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'out_of_credits', message: expect.stringMatching(/monthly included credits/) });
  });

  it('a gated model is an invalid request that says what to do, not a bad key', async () => {
    hf.gated.add('black-forest-labs/FLUX.1-dev');
    const error = await failure(client().generate(request({ model: 'black-forest-labs/FLUX.1-dev' }), live(), () => undefined));
    expect(error).toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/Accept the model's licence/) });
  });

  it('429 carries Retry-After', async () => {
    hf.failNext(1, 429, 'Rate limit reached', { 'retry-after': '9' });
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 9_000 });
  });

  it('a wrong key is unauthorised and not echoed; a missing key sends nothing', async () => {
    const wrong = 'hf_NotTheRightTokenAtAll000000000';
    const error = await failure(client(wrong).generate(request(), live(), () => undefined));
    expect(error.kind).toBe('unauthorised');
    expect(error.message).not.toContain(wrong);
    const none = await failure(client(null).generate(request(), live(), () => undefined));
    expect(none.message).toBe('No Hugging Face key — add one in Settings → Providers');
    expect(hf.calls).toHaveLength(0);
  });

  it('a JSON answer where an image belongs is refused; a truncated image too', async () => {
    hf.server.route('POST', '/hf-inference/models/acme/json-model', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"generated_text":"oops"}');
    });
    expect(await failure(client().generate(request({ model: 'acme/json-model' }), live(), () => undefined))).toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/was application\/json, not an image/) });
    hf.imageFault = 'truncated';
    expect(await failure(client().generate(request(), live(), () => undefined))).toMatchObject({ message: expect.stringMatching(/truncated JPEG/) });
  });

  it('an oversized image is refused; a hung connection times out', async () => {
    expect(await failure(client(hf.key, { limits: { maxImageBytes: 500 } }).generate(request(), live(), () => undefined))).toMatchObject({ message: expect.stringMatching(/larger than/) });
    hf.server.failNext(1, { type: 'hang' });
    expect((await failure(client(hf.key, { limits: { timeoutMs: 100 } }).generate(request(), live(), () => undefined))).kind).toBe('timeout');
  });

  it('with a custom base URL, Test key asks that host (never the real Hub)', async () => {
    const custom = new HuggingFaceClient({ baseUrl: hf.baseUrl, getKey: async () => hf.key, limits: { bucket: null } });
    await expect(custom.verifyKey(hf.key, live())).resolves.toEqual({ valid: true });
    expect(hf.server.requests[0]?.path).toBe('/api/whoami-v2');
  });

  it('verifyKey asks the Hub whoami', async () => {
    await expect(client().verifyKey(hf.key, live())).resolves.toEqual({ valid: true });
    expect(hf.server.requests[0]?.path).toBe('/api/whoami-v2');
    const result = await client().verifyKey('hf_wrongwrongwrongwrong', live());
    expect(result.valid).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hf_wrongwrongwrongwrong');
  });
});
