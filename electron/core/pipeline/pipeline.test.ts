/**
 * The whole pipeline on a real temporary library and workspace folder, with in-process
 * providers returning real PNG bytes: files and rows are written, events flow, fallback,
 * cancellation, shutdown and failures end in the right state — never `running`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/ipc/contract';
import { openLibrary, type Library } from '../library';
import { silentLogger } from '../ports';
import { ProviderError, type ProviderId } from '../providers/provider';
import { Pipeline } from './pipeline';
import { fileAssetStore } from '../assets/file-asset-store';
import { readPngMetadata } from '../assets/png-metadata';
import { failureOf } from '../testing/failure-of';
import { capabilities, FakeProvider, succeeds, testEngines } from './testing';

let root: string;
let library: Library;
let workspaceId: string;
let events: Array<{ event: EventName; payload: unknown }>;
let providers: FakeProvider[];

function makePipeline(): Pipeline {
  return new Pipeline({
    library,
    engines: testEngines(),
    providers: {
      available: () => providers.map((p) => p.capabilities),
      get: (id: ProviderId) => providers.find((p) => p.capabilities.id === id),
    },
    assets: fileAssetStore,
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    log: silentLogger,
    randomSeed: () => 4242,
  });
}

function request(overrides: Record<string, unknown> = {}) {
  return { mode: 'pixel', workspaceId, prompt: 'a tiny red potion', negativePrompt: 'text', ...overrides };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wokgen-pipeline-'));
  mkdirSync(join(root, 'ws'));
  library = openLibrary({ file: join(root, 'library.sqlite') }).library;
  workspaceId = crypto.randomUUID();
  library.workspaces.insert({ id: workspaceId, name: 'Sprites', mode: 'pixel', folder: join(root, 'ws'), createdAt: 1 });
  events = [];
  providers = [];
});
afterEach(() => {
  library.close();
  rmSync(root, { recursive: true, force: true });
});

describe('submit → succeeded', () => {
  it('writes processed and original files, asset rows and the job, with events in order', async () => {
    const comfy = new FakeProvider(capabilities('comfyui', { concurrency: 1 }), succeeds());
    providers = [comfy];
    const pipeline = makePipeline();
    const queued = pipeline.submit(request({ batch: 2 }));
    expect(queued.status).toBe('queued');
    await pipeline.whenIdle();

    const job = library.jobs.get(queued.id)!;
    expect(job).toMatchObject({ status: 'succeeded', provider: 'comfyui', seed: 4242, error: null });
    expect(job.attempts.map((a) => [a.provider, a.slot, a.ok])).toEqual(expect.arrayContaining([['comfyui', 0, true], ['comfyui', 1, true]]));
    const page = library.assets.page(workspaceId, { limit: 10 });
    expect(page.items).toHaveLength(2);
    for (const asset of page.items) {
      const file = join(root, 'ws', asset.relativePath);
      const meta = await sharp(readFileSync(file)).metadata();
      expect([meta.width, meta.height]).toEqual([64, 64]);
      expect(existsSync(join(root, 'ws', String(asset.metadata['originalPath'])))).toBe(true);
      expect(existsSync(join(root, 'ws', String(asset.metadata['thumbnailPath'])))).toBe(true);
      expect(asset.metadata).toMatchObject({ provider: 'comfyui', model: 'comfyui-standard-model', jobId: job.id });
      // The file carries its own metadata (what rebuild-from-folder reads).
      expect(readPngMetadata(readFileSync(file)).metadata).toMatchObject({ assetId: asset.id, jobId: job.id, role: 'processed', seed: asset.metadata['seed'] });
    }
    // Seeds: base + i × 137; slot 1 carries its variant mutation; the user's negative comes first.
    expect(comfy.requests.map((r) => r.seed).sort()).toEqual([4242, 4379]);
    expect(comfy.requests.find((r) => r.seed === 4379)?.prompt).toContain('from a new angle');
    expect(comfy.requests[0]?.negativePrompt?.startsWith('text, blurry')).toBe(true);
    // ComfyUI runs one prompt at a time.
    expect(comfy.maxActive).toBe(1);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('jobs.queued');
    expect(names[1]).toBe('jobs.started');
    expect(names).toContain('jobs.progress');
    expect(names.at(-1)).toBe('jobs.succeeded');
  });

  it('folds negatives into the prompt and shortens it for a provider without a negative field', async () => {
    const pollinations = new FakeProvider(capabilities('pollinations', { nativeNegative: false, maxPromptChars: 200 }), succeeds());
    providers = [pollinations];
    const pipeline = makePipeline();
    pipeline.submit(request({ prompt: `a potion ${'with many shiny details '.repeat(20)}` }));
    await pipeline.whenIdle();
    const sent = pollinations.requests[0]!;
    expect(sent.negativePrompt).toBeNull();
    expect(sent.prompt.length).toBeLessThanOrEqual(200);
    expect(sent.prompt.startsWith('a potion')).toBe(true);
  });

  it('shortens the prompt to the limit of the capability asked for, not the provider-wide one', async () => {
    const longPrompt = `a potion ${'with many shiny details '.repeat(20)}`;
    const narrow = new FakeProvider(capabilities('together', { maxPromptChars: 2000, maxPromptCharsByCapability: { generate: 320 } }), succeeds());
    providers = [narrow];
    const pipeline = makePipeline();
    pipeline.submit(request({ prompt: longPrompt }));
    await pipeline.whenIdle();
    expect(narrow.requests[0]!.prompt.length).toBeLessThanOrEqual(320);
  });
});

describe('fallback', () => {
  it('moves on after a retryable failure and records both attempts', async () => {
    const comfy = new FakeProvider(capabilities('comfyui'), async () => {
      throw new ProviderError('unreachable', 'ComfyUI is not running');
    });
    const together = new FakeProvider(capabilities('together'), succeeds());
    providers = [comfy, together];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request());
    await pipeline.whenIdle();
    const job = library.jobs.get(id)!;
    expect(job.status).toBe('succeeded');
    expect(job.attempts.map((a) => [a.provider, a.ok, a.errorKind])).toEqual([['comfyui', false, 'unreachable'], ['together', true, null]]);
    expect(events.find((e) => e.event === 'jobs.attemptFailed')?.payload).toMatchObject({ provider: 'comfyui', errorKind: 'unreachable' });
  });

  it('stops at a non-retryable failure with its message', async () => {
    const comfy = new FakeProvider(capabilities('comfyui'), async () => {
      throw new ProviderError('invalid_request', 'width must be a multiple of 64');
    });
    const together = new FakeProvider(capabilities('together'), succeeds());
    providers = [comfy, together];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request());
    await pipeline.whenIdle();
    expect(library.jobs.get(id)).toMatchObject({ status: 'failed', error: { stage: 'dispatch', code: 'invalid_request' } });
    expect(together.requests).toHaveLength(0);
    expect(events.at(-1)?.event).toBe('jobs.failed');
  });

  it('fails with every reason when the whole chain fails, and writes nothing', async () => {
    providers = [
      new FakeProvider(capabilities('comfyui'), async () => { throw new ProviderError('timeout', 'no answer in 300 s'); }),
      new FakeProvider(capabilities('together'), async () => { throw new ProviderError('provider_failure', 'HTTP 500'); }),
    ];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request());
    await pipeline.whenIdle();
    const job = library.jobs.get(id)!;
    expect(job).toMatchObject({ status: 'failed', error: { stage: 'fallback' } });
    expect(job.error?.message).toMatch(/no answer in 300 s.*HTTP 500/);
    expect(library.assets.countByWorkspace(workspaceId)).toBe(0);
  });

  it('waits out a short Retry-After once on the same provider', async () => {
    let calls = 0;
    const together = new FakeProvider(capabilities('together'), async (req, signal, onProgress) => {
      calls += 1;
      if (calls === 1) {
        // Rate-limited while polling, its bar already moving.
        onProgress({ fraction: 0.3 });
        throw new ProviderError('rate_limited', 'slow down', 20);
      }
      return succeeds()(req, signal, onProgress);
    });
    providers = [together];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request());
    await pipeline.whenIdle();
    expect(library.jobs.get(id)?.status).toBe('succeeded');
    expect(calls).toBe(2);
    // The wait is shown in the queue, not a bar standing still.
    const activities = events.flatMap((e) => (e.event === 'jobs.progress' ? [(e.payload as { activity?: string }).activity] : []));
    expect(activities.filter((a) => a?.endsWith('asked to slow down: trying again in 1 s'))).toHaveLength(1);
    // The wait says so without moving the bar back.
    const fractions = events.flatMap((e) => (e.event === 'jobs.progress' ? [(e.payload as { fraction: number }).fraction] : []));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

describe('cancel and shutdown', () => {
  it('cancels a running job through its signal: cancelled, never running', async () => {
    const slow = new FakeProvider(capabilities('comfyui'), succeeds(10_000));
    providers = [slow];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request());
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(pipeline.cancel(id)).toBe(true);
    await pipeline.whenIdle();
    expect(library.jobs.get(id)?.status).toBe('cancelled');
    expect(events.at(-1)?.event).toBe('jobs.cancelled');
    expect(pipeline.cancel(id)).toBe(false);
  });

  it('marks jobs interrupted when the app shuts down mid-run', async () => {
    providers = [new FakeProvider(capabilities('comfyui'), succeeds(10_000))];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request());
    await new Promise((resolve) => setTimeout(resolve, 30));
    await pipeline.shutdown();
    expect(library.jobs.get(id)).toMatchObject({ status: 'interrupted', error: { code: 'interrupted' } });
  });

  it('refuses to cancel a job that does not exist', () => {
    providers = [new FakeProvider(capabilities('comfyui'), succeeds())];
    expect(failureOf(() => makePipeline().cancel('nope')).code).toBe('not_found');
  });
});

describe('bad input fails before anything is queued or written', () => {
  beforeEach(() => {
    providers = [new FakeProvider(capabilities('comfyui'), succeeds())];
  });

  it.each([
    [{ mode: 'photo' }, 'mode'],
    [{ prompt: '' }, 'prompt'],
    [{ prompt: '!!' }, 'prompt'],
    [{ prompt: 'x'.repeat(2001) }, 'prompt'],
    [{ batch: 5 }, 'batch'],
    [{ size: 4096 }, 'size'],
    [{ tool: 'teleport' }, 'tool'],
    [{ preset: 'nope' }, 'preset'],
    [{ workspaceId: crypto.randomUUID() }, 'workspaceId'],
    [{ mode: 'business' }, 'mode'],
    [{ provider: 'openai' }, 'provider'],
    [{ tool: 'rotate', inputAssetId: 'missing' }, 'inputAssetId'],
  ])('%j → error on %s', (overrides, field) => {
    const pipeline = makePipeline();
    const error = failureOf(() => pipeline.submit(request(overrides)));
    expect(error.field).toBe(field);
    expect(library.jobs.listByWorkspace(workspaceId, 10)).toEqual([]);
    expect(events).toEqual([]);
  });

  it('says what to set up when no provider can run the job', () => {
    providers = [];
    const error = failureOf(() => makePipeline().submit(request()));
    expect(error).toMatchObject({ code: 'no_provider' });
    expect(error.message).toMatch(/Settings → Providers/);
  });

  it('previews the final prompt without generating', () => {
    const preview = makePipeline().preview(request({ prompt: 'photorealistic potion https://x.y', batch: 3 }));
    expect(preview.prompt).toBe('pixel style, raw preset, potion, crisp');
    expect(preview.negativePrompt).toBe('text, blurry, watermark, generate artefacts');
    expect(preview.seeds).toEqual([4242, 4379, 4516]);
    expect(preview.warnings).toEqual(expect.arrayContaining(['Removed a link.', 'Removed “photorealistic”: it does not fit the Pixel mode.']));
    expect(preview.chain.map((c) => c.id)).toEqual(['comfyui']);
    expect(library.jobs.listByWorkspace(workspaceId, 10)).toEqual([]);
  });
});

describe('with the real mode engines', () => {
  it('generates pixel art end to end, and the folder alone rebuilds the same rows', async () => {
    const { MODE_ENGINES } = await import('../modes/registry');
    const { rebuildWorkspaceRows } = await import('../assets/rebuild-library');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'ws', 'workspace.json'), JSON.stringify({ format: 1, app: 'wokgen-studio', id: workspaceId, name: 'Sprites', mode: 'pixel', createdAt: 1 }));
    const comfy = new FakeProvider(capabilities('comfyui'), async (req) => ({
      // A white background with a purple square, as a model would paint a sprite.
      bytes: await sharp({ create: { width: req.width, height: req.height, channels: 3, background: '#ffffff' } })
        .composite([{ input: await sharp({ create: { width: req.width / 2, height: req.height / 2, channels: 3, background: '#7c3aed' } }).png().toBuffer(), gravity: 'centre' }])
        .png()
        .toBuffer(),
      mime: 'image/png',
      model: req.model,
    }));
    providers = [comfy];
    const pipeline = new Pipeline({
      library,
      engines: MODE_ENGINES,
      providers: { available: () => providers.map((p) => p.capabilities), get: (id: ProviderId) => providers.find((p) => p.capabilities.id === id) },
      assets: fileAssetStore,
      events: { emit: (event, payload) => void events.push({ event, payload }) },
      log: silentLogger,
    });
    const { id } = pipeline.submit({ mode: 'pixel', workspaceId, prompt: 'a purple gem, photorealistic', preset: 'rpg_icon', size: 32, batch: 2 });
    await pipeline.whenIdle();
    const job = library.jobs.get(id)!;
    expect(job.status).toBe('succeeded');
    expect(comfy.requests[0]?.prompt).not.toMatch(/photorealistic/i);
    const assets = library.assets.listByJob(id);
    expect(assets).toHaveLength(2);
    const png = readFileSync(join(root, 'ws', assets[0]!.relativePath));
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([32, 32]);
    expect(data[3]).toBe(0); // transparent corner: the background was removed

    const rebuilt = await rebuildWorkspaceRows(join(root, 'ws'), workspaceId);
    expect(rebuilt.assets.map((a) => a.id).sort()).toEqual(assets.map((a) => a.id).sort());
    const live = assets.find((a) => a.slot === 1)!;
    const fromFile = rebuilt.assets.find((a) => a.slot === 1)!;
    expect({ ...fromFile, starred: false, metadata: fromFile.metadata }).toMatchObject({ id: live.id, relativePath: live.relativePath, width: live.width, height: live.height, kind: live.kind, bytes: live.bytes });
  });
});

describe('pixel animate: a frame set kept together', () => {
  async function animatePipeline(behaviour: (frame: number) => Promise<void>) {
    const { MODE_ENGINES } = await import('../modes/registry');
    let calls = 0;
    const comfy = new FakeProvider(capabilities('comfyui', { concurrency: 1 }), async (req, signal, onProgress) => {
      await behaviour(calls++);
      return succeeds()(req, signal, onProgress);
    });
    providers = [comfy];
    const pipeline = new Pipeline({
      library,
      engines: MODE_ENGINES,
      providers: { available: () => providers.map((p) => p.capabilities), get: (id: ProviderId) => providers.find((p) => p.capabilities.id === id) },
      assets: fileAssetStore,
      events: { emit: (event, payload) => void events.push({ event, payload }) },
      log: silentLogger,
      randomSeed: () => 100,
    });
    return { pipeline, comfy };
  }

  it('renders one image per frame with seed + i × 137 and groups them on the job', async () => {
    const { pipeline, comfy } = await animatePipeline(async () => undefined);
    const { id } = pipeline.submit({ mode: 'pixel', workspaceId, prompt: 'a knight', tool: 'animate', size: 64, controls: { animationType: 'walk', frameCount: 4 } });
    await pipeline.whenIdle();
    expect(library.jobs.get(id)?.status).toBe('succeeded');
    expect(comfy.requests.map((r) => r.seed).sort((a, b) => a - b)).toEqual([100, 237, 374, 511]);
    expect(comfy.requests.every((r) => /walk animation, frame \d of 4/.test(r.prompt))).toBe(true);
    const frames = library.assets.listByJob(id);
    expect(frames.map((f) => f.slot)).toEqual([0, 1, 2, 3]);
    expect((frames[2]!.metadata['extra'] as { group: unknown }).group).toEqual({ type: 'frames', jobId: id, frame: 2, count: 4, fps: 12 });
  });

  it('fails the whole animation when a frame fails, and leaves no frames behind', async () => {
    const { pipeline } = await animatePipeline(async (frame) => {
      if (frame === 2) throw new ProviderError('invalid_request', 'frame refused');
    });
    const { id } = pipeline.submit({ mode: 'pixel', workspaceId, prompt: 'a knight', tool: 'animate', size: 64, controls: { animationType: 'idle', frameCount: 3 } });
    await pipeline.whenIdle();
    const job = library.jobs.get(id)!;
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/of 3 frames were not made — comfyui.*frame refused/);
    expect(library.assets.listByJob(id)).toEqual([]);
    const { readdirSync } = await import('node:fs');
    const leftovers = readdirSync(join(root, 'ws'), { recursive: true }).map(String).filter((f) => /\.(png|webp)$/.test(f));
    expect(leftovers).toEqual([]);
  });
});

describe('review fixes', () => {
  it('keeps the slots that finished before a cancel, and reports them', async () => {
    let calls = 0;
    const comfy = new FakeProvider(capabilities('comfyui', { concurrency: 1 }), async (req, signal, onProgress) => {
      calls += 1;
      return succeeds(calls === 1 ? 0 : 10_000)(req, signal, onProgress);
    });
    providers = [comfy];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request({ batch: 2 }));
    await expect.poll(() => library.assets.listByJob(id).length).toBe(1);
    pipeline.cancel(id);
    await pipeline.whenIdle();
    expect(library.jobs.get(id)?.status).toBe('cancelled');
    expect(library.assets.listByJob(id)).toHaveLength(1);
    const cancelled = events.find((e) => e.event === 'jobs.cancelled')?.payload as { assets: unknown[] };
    expect(cancelled.assets).toHaveLength(1);
  });

  it('a listener that throws after a successful render neither re-renders nor fails the job', async () => {
    const comfy = new FakeProvider(capabilities('comfyui'), succeeds());
    const together = new FakeProvider(capabilities('together'), succeeds());
    providers = [comfy, together];
    const pipeline = new Pipeline({
      library,
      engines: testEngines(),
      providers: { available: () => providers.map((p) => p.capabilities), get: (pid: ProviderId) => providers.find((p) => p.capabilities.id === pid) },
      assets: fileAssetStore,
      events: { emit: () => { throw new Error('renderer went away'); } },
      log: silentLogger,
    });
    const { id } = pipeline.submit(request());
    await pipeline.whenIdle();
    expect(library.jobs.get(id)?.status).toBe('succeeded');
    expect(together.requests).toHaveLength(0);
  });

  it('a provider that ignores its signal cannot keep the app from quitting', async () => {
    providers = [new FakeProvider(capabilities('comfyui'), () => new Promise(() => undefined))];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request());
    await pipeline.shutdown(50);
    expect(library.jobs.get(id)?.status).toBe('interrupted');
    expect(() => pipeline.submit(request())).toThrow(/closing/);
  });

  it('a workspace removed mid-run takes its running jobs with it, without stray events', async () => {
    providers = [new FakeProvider(capabilities('comfyui'), succeeds(10_000))];
    const pipeline = makePipeline();
    const { id } = pipeline.submit(request());
    await new Promise((resolve) => setTimeout(resolve, 30));
    await pipeline.cancelWorkspace(workspaceId);
    library.workspaces.remove(workspaceId);
    expect(library.jobs.get(id)).toBeUndefined();
    expect(events.filter((e) => e.event === 'jobs.failed')).toEqual([]);
  });
});

describe('queued until a provider takes the job', () => {
  it('a second job behind a one-at-a-time provider stays queued while the first runs', async () => {
    providers = [new FakeProvider(capabilities('comfyui', { concurrency: 1 }), succeeds(300))];
    const pipeline = makePipeline();
    const first = pipeline.submit(request());
    const second = pipeline.submit(request());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(library.jobs.get(first.id)?.status).toBe('running');
    expect(library.jobs.get(second.id)?.status).toBe('queued');
    await pipeline.whenIdle();
    expect(library.jobs.get(second.id)?.status).toBe('succeeded');
  });
});
