import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract';
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

  it('keeps what the provider is doing, and the step only while its phase has steps', async () => {
    const { store, fake } = await openStore([aJob({ status: 'running' })]);
    const progress = (extra: Partial<EventPayload<'jobs.progress'>>) =>
      fake.emit('jobs.progress', { jobId: 'job-1', slot: 0, fraction: 0.1, overall: 0.1, step: null, total: null, previewDataUrl: null, ...extra });
    const shown = () => ({ activity: store.getState().entries['job-1']?.activity, step: store.getState().entries['job-1']?.step });
    expect(shown()).toEqual({ activity: null, step: null });
    progress({ activity: 'Loading the model' });
    expect(shown()).toEqual({ activity: 'Loading the model', step: null });
    progress({ activity: 'Sampling', step: 1, total: 30 });
    progress({ step: 12, total: 30 });
    expect(shown()).toEqual({ activity: 'Sampling', step: { step: 12, total: 30 } });
    // A preview without a step keeps both.
    progress({ previewDataUrl: 'data:image/png;base64,AAA' });
    expect(shown()).toEqual({ activity: 'Sampling', step: { step: 12, total: 30 } });
    // The next phase has no steps: "Decoding the image, step 30/30" would be wrong.
    progress({ activity: 'Decoding the image' });
    expect(shown()).toEqual({ activity: 'Decoding the image', step: null });
  });

  it('a batch shows the lowest unfinished slot’s phase, not whichever slot spoke last', async () => {
    const { store, fake } = await openStore([aJob({ status: 'running' })]);
    const progress = (slot: number, extra: Partial<EventPayload<'jobs.progress'>>) =>
      fake.emit('jobs.progress', { jobId: 'job-1', slot, fraction: 0.2, overall: 0.2, step: null, total: null, previewDataUrl: null, ...extra });
    const shown = () => ({ activity: store.getState().entries['job-1']?.activity, step: store.getState().entries['job-1']?.step });
    progress(1, { activity: "In fal.ai's queue, 1 ahead" });
    expect(shown().activity).toBe("In fal.ai's queue, 1 ahead");
    progress(0, { activity: 'Generating on fal.ai', step: 3, total: 4 });
    progress(1, { activity: "In fal.ai's queue, 1 ahead" });
    progress(1, { activity: 'Next in fal.ai\'s queue' });
    // Slot 1 keeps reporting, slot 0 stays on screen.
    expect(shown()).toEqual({ activity: 'Generating on fal.ai', step: { step: 3, total: 4 } });
    // Slot 0 done: the line moves on to slot 1.
    progress(0, { fraction: 1, activity: 'Generating on fal.ai' });
    expect(shown()).toEqual({ activity: "Next in fal.ai's queue", step: null });
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

  describe('an inpaint job’s mask, kept by main in the workspace folder', () => {
    const MASK_JOB = '01956a3b-7c00-7abc-8def-0123456789ab';
    const inpaintJob = (overrides: Partial<Job> = {}): Job =>
      aJob({
        id: MASK_JOB,
        tool: 'inpaint',
        status: 'failed',
        params: { userPrompt: 'a crown', size: 64, batch: 1, hd: false, inputAssetId: 'asset-9', maskPath: `.wokgen/masks/${MASK_JOB}.png` },
        ...overrides,
      });

    it('a job row with a stored mask rebuilds a request that names it (maskFromJobId)', () => {
      expect(requestFromJob(inpaintJob())).toMatchObject({ tool: 'inpaint', inputAssetId: 'asset-9', maskFromJobId: MASK_JOB });
      expect(requestFromJob(inpaintJob())).not.toHaveProperty('maskPngBase64');
      expect(requestFromJob(aJob({ params: { inputAssetId: 'asset-9' } }))).not.toHaveProperty('maskFromJobId');
    });

    it('Retry of an earlier session’s inpaint job sends the stored mask by reference', async () => {
      // A fresh store = a restarted app: nothing of the first session's requests is in memory.
      const { store, fake } = await openStore([inpaintJob()]);
      fake.handlers['generation.generate'] = () => ok(aJob({ id: 'job-2', createdAt: 200 }));
      expect((await store.getState().retry(MASK_JOB)).ok).toBe(true);
      expect(fake.callsTo('generation.generate')).toEqual([expect.objectContaining({ tool: 'inpaint', inputAssetId: 'asset-9', maskFromJobId: MASK_JOB })]);
      expect(store.getState().requestOf(inpaintJob())).toMatchObject({ maskFromJobId: MASK_JOB });
    });

    it('in the same session, a retry sends the painted mask again (it does not depend on the mask file still being on disk)', async () => {
      const { store, fake } = await openStore();
      const painted: GenerateRequestInput = { mode: 'pixel', workspaceId: WS, tool: 'inpaint', prompt: 'a crown', inputAssetId: 'asset-9', maskPngBase64: 'iVBORw0KGgoAAAA' };
      let n = 0;
      const made = (id: string) => inpaintJob({ id, status: 'queued', createdAt: 300 + n, params: { maskPath: `.wokgen/masks/${id}.png` } });
      fake.handlers['generation.generate'] = () => ok(made(`00000000-0000-7000-8000-00000000000${++n}`));
      const first = await store.getState().submit(painted);
      const retried = await store.getState().retry(first.ok ? first.value.id : '');
      await store.getState().retry(retried.ok ? retried.value.id : '');
      const [sentFirst, sentRetry, sentRetryOfRetry] = fake.callsTo('generation.generate') as GenerateRequestInput[];
      expect(sentFirst).toEqual(painted);
      expect(sentRetry).toEqual(painted);
      expect(sentRetryOfRetry).toEqual(painted);
    });
  });

  it('stops listening when stopped', async () => {
    const { fake, stop } = await openStore();
    stop();
    expect(fake.listenerCount('jobs.progress')).toBe(0);
    expect(fake.listenerCount('jobs.succeeded')).toBe(0);
  });
});
