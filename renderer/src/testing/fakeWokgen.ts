/**
 * A `WokgenApi` for unit tests, built with the real `buildWokgenApi` (so its shape is the
 * preload's) over a table of stub handlers. Unstubbed channels answer an `internal` error;
 * every call is recorded; `emit` plays the part of main sending an event.
 */
import type { Result } from '../../../shared/errors';
import { buildWokgenApi } from '../../../shared/ipc/api';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from '../../../shared/ipc/contract';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../shared/ipc/names';
import type { Asset, Job } from '../../../shared/library';
import type { Workspace } from '../../../shared/workspace';

type Handler<K extends ChannelName> = (input: ChannelInput<K>) => Result<ChannelOutput<K>> | Promise<Result<ChannelOutput<K>>>;
export type FakeHandlers = { [K in ChannelName]?: Handler<K> };

export interface RecordedCall {
  readonly channel: string;
  readonly input: unknown;
}

export function createFakeWokgen(initial: FakeHandlers = {}) {
  const handlers: FakeHandlers = { ...initial };
  const calls: RecordedCall[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const api = buildWokgenApi(
    CHANNEL_NAMES,
    EVENT_NAMES,
    async (channel, input) => {
      calls.push({ channel, input });
      const handler = handlers[channel as ChannelName] as ((input: unknown) => unknown) | undefined;
      if (handler === undefined) return { ok: false, error: { code: 'internal', message: `${channel} is not stubbed` } };
      return handler(input);
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  );

  return {
    api,
    handlers,
    calls,
    /** Inputs of the calls made to one channel, in order. */
    callsTo<K extends ChannelName>(channel: K): ReadonlyArray<ChannelInput<K>> {
      return calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelInput<K>);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount(event: EventName): number {
      return listeners.get(event)?.size ?? 0;
    },
  };
}

export type FakeWokgen = ReturnType<typeof createFakeWokgen>;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A promise the test resolves when it wants, to interleave concurrent calls. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let counter = 0;
export function aWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    name: `Workspace ${counter}`,
    mode: 'pixel',
    folder: `/home/me/WokGen/pixel/Workspace ${counter}`,
    createdAt: 1_700_000_000_000 + counter,
    updatedAt: 1_700_000_000_000 + counter,
    missing: false,
    ...overrides,
  };
}

/** Lets pending promise callbacks run (store actions chain a few awaits). */
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** An image asset of workspace `workspaceId` (tests override what they look at). */
export function anAsset(id: string, workspaceId: string, overrides: Partial<Asset> = {}): Asset {
  return {
    id,
    jobId: null,
    workspaceId,
    slot: 0,
    kind: 'image',
    relativePath: `assets/${id}.png`,
    mime: 'image/png',
    width: 64,
    height: 64,
    bytes: 2048,
    metadata: {},
    starred: false,
    createdAt: 1,
    ...overrides,
  };
}

/** A pixel sprite job of workspace `workspaceId`, running (tests override what they look at). */
export function aJob(workspaceId: string, overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    workspaceId,
    mode: 'pixel',
    tool: 'sprite',
    preset: 'rpg',
    prompt: 'a red dragon',
    negativePrompt: 'blurry, text',
    provider: null,
    status: 'running',
    seed: 4242,
    params: { batch: 2, size: 256, userPrompt: 'a red dragon' },
    attempts: [],
    error: null,
    createdAt: Date.now() - 3000,
    startedAt: Date.now() - 2000,
    finishedAt: null,
    ...overrides,
  };
}
