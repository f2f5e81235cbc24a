/**
 * ComfyUI inside the real pipeline (test engines, real library and files): a job runs through
 * the loopback server with progress and a preview; when ComfyUI stops mid-job the attempt is
 * recorded as `unreachable` and the next provider in the chain delivers; without one, the job
 * fails with the reason — never left running.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../../shared/ipc/contract';
import type { Job } from '../../../../shared/library';
import { fileAssetStore } from '../../assets/file-asset-store';
import { capabilities, FakeProvider, succeeds, testEngines } from '../../pipeline/testing';
import { Pipeline } from '../../pipeline/pipeline';
import { silentLogger } from '../../ports';
import { LiveProviderRegistry } from '../provider-registry';
import type { Library } from '../../library';
import { TempLibraries } from '../../library/testing';
import { startTestComfy, type TestComfy } from './testing/test-service';

let comfy: TestComfy;
let events: Array<{ event: EventName; payload: unknown }>;
const libraries = new TempLibraries();
let workspace: { library: Library; workspaceId: string };

beforeEach(async () => {
  comfy = await startTestComfy({ stepMs: 20 });
  expect((await comfy.service.recheck()).state).toBe('connected');
  events = [];
  const library = libraries.fresh();
  const folder = join(comfy.root, 'ws');
  mkdirSync(folder);
  const workspaceId = crypto.randomUUID();
  library.workspaces.insert({ id: workspaceId, name: 'ComfyUI', mode: 'pixel', folder, createdAt: 1 });
  workspace = { library, workspaceId };
});
afterEach(async () => {
  await comfy.dispose();
  libraries.cleanup();
});

function pipelineWith(registry: LiveProviderRegistry): Pipeline {
  return new Pipeline({
    library: workspace.library,
    engines: testEngines(),
    providers: registry,
    assets: fileAssetStore,
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    log: silentLogger,
  });
}

const jobOf = (id: string): Job => workspace.library.jobs.get(id)!;

describe('ComfyUI in the pipeline', () => {
  it('runs a job: progress with a live preview, then an asset made by ComfyUI', async () => {
    const pipeline = pipelineWith(new LiveProviderRegistry([comfy.service.source]));
    const job = pipeline.submit({ mode: 'pixel', workspaceId: workspace.workspaceId, prompt: 'a red gem' });
    await pipeline.whenIdle();
    expect(jobOf(job.id)).toMatchObject({ status: 'succeeded', provider: 'comfyui' });
    const progress = events.filter((e) => e.event === 'jobs.progress').map((e) => e.payload as { previewDataUrl: string | null; fraction: number });
    expect(progress.some((p) => p.previewDataUrl?.startsWith('data:image/jpeg;base64,'))).toBe(true);
    expect(workspace.library.assets.listByJob(job.id)).toHaveLength(1);
  });

  it('ComfyUI stopping mid-job: the attempt is unreachable and the next provider delivers', async () => {
    const together = new FakeProvider(capabilities('together'), succeeds());
    const pipeline = pipelineWith(new LiveProviderRegistry([comfy.service.source, { id: 'together', provider: () => together, isAvailable: () => true }]));
    comfy.server.controls.stepMs = 200;
    const job = pipeline.submit({ mode: 'pixel', workspaceId: workspace.workspaceId, prompt: 'a red gem' });
    await comfy.server.whenRunning();
    await comfy.server.stop();
    await pipeline.whenIdle();
    const done = jobOf(job.id);
    expect(done).toMatchObject({ status: 'succeeded', provider: 'together' });
    expect(done.attempts.map((a) => [a.provider, a.ok, a.errorKind])).toEqual([
      ['comfyui', false, 'unreachable'],
      ['together', true, null],
    ]);
  });

  it('without another provider the job fails with the reason, never left running', async () => {
    const pipeline = pipelineWith(new LiveProviderRegistry([comfy.service.source]));
    comfy.server.controls.stepMs = 200;
    const job = pipeline.submit({ mode: 'pixel', workspaceId: workspace.workspaceId, prompt: 'a red gem' });
    await comfy.server.whenRunning();
    await comfy.server.stop();
    await pipeline.whenIdle();
    const done = jobOf(job.id);
    expect(done.status).toBe('failed');
    expect(done.error?.message).toMatch(/stopped answering while generating/);
  });

  it('interrupted in ComfyUI\'s own window: the job fails with that reason and is not sent to the next (maybe paid) provider', async () => {
    const together = new FakeProvider(capabilities('together'), succeeds());
    const pipeline = pipelineWith(new LiveProviderRegistry([comfy.service.source, { id: 'together', provider: () => together, isAvailable: () => true }]));
    comfy.server.controls.stepMs = 200;
    const job = pipeline.submit({ mode: 'pixel', workspaceId: workspace.workspaceId, prompt: 'a red gem' });
    await comfy.server.whenRunning();
    await fetch(`${comfy.server.url}/interrupt`, { method: 'POST' });
    await pipeline.whenIdle();
    const done = jobOf(job.id);
    expect(done.status).toBe('failed');
    expect(done.error?.message).toMatch(/interrupted in ComfyUI/);
    expect(done.attempts.map((a) => [a.provider, a.ok, a.errorKind])).toEqual([['comfyui', false, 'cancelled']]);
  });
});
