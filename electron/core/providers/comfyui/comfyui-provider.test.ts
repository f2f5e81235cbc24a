/**
 * Generation through ComfyUI end to end against the loopback server: templates and
 * placeholders, progress and throttled previews, outputs via /view, uploads for img2img and
 * inpaint, cancel (interrupt / queue delete), and every way a server can let a job down.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Provider, ProviderProgress, ProviderRequest } from '../provider';
import { ProviderError } from '../provider';
import { FAST_MAX_STEPS } from './comfyui-provider';
import { startTestComfy, type TestComfy } from './testing/test-service';
import type { ComfyTestControls } from './testing/comfyui-test-server';

let comfy: TestComfy | undefined;
afterEach(async () => {
  await comfy?.dispose();
  comfy = undefined;
});

async function connected(controls: Partial<ComfyTestControls> = {}, overrides: Parameters<typeof startTestComfy>[1] = {}): Promise<{ comfy: TestComfy; provider: Provider }> {
  comfy = await startTestComfy(controls, overrides);
  const status = await comfy.service.recheck();
  expect(status.state).toBe('connected');
  expect(comfy.service.source.isAvailable()).toBe(true);
  return { comfy, provider: comfy.service.source.provider() };
}

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => ({
  mode: 'pixel',
  capability: 'generate',
  tier: 'standard',
  model: 'ignored',
  prompt: 'pixel art, a red gem',
  negativePrompt: 'blurry',
  width: 64,
  height: 64,
  steps: 6,
  guidance: 7,
  sampler: 'euler',
  scheduler: 'normal',
  seed: 42,
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

const graphOf = (c: TestComfy) => [...c.server.prompts.values()].at(-1)!;

describe('ComfyUI provider', () => {
  it('generates with the txt2img template: placeholders filled, progress to 1, previews, the PNG from /view', async () => {
    const { comfy: c, provider } = await connected();
    const progress: ProviderProgress[] = [];
    const output = await provider.generate(request(), new AbortController().signal, (p) => progress.push(p));
    expect(output.mime).toBe('image/png');
    expect(output.model).toBe('sd_xl_base_1.0.safetensors');
    expect(await sharp(output.bytes).metadata()).toMatchObject({ width: 64, height: 64 });
    const graph = graphOf(c);
    expect(graph['3']!.inputs).toMatchObject({ seed: 42, steps: 6, cfg: 7, sampler_name: 'euler', scheduler: 'normal' });
    expect(graph['6']!.inputs['text']).toBe('pixel art, a red gem');
    expect(graph['7']!.inputs['text']).toBe('blurry');
    expect(graph['5']!.inputs).toMatchObject({ width: 64, height: 64, batch_size: 1 });
    const fractions = progress.map((p) => p.fraction ?? -1); // these clients always report a fraction: -1 would break the order
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(progress.find((p) => p.step === 3)).toMatchObject({ step: 3, total: 6 });
    const previews = progress.filter((p) => p.preview);
    expect(previews.length).toBeGreaterThan(0);
    expect(previews[0]!.preview!.mime).toBe('image/jpeg');
    // The client negotiated supports_preview_metadata on its socket.
    expect(c.server.connectedClientIds()).toEqual([c.service.clientId]);
  });

  it('throttles previews to one per 100 ms, ending on the newest', async () => {
    const { provider } = await connected({ stepMs: 4 });
    const times: number[] = [];
    await provider.generate(request({ steps: 60 }), new AbortController().signal, (p) => {
      if (p.preview) times.push(performance.now());
    });
    expect(times.length).toBeGreaterThan(1);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // 60 frames arrived; timers may fire a hair early, never at twice the rate.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
  });

  it('ignores malformed websocket frames and still finishes', async () => {
    const { provider } = await connected({ junkFrames: true });
    const output = await provider.generate(request(), new AbortController().signal, () => undefined);
    expect(output.bytes.length).toBeGreaterThan(0);
  });

  it('uses the mode default checkpoint from settings; a default that is not installed is a clear invalid_request', async () => {
    const { comfy: c, provider } = await connected();
    c.settings.update({ comfyui: { url: c.server.url, defaultCheckpoints: { pixel: 'pixel-art-xl.safetensors' } } });
    const output = await provider.generate(request(), new AbortController().signal, () => undefined);
    expect(output.model).toBe('pixel-art-xl.safetensors');
    c.settings.update({ comfyui: { url: c.server.url, defaultCheckpoints: { pixel: 'gone.safetensors' } } });
    const error = await rejection(provider.generate(request(), new AbortController().signal, () => undefined));
    expect(error).toMatchObject({ kind: 'invalid_request' });
    expect((error as Error).message).toContain("'gone.safetensors'");
  });

  it('HD uses the two-pass template (pixel overrides it with one long pass)', async () => {
    const { comfy: c, provider } = await connected();
    const hd = await provider.generate(request({ mode: 'business', tier: 'hd', sampler: 'dpmpp_2m', scheduler: 'karras' }), new AbortController().signal, () => undefined);
    expect(await sharp(hd.bytes).metadata()).toMatchObject({ width: 96, height: 96 });
    expect(Object.values(graphOf(c)).filter((n) => n.class_type === 'KSampler')).toHaveLength(2);
    await provider.generate(request({ tier: 'hd' }), new AbortController().signal, () => undefined);
    expect(Object.values(graphOf(c)).filter((n) => n.class_type === 'KSampler')).toHaveLength(1);
  });

  it('a distilled (turbo) checkpoint gets the fast template with few steps', async () => {
    const { comfy: c, provider } = await connected({ checkpoints: ['sdxl_turbo_1.0.safetensors'] });
    await provider.generate(request({ steps: 30 }), new AbortController().signal, () => undefined);
    expect(graphOf(c)['3']!.inputs).toMatchObject({ steps: FAST_MAX_STEPS, sampler_name: 'euler_ancestral', scheduler: 'sgm_uniform' });
  });

  it('img2img uploads the input image; inpaint uploads image and mask', async () => {
    const { comfy: c, provider } = await connected();
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#0f0' } }).png().toBuffer();
    await provider.generate(request({ capability: 'rotate', inputImage: { bytes: png, mime: 'image/png' } }), new AbortController().signal, () => undefined);
    expect(c.server.requests.filter((r) => r.path === '/upload/image')).toHaveLength(1);
    expect(Object.values(graphOf(c)).map((n) => n.class_type)).toContain('LoadImage');
    await provider.generate(request({ capability: 'inpaint', inputImage: { bytes: png, mime: 'image/png' }, mask: { bytes: png, mime: 'image/png' } }), new AbortController().signal, () => undefined);
    expect(c.server.requests.filter((r) => r.path === '/upload/image')).toHaveLength(3);
    // Named by content: the same image uploaded twice is one file in ComfyUI's input folder.
    const loads = Object.values(graphOf(c)).filter((n) => n.class_type === 'LoadImage' || n.class_type === 'LoadImageMask').map((n) => n.inputs['image']);
    expect(loads[0]).toMatch(/^wokgen\/wokgen-[0-9a-f]{16}\.png$/);
    expect(Object.values(graphOf(c)).map((n) => n.class_type)).toEqual(expect.arrayContaining(['LoadImageMask', 'VAEEncodeForInpaint']));
  });

  it('an execution_error fails with ComfyUI\'s message (retryable provider_failure)', async () => {
    const { provider } = await connected({ failWith: 'execution_error' });
    const error = await rejection(provider.generate(request(), new AbortController().signal, () => undefined));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'provider_failure', retryable: true });
    expect((error as Error).message).toMatch(/node 3 \(KSampler\).*out of memory.*smaller size/);
  });

  it('cancelling a running job interrupts it with its prompt id', async () => {
    const { comfy: c, provider } = await connected({ stepMs: 50 });
    const controller = new AbortController();
    const job = rejection(provider.generate(request({ steps: 100 }), controller.signal, () => undefined));
    const running = await c.server.whenRunning();
    controller.abort('user');
    expect(await job).toBe('user');
    await expect.poll(() => c.server.requests.find((r) => r.path === '/interrupt')?.body).toBe(JSON.stringify({ prompt_id: running }));
    await expect.poll(() => c.server.runningPromptId).toBeNull();
  });

  it('cancelling a job still queued on the server deletes it from the queue', async () => {
    const { comfy: c, provider } = await connected({ stall: true });
    // Someone else's prompt keeps ComfyUI busy.
    const other = startTestJob(c);
    await c.server.whenRunning();
    const controller = new AbortController();
    const job = rejection(provider.generate(request(), controller.signal, () => undefined));
    await expect.poll(() => c.server.pendingPromptIds.length).toBe(1);
    const queuedId = c.server.pendingPromptIds[0];
    controller.abort('user');
    expect(await job).toBe('user');
    await expect.poll(() => c.server.requests.find((r) => r.path === '/queue' && r.method === 'POST')?.body).toBe(JSON.stringify({ delete: [queuedId] }));
    expect(c.server.pendingPromptIds).toEqual([]);
    c.server.controls.stall = false;
    await other;
  });

  it('ComfyUI stopping mid-job fails it as unreachable (the pipeline may fall back), never stuck', async () => {
    const { comfy: c, provider } = await connected({ stepMs: 50 });
    const job = rejection(provider.generate(request({ steps: 100 }), new AbortController().signal, () => undefined));
    await c.server.whenRunning();
    await c.server.stop();
    const error = await job;
    expect(error).toMatchObject({ kind: 'unreachable', retryable: true });
    expect((error as Error).message).toMatch(/stopped answering while generating/);
    // The failed job made detection look again: routing stops offering ComfyUI without waiting for the timer.
    await expect.poll(() => c.service.status().state).toBe('not_found');
    expect(c.service.source.isAvailable()).toBe(false);
  });

  it('ComfyUI restarting mid-job: the socket reconnects and the lost job fails with the reason', async () => {
    const { comfy: c, provider } = await connected({ stepMs: 50 });
    const job = rejection(provider.generate(request({ steps: 100 }), new AbortController().signal, () => undefined));
    await c.server.whenRunning();
    await c.server.restart(100);
    const error = await job;
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect((error as Error).message).toMatch(/restarted and lost this job/);
    // The next job works on the reconnected server.
    const output = await provider.generate(request(), new AbortController().signal, () => undefined);
    expect(output.bytes.length).toBeGreaterThan(0);
  });

  it('with the websocket down, the job follows /history/{id} and still delivers its image', async () => {
    const { comfy: c, provider } = await connected({ stepMs: 20 });
    c.server.controls.refuseSockets = true;
    c.server.dropSockets();
    const progress: ProviderProgress[] = [];
    const output = await provider.generate(request(), new AbortController().signal, (p) => progress.push(p));
    expect(await sharp(output.bytes).metadata()).toMatchObject({ width: 64, height: 64 });
    // No steps or previews are invented without the socket: only what polling knows — queued, then running.
    expect(progress.every((p) => p.step === undefined && p.preview === undefined && p.fraction === 0)).toBe(true);
    expect(progress[0]?.activity).toBe("Waiting in ComfyUI's queue");
    expect(progress.slice(1).map((p) => p.activity)).toEqual(progress.length > 1 ? ['Running in ComfyUI (reconnecting for live progress)'] : []);
    expect(c.server.requests.filter((r) => r.path.startsWith('/history/')).length).toBeGreaterThan(0);
    // The socket comes back once the server lets it.
    c.server.controls.refuseSockets = false;
    await expect.poll(() => c.server.connectedClientIds()).toEqual([c.service.clientId]);
  });

  it('a server that stops reporting is a timeout after the stall limit', async () => {
    const { provider } = await connected({ stall: true }, { runTiming: { stallMs: 200, pollMs: 50, unreachableAfterMs: 500, socketWaitMs: 1000 } });
    const error = await rejection(provider.generate(request(), new AbortController().signal, () => undefined));
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('a new token with the same last four characters is used at once (the connection is rebuilt)', async () => {
    comfy = await startTestComfy({ token: 'first-secret-1234' });
    await comfy.service.setToken('first-secret-1234');
    expect(comfy.service.status().state).toBe('connected');
    const provider = comfy.service.source.provider();
    await provider.generate(request(), new AbortController().signal, () => undefined);
    // The server's token is rotated; the user pastes the new one — same last four, same status.
    comfy.server.controls.token = 'second-secret-1234';
    expect((await comfy.service.setToken('second-secret-1234')).state).toBe('connected');
    const output = await provider.generate(request(), new AbortController().signal, () => undefined);
    expect(output.bytes.length).toBeGreaterThan(0);
    expect(comfy.server.requests.at(-1)?.headers.authorization).toBe('Bearer second-secret-1234');
  });

  it('a user workflow for the mode replaces the built-in txt2img', async () => {
    const { comfy: c, provider } = await connected();
    const exported = {
      '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } },
      '2': { class_type: 'CLIPTextEncode', inputs: { text: 'my prompt', clip: ['1', 1] } },
      '3': { class_type: 'CLIPTextEncode', inputs: { text: 'bad', clip: ['1', 1] } },
      '4': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512, batch_size: 1 } },
      '5': { class_type: 'KSampler', inputs: { model: ['1', 0], positive: ['2', 0], negative: ['3', 0], latent_image: ['4', 0], seed: 1, steps: 20, cfg: 8, sampler_name: 'euler', scheduler: 'normal', denoise: 1 } },
      '6': { class_type: 'VAEDecode', inputs: { samples: ['5', 0], vae: ['1', 2] } },
      '7': { class_type: 'SaveImage', inputs: { images: ['6', 0], filename_prefix: 'Mine' } },
    };
    const saved = await c.service.saveWorkflow('pixel', 'Mine', JSON.stringify(exported));
    expect(saved.validation.ok).toBe(true);
    expect(saved.replaced).toBeNull();
    // Importing over it hands back the one it replaced, so the studio can offer Undo.
    const again = await c.service.saveWorkflow('pixel', 'Mine v2', JSON.stringify(exported));
    expect(again.replaced).toEqual({ name: 'Mine', text: expect.any(String) as string });
    expect(JSON.parse(again.replaced?.text ?? '{}')).toMatchObject({ '7': { class_type: 'SaveImage' } });
    await c.service.saveWorkflow('pixel', 'Mine', again.replaced?.text ?? '');
    await provider.generate(request(), new AbortController().signal, () => undefined);
    const graph = graphOf(c);
    expect(graph['7']!.inputs['filename_prefix']).toBe('Mine');
    expect(graph['2']!.inputs['text']).toBe('pixel art, a red gem');
    expect(graph['5']!.inputs).toMatchObject({ seed: 42, steps: 6 });
  });
});

/** A prompt from another client (not ours) that occupies ComfyUI. */
async function startTestJob(c: TestComfy): Promise<void> {
  const { ComfyUiClient } = await import('./comfyui-client');
  const { TemplateCatalog } = await import('./workflows/templates');
  const { fillPlaceholders } = await import('./workflows/graph');
  const { RESOURCES_WORKFLOWS_DIR } = await import('./testing/resources-dir');
  const graph = fillPlaceholders(new TemplateCatalog(RESOURCES_WORKFLOWS_DIR).get('pixel', 'txt2img').graph, {
    prompt: 'x', negative: '', seed: 1, steps: 2, cfg: 7, sampler: 'euler', scheduler: 'normal', width: 16, height: 16, checkpoint: 'sd_xl_base_1.0.safetensors', batch: 1,
  });
  await new ComfyUiClient({ baseUrl: c.server.url }).queuePrompt(graph, 'someone-else', 'other-prompt');
}
