import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider';
import { ManualClock } from './clock';
import { HttpStatusError } from './errors';
import type { HttpCall, ProviderHttp } from './provider-http';
import { runRemoteJob } from './remote-job';

function setup(cancelFails = false) {
  const clock = new ManualClock();
  const cancels: HttpCall[] = [];
  const http = {
    label: 'Acme',
    json: async (call: HttpCall) => {
      cancels.push(call);
      if (cancelFails) throw new ProviderError('unreachable', 'down');
      return { body: {}, status: 200, headers: new Headers() };
    },
  } as unknown as ProviderHttp;
  const io = { http, clock, pollIntervalMs: 500, jobTimeoutMs: 2_000 };
  const cancel = { url: 'http://127.0.0.1:1/cancel', method: 'PUT' as const, headers: { authorization: 'Key k' }, secrets: ['k'] };
  return { clock, cancels, io, cancel };
}

describe('runRemoteJob', () => {
  it('polls on the interval until done, without cancelling', async () => {
    const { clock, cancels, io, cancel } = setup();
    let polls = 0;
    const value = await runRemoteJob({ io, cancel, signal: new AbortController().signal, poll: async () => (++polls === 3 ? { done: true, value: 'image' } : { done: false }) });
    expect(value).toBe('image');
    expect(clock.sleeps).toEqual([500, 500]);
    expect(cancels).toEqual([]);
  });

  it('past the job budget: cancels remotely and times out', async () => {
    const { cancels, io, cancel } = setup();
    const run = runRemoteJob({ io, cancel, signal: new AbortController().signal, poll: async () => ({ done: false }) });
    await expect(run).rejects.toMatchObject({ kind: 'timeout', message: 'Acme did not finish within 2 s; the request was cancelled.' });
    expect(cancels).toHaveLength(1);
    expect(cancels[0]).toMatchObject({ url: cancel.url, method: 'PUT', secrets: ['k'] });
    // The cancel is not tied to the job's (possibly aborted) signal.
    expect(cancels[0]!.signal.aborted).toBe(false);
  });

  it('a user cancel while waiting: cancels remotely, reports cancelled', async () => {
    const { cancels, io, cancel } = setup();
    const controller = new AbortController();
    const run = runRemoteJob({ io, cancel, signal: controller.signal, poll: async () => { controller.abort(); return { done: false }; } });
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
    expect(cancels).toHaveLength(1);
  });

  it('a failing poll still cancels the remote job, and keeps its own error', async () => {
    const { cancels, io, cancel } = setup();
    const run = runRemoteJob({ io, cancel, signal: new AbortController().signal, poll: async () => { throw new ProviderError('unreachable', 'Could not reach Acme.'); } });
    await expect(run).rejects.toMatchObject({ kind: 'unreachable' });
    expect(cancels).toHaveLength(1);
  });

  it('rides out a failed status poll (unreachable, then a 503) with backoff, without cancelling the paid job', async () => {
    const { clock, cancels, io, cancel } = setup();
    const failures: Error[] = [new ProviderError('unreachable', 'Could not reach Acme.'), new HttpStatusError('provider_failure', 'Acme answered 503.', 503, {})];
    const value = await runRemoteJob({
      io: { ...io, jobTimeoutMs: 60_000 },
      cancel,
      signal: new AbortController().signal,
      poll: async () => {
        const failure = failures.shift();
        if (failure) throw failure;
        return { done: true, value: 'image' };
      },
    });
    expect(value).toBe('image');
    expect(clock.sleeps).toEqual([500, 1000]);
    expect(cancels).toEqual([]);
  });

  it('a failed job or a refused key is final: no retry', async () => {
    const { cancels, io, cancel } = setup();
    let polls = 0;
    const failures = [new ProviderError('provider_failure', 'Acme: the prediction failed.'), new HttpStatusError('unauthorised', 'Acme answered 401.', 401, {})];
    for (const failure of failures) {
      const run = runRemoteJob({ io: { ...io, jobTimeoutMs: 60_000 }, cancel, signal: new AbortController().signal, poll: async () => { polls += 1; throw failure; } });
      await expect(run).rejects.toBe(failure);
    }
    expect(polls).toBe(2);
    expect(cancels).toHaveLength(2);
  });

  it('a cancel that fails does not hide the real error', async () => {
    const { io, cancel } = setup(true);
    const run = runRemoteJob({ io, cancel, signal: new AbortController().signal, poll: async () => ({ done: false }) });
    await expect(run).rejects.toMatchObject({ kind: 'timeout' });
  });
});
