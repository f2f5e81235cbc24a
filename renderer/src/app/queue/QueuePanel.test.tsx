import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../../shared/library';
import type { Workspace } from '../../../../shared/workspace';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { QueuePanel } = await import('../QueuePanel');
const { useJobs, useToasts } = await import('../../stores');
const { ok, aWorkspace, aJob: jobOf } = await import('../../testing/fakeWokgen');
const { resetFake } = await import('../../testing/componentHarness');

const workspace: Workspace = aWorkspace();

const aJob = (overrides: Partial<Job> = {}): Job => jobOf(workspace.id, overrides);

let stop: () => void = () => undefined;
beforeEach(() => {
  stop();
  resetFake(fake);
  useJobs.setState({ workspaceId: null, status: 'idle', error: null, order: [], entries: {}, requests: {} });
  stop = useJobs.getState().start();
});

describe('QueuePanel', () => {
  it('shows a running job with overall and per-slot progress that follow the events', async () => {
    fake.handlers['jobs.list'] = () => ok([aJob()]);
    render(<QueuePanel workspace={workspace} />, { wrapper: MemoryRouter });
    const queue = await screen.findByRole('region', { name: 'Queue' });
    await waitFor(() => expect(within(queue).getByText('Running')).toBeTruthy());
    expect(within(queue).getByText('seed 4242')).toBeTruthy();
    expect(within(queue).getByRole('progressbar', { name: 'Slot 2 progress' }).getAttribute('aria-valuenow')).toBe('0');
    act(() => fake.emit('jobs.progress', { jobId: 'job-1', slot: 1, fraction: 0.5, overall: 0.25, step: 2, total: 4, previewDataUrl: null }));
    expect(within(queue).getByRole('progressbar', { name: 'Slot 2 progress' }).getAttribute('aria-valuenow')).toBe('50');
    expect(within(queue).getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow')).toBe('25');
    expect(within(queue).getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('lists every active job and the newest finished ones; Show earlier jobs lists the rest', async () => {
    const finished = Array.from({ length: 12 }, (_, i) => aJob({ id: `done-${i}`, prompt: `finished ${i}`, status: 'succeeded', createdAt: 1000 - i, finishedAt: 2000 - i }));
    const running = aJob({ id: 'run-1', prompt: 'still running', status: 'running', createdAt: 500 });
    fake.handlers['jobs.list'] = () => ok([...finished.slice(0, 10), running, ...finished.slice(10)]);
    render(<QueuePanel workspace={workspace} />, { wrapper: MemoryRouter });
    const queue = await screen.findByRole('region', { name: 'Queue' });
    await waitFor(() => expect(within(queue).getByText('still running')).toBeTruthy());
    const prompts = () => within(queue).getAllByRole('listitem').map((li) => li.querySelector('.job-prompt')?.textContent);
    expect(prompts()).toEqual([...finished.slice(0, 8).map((j) => j.prompt), 'still running']);
    fireEvent.click(within(queue).getByRole('button', { name: 'Show 4 earlier jobs' }));
    expect(prompts()).toHaveLength(13);
    expect(within(queue).getByRole('button', { name: 'Show recent jobs only' }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(queue).getByRole('button', { name: 'Show recent jobs only' }));
    expect(prompts()).toHaveLength(9);
  });

  it('says what the provider is doing under the bar, with the step while sampling, and hides it when the job ends', async () => {
    fake.handlers['jobs.list'] = () => ok([aJob()]);
    render(<QueuePanel workspace={workspace} />, { wrapper: MemoryRouter });
    const queue = await screen.findByRole('region', { name: 'Queue' });
    await waitFor(() => expect(within(queue).getByText('Running')).toBeTruthy());
    const progress = (extra: Record<string, unknown>) =>
      act(() => fake.emit('jobs.progress', { jobId: 'job-1', slot: 0, fraction: 0.1, overall: 0.1, step: null, total: null, previewDataUrl: null, ...extra }));
    // The live region is there before it has anything to say (announced when it changes).
    const live = queue.querySelector('.job-activity [aria-live="polite"]');
    expect(live?.textContent).toBe('');
    progress({ activity: 'Loading the model' });
    expect(within(queue).getByText('Loading the model')).toBe(live);
    progress({ activity: 'Sampling', step: 7, total: 30 });
    expect(within(queue).getByText('Sampling')).toBeTruthy();
    expect(within(queue).getByText('step 7/30')).toBeTruthy();
    expect(within(queue).queryByText('Loading the model')).toBeNull();
    act(() => fake.emit('jobs.succeeded', { job: aJob({ status: 'succeeded', finishedAt: Date.now() }), assets: [] }));
    expect(within(queue).queryByText('Sampling')).toBeNull();
    expect(within(queue).queryByText('step 7/30')).toBeNull();
  });

  it('offers Retry on a failed job and resubmits the same request', async () => {
    const failed = aJob({ status: 'failed', finishedAt: Date.now(), error: { stage: 'dispatch', code: 'unreachable', message: 'ComfyUI did not answer.' } });
    fake.handlers['jobs.list'] = () => ok([failed]);
    fake.handlers['generation.generate'] = () => ok(aJob({ id: 'job-2', status: 'queued' }));
    render(<QueuePanel workspace={workspace} />, { wrapper: MemoryRouter });
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.callsTo('generation.generate')).toHaveLength(1));
    expect(fake.callsTo('generation.generate')[0]).toMatchObject({ mode: 'pixel', prompt: 'a red dragon', seed: 4242, batch: 2 });
  });

  it('says why a job failed under its row, with a link to the providers settings when a provider is missing', async () => {
    const failed = aJob({ status: 'failed', finishedAt: Date.now(), error: { stage: 'dispatch', code: 'no_provider', message: 'No provider can make sprites yet.' } });
    const other = aJob({ id: 'job-2', status: 'failed', finishedAt: Date.now(), error: { stage: 'post-process', code: 'invalid_request', message: 'The palette has no colours.' } });
    fake.handlers['jobs.list'] = () => ok([failed, other]);
    render(<QueuePanel workspace={workspace} />, { wrapper: MemoryRouter });
    const reason = await screen.findByText('No provider can make sprites yet.');
    expect(within(reason).getByRole('link', { name: 'Open Settings → Providers' }).getAttribute('href')).toBe('/settings#providers');
    const plain = screen.getByText('The palette has no colours.');
    expect(within(plain).queryByRole('link')).toBeNull();
  });

  it('offers Try again when the queue cannot be read, and when the job details cannot', async () => {
    let listCalls = 0;
    fake.handlers['jobs.list'] = () => (++listCalls === 1 ? { ok: false, error: { code: 'io_failed', message: 'The database is locked.' } } : ok([aJob({ status: 'failed', finishedAt: Date.now() })]));
    render(<QueuePanel workspace={workspace} />, { wrapper: MemoryRouter });
    expect(await screen.findByText('The database is locked.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    let getCalls = 0;
    fake.handlers['jobs.get'] = () => (++getCalls === 1 ? { ok: false, error: { code: 'io_failed', message: 'The job could not be read.' } } : ok({ job: aJob({ status: 'failed' }), assets: [] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Details' }));
    const drawer = await screen.findByRole('dialog', { name: 'Job details' });
    expect(await within(drawer).findByText('The job could not be read.')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(drawer).getByLabelText('Parameters')).toBeTruthy());
  });

  it('raises a toast with the reason when a job of another workspace fails', async () => {
    useToasts.getState().clear();
    fake.handlers['jobs.list'] = () => ok([]);
    render(<QueuePanel workspace={workspace} />, { wrapper: MemoryRouter });
    await waitFor(() => expect(useJobs.getState().status).toBe('ready'));
    const elsewhere = aJob({ id: 'job-9', workspaceId: '00000000-0000-4000-8000-00000000ffff', status: 'failed', error: { stage: 'dispatch', code: 'unauthorised', message: 'Together AI refused the key.' } });
    act(() => fake.emit('jobs.failed', { job: elsewhere, stage: 'dispatch', error: 'Together AI refused the key.' }));
    expect(useToasts.getState().toasts).toEqual([expect.objectContaining({ tone: 'error', title: 'A pixel job failed', message: '“a red dragon”: Together AI refused the key.' })]);
  });

  it('opens the details drawer with the recorded attempts, prompts and parameters', async () => {
    const done = aJob({
      status: 'succeeded',
      provider: 'together',
      finishedAt: Date.now(),
      attempts: [
        { provider: 'comfyui', model: 'sdxl', slot: 0, startedAt: 1000, finishedAt: 1400, ok: false, error: 'connection refused', errorKind: 'unreachable' },
        { provider: 'together', model: 'flux', slot: 0, startedAt: 1400, finishedAt: 3900, ok: true, error: null, errorKind: null },
      ],
    });
    fake.handlers['jobs.list'] = () => ok([done]);
    fake.handlers['jobs.get'] = () =>
      ok({
        job: done,
        assets: [
          {
            id: 'a1',
            jobId: 'job-1',
            workspaceId: workspace.id,
            slot: 0,
            kind: 'image',
            relativePath: 'assets/a1.png',
            mime: 'image/png',
            width: 256,
            height: 256,
            bytes: 10,
            metadata: { prompt: 'pixel art, a red dragon, 16-bit', negativePrompt: 'blurry, text', seed: 4242 },
            starred: false,
            createdAt: 1,
          },
        ],
      });
    render(<QueuePanel workspace={workspace} />, { wrapper: MemoryRouter });
    fireEvent.click(await screen.findByRole('button', { name: 'Details' }));
    const drawer = await screen.findByRole('dialog', { name: 'Job details' });
    await waitFor(() => expect(within(drawer).getByRole('table')).toBeTruthy());
    const rows = within(drawer).getAllByRole('row').map((r) => r.textContent);
    expect(rows[1]).toContain('unreachable: connection refused');
    expect(rows[1]).toContain('0.4 s');
    expect(rows[2]).toContain('together');
    expect(rows[2]).toContain('OK');
    expect(within(drawer).getByLabelText('Final prompt, slot 1').textContent).toBe('pixel art, a red dragon, 16-bit');
    expect(within(drawer).getByLabelText('Negative prompt').textContent).toBe('blurry, text');
    expect(within(drawer).getByLabelText('Parameters').textContent).toContain('"batch": 2');
    expect(within(drawer).getByLabelText('Request').textContent).toContain('"seed": 4242');
    expect(fake.callsTo('jobs.get')).toEqual([{ jobId: 'job-1' }]);
  });
});
