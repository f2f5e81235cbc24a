/**
 * The jobs of the workspace a studio has open, kept live from the core's `jobs.*` events:
 * status, per-slot and overall progress, the latest live preview, attempts and errors.
 * It also remembers the request each job was submitted with (by job id), so Retry sends
 * exactly the same thing again.
 */
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { GenerateRequestInput } from '../../../shared/generation';
import type { Unsubscribe, WokgenApi } from '../../../shared/ipc/api';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { Asset, Job, JobStatus } from '../../../shared/library';
import type { LoadStatus } from './status';
import type { Notify } from './toasts';

/** A provider attempt that failed while the job ran (the final job row carries them all). */
export interface LiveAttemptFailure {
  readonly slot: number;
  readonly provider: string;
  readonly error: string;
  readonly errorKind: string;
}

/** What one slot's provider says it is doing, and its step while the phase has steps. */
export interface SlotPhase {
  readonly activity: string | null;
  readonly step: { readonly step: number; readonly total: number } | null;
}

const NO_PHASE: SlotPhase = { activity: null, step: null };

export interface JobEntry {
  readonly job: Job;
  /** 0..1, averaged over the slots (from `jobs.progress`). */
  readonly overall: number;
  /** Progress per batch slot, 0..1. */
  readonly slots: Readonly<Record<number, number>>;
  readonly previewDataUrl: string | null;
  /** Code providers (UI/UX): the answer so far, as it streams in; null for image jobs. */
  readonly partialText: string | null;
  /** The phase each batch slot last reported: slots run side by side, each with its own. */
  readonly slotPhases: Readonly<Record<number, SlotPhase>>;
  /**
   * The phase shown for the job: the lowest unfinished slot's, so a batch's line follows one
   * slot instead of flipping between them (and a screen reader is not told every flip).
   */
  readonly activity: string | null;
  /** That slot's newest sampler step, while its phase has steps; null otherwise. */
  readonly step: { readonly step: number; readonly total: number } | null;
  readonly liveFailures: ReadonlyArray<LiveAttemptFailure>;
  /** What the job made (from `jobs.succeeded`/`jobs.cancelled` or `loadJobAssets`); null until known. */
  readonly assets: ReadonlyArray<Asset> | null;
}

export interface JobsState {
  /** The workspace whose jobs are held; events for other workspaces are ignored. */
  readonly workspaceId: string | null;
  readonly status: LoadStatus;
  readonly error: AppError | null;
  /** Job ids, newest first. */
  readonly order: ReadonlyArray<string>;
  readonly entries: Readonly<Record<string, JobEntry>>;
  /** The request each job was submitted with, for Retry. Survives switching workspaces. */
  readonly requests: Readonly<Record<string, GenerateRequestInput>>;
  /** Holds the jobs of `workspaceId` (loads `jobs.list`); null clears. */
  open(workspaceId: string | null): Promise<void>;
  submit(request: GenerateRequestInput): Promise<Result<Job>>;
  cancel(jobId: string): Promise<Result<{ cancelled: boolean }>>;
  /** Re-submits the job's original request (or one rebuilt from the job row). */
  retry(jobId: string): Promise<Result<Job>>;
  /** The job as recorded now, with its assets (for the details drawer). */
  details(jobId: string): Promise<Result<{ job: Job; assets: Asset[] }>>;
  /** Fills `entries[jobId].assets` from `jobs.get` when not known yet (a job of an earlier session). */
  loadJobAssets(jobId: string): Promise<void>;
  /** The request a job was (or, for an earlier session's job, would be) submitted with. */
  requestOf(job: Job): GenerateRequestInput;
  /** Subscribes to the `jobs.*` events; returns the function that stops. */
  start(): Unsubscribe;
}

export const TERMINAL_STATUSES: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);

export const isActive = (status: JobStatus): boolean => status === 'queued' || status === 'running';

export const JOB_STATUS_LABELS: Readonly<Record<JobStatus, string>> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

const freshEntry = (job: Job): JobEntry => ({
  job,
  overall: job.status === 'succeeded' ? 1 : 0,
  slots: {},
  previewDataUrl: null,
  partialText: null,
  slotPhases: {},
  activity: null,
  step: null,
  liveFailures: [],
  assets: null,
});

/**
 * A request rebuilt from a job row, for jobs submitted in an earlier session (their request
 * was not kept). The row holds the user's prompt and the parameters; the user's own negative
 * prompt is merged with the preset's in the row, so it is left empty.
 */
export function requestFromJob(job: Job): GenerateRequestInput {
  const params = job.params;
  const userPrompt = typeof params.userPrompt === 'string' ? params.userPrompt : job.prompt;
  const request: Record<string, unknown> = {
    mode: job.mode,
    workspaceId: job.workspaceId,
    tool: job.tool,
    prompt: userPrompt,
    seed: job.seed,
  };
  if (job.preset !== null) request.preset = job.preset;
  if (typeof params.size === 'number') request.size = params.size;
  if (typeof params.batch === 'number') request.batch = params.batch;
  if (typeof params.hd === 'boolean') request.hd = params.hd;
  if (typeof params.controls === 'object' && params.controls !== null) request.controls = params.controls;
  if (typeof params.inputAssetId === 'string') request.inputAssetId = params.inputAssetId;
  return withStoredMask(request as GenerateRequestInput, job);
}

/**
 * A job from an earlier session that stored its mask in the workspace folder (`params.maskPath`)
 * is run again with that mask by reference (`maskFromJobId`): main reads the file back (and
 * stores it for the new job, so a retry of a retry works even when the first file is gone).
 */
function withStoredMask(request: GenerateRequestInput, job: Job): GenerateRequestInput {
  if (typeof job.params.maskPath !== 'string') return request;
  const { maskPngBase64: _painted, ...rest } = request as GenerateRequestInput & { maskPngBase64?: string };
  return { ...rest, maskFromJobId: job.id } as GenerateRequestInput;
}

/** The newest succeeded job of the open workspace (what "Latest result" shows), or null. */
export const selectLatestSucceeded = (state: JobsState): JobEntry | null => {
  for (const id of state.order) {
    const entry = state.entries[id];
    if (entry?.job.status === 'succeeded') return entry;
  }
  return null;
};

export const selectJobRows = (state: JobsState): ReadonlyArray<JobEntry> => {
  const rows: JobEntry[] = [];
  for (const id of state.order) {
    const entry = state.entries[id];
    if (entry !== undefined) rows.push(entry);
  }
  return rows;
};

export function createJobsStore({ api, notify = () => undefined }: { readonly api: WokgenApi; readonly notify?: Notify }) {
  let ticket = 0;
  return create<JobsState>()((set, get) => {
    /** Applies `change` to a job this store holds; anything else is another workspace's. */
    const update = (jobId: string, change: (entry: JobEntry) => JobEntry): void => {
      const entry = get().entries[jobId];
      if (entry === undefined) return;
      set((s) => ({ entries: { ...s.entries, [jobId]: change(entry) } }));
    };

    /** Adds or replaces a job of the open workspace, newest first. */
    const put = (job: Job, change: (entry: JobEntry) => JobEntry = (e) => e): void => {
      if (job.workspaceId !== get().workspaceId) return;
      set((s) => {
        const existing = s.entries[job.id];
        const base = existing === undefined ? freshEntry(job) : { ...existing, job };
        const order = existing === undefined ? insertByNewest(s.order, s.entries, job) : s.order;
        return { entries: { ...s.entries, [job.id]: change(base) }, order };
      });
    };

    const onEvent = {
      queued(job: EventPayload<'jobs.queued'>): void {
        // The answer to `generate` may have put it already (or even a later state): keep that.
        if (get().entries[job.id] !== undefined) return;
        put(job);
      },
      started({ jobId }: EventPayload<'jobs.started'>): void {
        update(jobId, (entry) =>
          TERMINAL_STATUSES.has(entry.job.status)
            ? entry
            : { ...entry, job: { ...entry.job, status: 'running', startedAt: entry.job.startedAt ?? Date.now() } },
        );
      },
      progress(p: EventPayload<'jobs.progress'>): void {
        update(p.jobId, (entry) => {
          if (TERMINAL_STATUSES.has(entry.job.status)) return entry;
          const job: Job =
            entry.job.status === 'queued' ? { ...entry.job, status: 'running', startedAt: entry.job.startedAt ?? Date.now() } : entry.job;
          return {
            ...entry,
            job,
            overall: p.overall,
            slots: { ...entry.slots, [p.slot]: p.fraction },
            previewDataUrl: p.previewDataUrl ?? entry.previewDataUrl,
            partialText: p.partialText ?? entry.partialText,
            ...phasesAfter(entry, p),
          };
        });
      },
      attemptFailed(a: EventPayload<'jobs.attemptFailed'>): void {
        update(a.jobId, (entry) => ({
          ...entry,
          liveFailures: [...entry.liveFailures, { slot: a.slot, provider: a.provider, error: a.error, errorKind: a.errorKind }],
        }));
      },
      finished(job: Job, assets: ReadonlyArray<Asset> | null = null): void {
        put(job, (entry) => ({ ...entry, overall: job.status === 'succeeded' ? 1 : entry.overall, assets: assets ?? entry.assets }));
      },
    };

    return {
      workspaceId: null,
      status: 'idle',
      error: null,
      order: [],
      entries: {},
      requests: {},

      async open(workspaceId) {
        const mine = ++ticket;
        if (workspaceId !== get().workspaceId) set({ workspaceId, order: [], entries: {}, error: null });
        if (workspaceId === null) {
          set({ status: 'idle' });
          return;
        }
        set({ status: 'loading' });
        const result = await api.jobs.list({ workspaceId });
        if (mine !== ticket) return;
        if (!result.ok) {
          set({ status: 'error', error: result.error });
          return;
        }
        set((s) => {
          // Events that arrived while the list loaded are newer than the list: they win.
          const entries: Record<string, JobEntry> = {};
          for (const job of result.value) {
            if (job.workspaceId === workspaceId) entries[job.id] = s.entries[job.id] ?? freshEntry(job);
          }
          for (const [id, entry] of Object.entries(s.entries)) entries[id] = entry;
          const order = Object.values(entries)
            .sort((a, b) => b.job.createdAt - a.job.createdAt || b.job.id.localeCompare(a.job.id))
            .map((e) => e.job.id);
          return { status: 'ready', error: null, entries, order };
        });
      },

      async submit(request) {
        const result = await api.generation.generate(request);
        if (result.ok) {
          set((s) => ({ requests: { ...s.requests, [result.value.id]: request } }));
          if (get().entries[result.value.id] === undefined) put(result.value);
        }
        return result;
      },

      async cancel(jobId) {
        return api.generation.cancel({ jobId });
      },

      async retry(jobId) {
        const stored = get().requests[jobId];
        const entry = get().entries[jobId];
        // In this session the request as submitted (a painted mask included: it does not depend on
        // the mask file still being on disk); from an earlier session, rebuilt from the job row.
        const request = stored ?? (entry === undefined ? undefined : requestFromJob(entry.job));
        if (request === undefined) return { ok: false, error: { code: 'not_found', message: 'This job is no longer listed.' } };
        return get().submit(request);
      },

      async details(jobId) {
        return api.jobs.get({ jobId });
      },

      async loadJobAssets(jobId) {
        if (get().entries[jobId]?.assets !== null) return;
        const result = await api.jobs.get({ jobId });
        // A failed read leaves null: the next render asks again only if the job is still the newest.
        if (result.ok) update(jobId, (entry) => ({ ...entry, assets: entry.assets ?? result.value.assets }));
      },

      requestOf(job) {
        return get().requests[job.id] ?? requestFromJob(job);
      },

      start() {
        const stops = [
          api.on('jobs.queued', onEvent.queued),
          api.on('jobs.started', onEvent.started),
          api.on('jobs.progress', onEvent.progress),
          api.on('jobs.attemptFailed', onEvent.attemptFailed),
          api.on('jobs.succeeded', ({ job, assets }) => onEvent.finished(job, assets)),
          api.on('jobs.failed', ({ job, stage, error }) => {
            // A job of a workspace that is not open has no queue row in sight: say it failed, and why.
            if (job.workspaceId !== get().workspaceId) {
              notify({ tone: 'error', title: `A ${job.mode} job failed`, message: `“${truncatePrompt(job.prompt)}”: ${job.error?.message ?? error}` });
              return;
            }
            onEvent.finished(job.error === null ? { ...job, error: { stage, code: 'failed', message: error } } : job);
          }),
          api.on('jobs.cancelled', ({ job, assets }) => onEvent.finished(job, assets)),
        ];
        return () => {
          for (const stop of stops) stop();
        };
      },
    };
  });
}

/** A step is shown while its phase lasts: a new phase without steps ("Decoding the image") clears it. */
function stepOf(p: EventPayload<'jobs.progress'>, previous: SlotPhase['step']): SlotPhase['step'] {
  if (p.step !== null && p.total !== null && p.total > 0) return { step: p.step, total: p.total };
  return p.activity === undefined ? previous : null;
}

/** The slot phases after a progress event, and the phase the job shows: its lowest unfinished slot's that has one. */
function phasesAfter(entry: JobEntry, p: EventPayload<'jobs.progress'>): Pick<JobEntry, 'slotPhases' | 'activity' | 'step'> {
  const before = entry.slotPhases[p.slot] ?? NO_PHASE;
  const slotPhases = { ...entry.slotPhases, [p.slot]: { activity: p.activity ?? before.activity, step: stepOf(p, before.step) } };
  const fractions: Readonly<Record<number, number>> = { ...entry.slots, [p.slot]: p.fraction };
  const withPhase = Object.keys(slotPhases)
    .map(Number)
    .filter((slot) => slotPhases[slot]?.activity != null)
    .sort((a, b) => a - b);
  const slot = withPhase.find((s) => (fractions[s] ?? 0) < 1) ?? withPhase[0];
  const shown = slot === undefined ? (slotPhases[p.slot] ?? NO_PHASE) : (slotPhases[slot] ?? NO_PHASE);
  return { slotPhases, activity: shown.activity, step: shown.step };
}

function truncatePrompt(prompt: string): string {
  return prompt.length <= 60 ? prompt : `${prompt.slice(0, 59)}…`;
}

function insertByNewest(order: ReadonlyArray<string>, entries: Readonly<Record<string, JobEntry>>, job: Job): ReadonlyArray<string> {
  const index = order.findIndex((id) => {
    const other = entries[id]?.job;
    return other !== undefined && (other.createdAt < job.createdAt || (other.createdAt === job.createdAt && other.id < job.id));
  });
  return index === -1 ? [...order, job.id] : [...order.slice(0, index), job.id, ...order.slice(index)];
}

export type JobsStore = ReturnType<typeof createJobsStore>;
