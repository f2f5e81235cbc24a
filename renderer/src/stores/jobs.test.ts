import { describe, expect, it } from 'vitest';
import type { GenerateRequestInput } from '../../../shared/generation';
import type { Job } from '../../../shared/library';
import { createFakeWokgen, flush, ok } from '../testing/fakeWokgen';
import { createJobsStore, requestFromJob, selectJobRows } from './jobs';

const WS = '00000000-0000-4000-8000-0000000000aa';
const OTHER = '00000000-0000-4000-8000-0000000000bb';

function aJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    workspaceId: WS,
    mode: 'pixel',
    tool: 'generate',
    preset: 'raw',
    prompt: 'a lighthouse',
    negativePrompt: null,
    provider: null,
    status: 'queued',
    seed: 7,
    params: {},
    attempts: [],
    error: null,
    createdAt: 100,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

const request: GenerateRequestInput = { mode: 'pixel', workspaceId: WS, prompt: 'a lighthouse', seed: 7, batch: 2 };

async function openStore(jobs: Job[] = []) {
  const fake = createFakeWokgen({ 'jobs.list': () => ok(jobs) });
  const store = createJobsStore({ api: fake.api });
  const stop = store.getState().start();
  await store.getState().open(WS);
  return { fake, store, stop };
}

describe('jobs store', () => {
  it('loads the open workspace’s jobs newest first', async () => {
    const { store, fake } = await openStore([aJob({ id: 'old', createdAt: 1 }), aJob({ id: 'new', createdAt: 2 })]);
    expect(fake.callsTo('jobs.list')).toEqual([{ workspaceId: WS }]);
    expect(store.getState().status).toBe('ready');
    expect(selectJobRows(store.getState()).map((e) => e.job.id)).toEqual(['new', 'old']);
  });

  it('applies the events of a run in order', async () => {
    const { store, fake } = await openStore();
    fake.emit('jobs.queued', aJob());
    expect(store.getState().entries['job-1']?.job.status).toBe('queued');

    fake.emit('jobs.started', { jobId: 'job-1' });
    expect(store.getState().entries['job-1']?.job.status).toBe('running');

    fake.emit('jobs.progress', { jobId: 'job-1', slot: 0, fraction: 0.5, overall: 0.25, step: 5, total: 10, previewDataUrl: 'data:image/png;base64,AAA' });
    fake.emit('jobs.progress', { jobId: 'job-1', slot: 1, fraction: 0.5, overall: 0.5, step: 5, total: 10, previewDataUrl: null });
    let entry = store.getState().entries['job-1'];
    expect(entry?.overall).toBe(0.5);
    expect(entry?.slots).toEqual({ 0: 0.5, 1: 0.5 });
    expect(entry?.previewDataUrl).toBe('data:image/png;base64,AAA');
    expect(entry?.partialText).toBeNull();

    // A code job's answer streams in as text; the latest text is kept.
    fake.emit('jobs.progress', { jobId: 'job-1', slot: 0, fraction: 0.6, overall: 0.55, step: null, total: null, previewDataUrl: null, partialText: '<section>' });
    fake.emit('jobs.progress', { jobId: 'job-1', slot: 0, fraction: 0.7, overall: 0.6, step: null, total: null, previewDataUrl: null, partialText: '<section><h1>Hi' });
    expect(store.getState().entries['job-1']?.partialText).toBe('<section><h1>Hi');

    fake.emit('jobs.attemptFailed', { jobId: 'job-1', slot: 0, provider: 'comfyui', error: 'refused', errorKind: 'unreachable' });
    expect(store.getState().entries['job-1']?.liveFailures).toHaveLength(1);

    fake.emit('jobs.succeeded', { job: aJob({ status: 'succeeded', finishedAt: 200 }), assets: [] });
    entry = store.getState().entries['job-1'];
    expect(entry?.job.status).toBe('succeeded');
    expect(entry?.overall).toBe(1);

    // A late progress event does not bring a finished job back to life.
    fake.emit('jobs.progress', { jobId: 'job-1', slot: 0, fraction: 0.9, overall: 0.9, step: 9, total: 10, previewDataUrl: null });
    expect(store.getState().entries['job-1']?.job.status).toBe('succeeded');
    expect(store.getState().entries['job-1']?.overall).toBe(1);
  });

  it('keeps the failure stage and message', async () => {
    const { store, fake } = await openStore([aJob({ status: 'running' })]);
    fake.emit('jobs.failed', { job: aJob({ status: 'failed' }), stage: 'provider', error: 'No provider answered.' });
    expect(store.getState().entries['job-1']?.job.error).toEqual({ stage: 'provider', code: 'failed', message: 'No provider answered.' });
  });

  it('ignores jobs of other workspaces', async () => {
    const { store, fake } = await openStore();
    fake.emit('jobs.queued', aJob({ id: 'elsewhere', workspaceId: OTHER }));
    fake.emit('jobs.started', { jobId: 'elsewhere' });
    fake.emit('jobs.succeeded', { job: aJob({ id: 'elsewhere', workspaceId: OTHER, status: 'succeeded' }), assets: [] });
    expect(store.getState().order).toEqual([]);
    expect(store.getState().entries).toEqual({});
  });

  it('switching workspace drops the previous jobs', async () => {
    const { store, fake } = await openStore([aJob()]);
    fake.handlers['jobs.list'] = () => ok([]);
    await store.getState().open(OTHER);
    expect(store.getState().order).toEqual([]);
    fake.emit('jobs.started', { jobId: 'job-1' });
    expect(store.getState().entries).toEqual({});
  });

  it('cancel asks the core', async () => {
    const { store, fake } = await openStore([aJob()]);
    fake.handlers['generation.cancel'] = () => ok({ cancelled: true });
    await store.getState().cancel('job-1');
    expect(fake.callsTo('generation.cancel')).toEqual([{ jobId: 'job-1' }]);
  });

  it('retry re-submits the request the job was made with', async () => {
    const { store, fake } = await openStore();
    let n = 0;
    fake.handlers['generation.generate'] = () => ok(aJob({ id: `job-${++n}`, createdAt: 100 + n }));
    const first = await store.getState().submit(request);
    expect(first.ok).toBe(true);
    fake.emit('jobs.failed', { job: aJob({ id: 'job-1', status: 'failed' }), stage: 'provider', error: 'Down.' });

    const again = await store.getState().retry('job-1');
    expect(again.ok && again.value.id).toBe('job-2');
    expect(fake.callsTo('generation.generate')).toEqual([request, request]);
    expect(selectJobRows(store.getState()).map((e) => e.job.id)).toEqual(['job-2', 'job-1']);
    await flush();
  });

  it('retry of a job from an earlier session rebuilds the request from the job row', async () => {
    const job = aJob({ status: 'failed', params: { userPrompt: 'a lighthouse', size: 128, batch: 1, hd: false, controls: { paletteSize: 8 } } });
    expect(requestFromJob(job)).toEqual({
      mode: 'pixel',
      workspaceId: WS,
      tool: 'generate',
      preset: 'raw',
      prompt: 'a lighthouse',
      seed: 7,
      size: 128,
      batch: 1,
      hd: false,
      controls: { paletteSize: 8 },
    });
  });

  it('stops listening when stopped', async () => {
    const { fake, stop } = await openStore();
    stop();
    expect(fake.listenerCount('jobs.progress')).toBe(0);
    expect(fake.listenerCount('jobs.succeeded')).toBe(0);
  });
});
