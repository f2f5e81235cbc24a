import { act, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../shared/library';

const fake = await vi.hoisted(async () => (await import('../testing/componentHarness')).installFakeWokgen());
const { resetFake } = await import('../testing/componentHarness');
const { ok, aWorkspace, anAsset, aJob: jobOf } = await import('../testing/fakeWokgen');
const { LatestResult } = await import('./LatestResult');
const { useJobs, useLibrary } = await import('../stores');

const workspace = aWorkspace({ mode: 'emoji' });

const aJob = (id: string, overrides: Partial<Job> = {}): Job =>
  jobOf(workspace.id, { id, mode: 'emoji', tool: 'emoji', status: 'succeeded', createdAt: 1000, finishedAt: 2000, ...overrides });

let stop: () => void = () => undefined;
beforeEach(() => {
  stop();
  resetFake(fake);
  useJobs.setState({ workspaceId: null, status: 'idle', error: null, order: [], entries: {}, requests: {} });
  stop = useJobs.getState().start();
});

describe('LatestResult', () => {
  it('shows the newest succeeded job even when the gallery filter hides its assets', async () => {
    // The gallery page is filtered to starred assets: the run's (unstarred) result is not on it.
    useLibrary.setState({ assets: { [workspace.id]: { status: 'ready', items: [], nextCursor: null, error: null } } });
    const older = aJob('job-old', { createdAt: 500 });
    fake.handlers['jobs.list'] = () => ok([aJob('job-new'), older, aJob('job-failed', { status: 'failed', createdAt: 3000 })]);
    fake.handlers['jobs.get'] = ({ jobId }) => ok({ job: aJob(jobId), assets: [anAsset(`${jobId}-a`, workspace.id, { jobId, metadata: { prompt: `prompt of ${jobId}` } })] });
    render(<LatestResult workspace={workspace} />);
    await act(async () => {
      await useJobs.getState().open(workspace.id);
    });
    const panel = await screen.findByRole('region', { name: /Latest result/ });
    await waitFor(() => expect(within(panel).getByText('prompt of job-new')).toBeTruthy());
    expect(fake.callsTo('jobs.get')).toEqual([{ jobId: 'job-new' }]);
  });

  it('switches to a run as soon as it succeeds, with the assets the event carries', async () => {
    fake.handlers['jobs.list'] = () => ok([]);
    render(<LatestResult workspace={workspace} />);
    await act(async () => {
      await useJobs.getState().open(workspace.id);
    });
    act(() =>
      fake.emit('jobs.succeeded', {
        job: aJob('job-live', { createdAt: 5000 }),
        assets: [anAsset('b', workspace.id, { jobId: 'job-live', slot: 1 }), anAsset('a', workspace.id, { jobId: 'job-live', slot: 0, metadata: { prompt: 'live run' } })],
      }),
    );
    const panel = await screen.findByRole('region', { name: /Latest result/ });
    expect(within(panel).getByText('live run')).toBeTruthy();
    expect(within(panel).getByRole('radiogroup', { name: 'Variant' })).toBeTruthy();
    expect(fake.callsTo('jobs.get')).toEqual([]);
  });
});
