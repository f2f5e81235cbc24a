/**
 * The live queue of the open workspace: each job with its status, overall and per-slot
 * progress, live preview, elapsed time (ticking), Cancel/Retry and a Details button that
 * opens the job details drawer (request, final prompts, attempts, seed, parameters).
 */
import { useEffect, useId, useState } from 'react';
import type { Workspace } from '../../../shared/workspace';
import { Badge } from '../components/Badge';
import { Button } from '../components/Button';
import { ProgressBar } from '../components/ProgressBar';
import { useShallow } from 'zustand/react/shallow';
import { useJobs, useToasts } from '../stores';
import { isActive, JOB_STATUS_LABELS, selectJobRows, type JobEntry } from '../stores/jobs';
import { elapsedMs, formatElapsed } from './format';
import { JobDetailsDrawer } from './queue/JobDetailsDrawer';
import { JobFailure } from './queue/JobFailure';

const NO_ROWS: ReturnType<typeof selectJobRows> = [];

/**
 * Finished jobs listed before *Show all*: the queue is about what runs now and what just ended
 * (the gallery and each job's details keep the history). A workspace with a long history would
 * otherwise open with a hundred rows — a thousand elements to build before the studio shows.
 */
export const FINISHED_SHOWN = 8;

/** Every active job, then the newest finished ones up to `limit` (order kept: newest first). */
export function visibleQueueRows<T extends { job: { status: JobEntry['job']['status'] } }>(rows: ReadonlyArray<T>, limit: number): { shown: ReadonlyArray<T>; hidden: number } {
  let finished = 0;
  const shown = rows.filter((r) => isActive(r.job.status) || (finished += 1) <= limit);
  return { shown, hidden: rows.length - shown.length };
}

export function QueuePanel({ workspace }: { workspace: Workspace }) {
  const open = useJobs((s) => s.open);
  // Until the store has switched to this workspace (open runs after paint), show nothing of
  // the previous one.
  const current = useJobs((s) => s.workspaceId === workspace.id);
  const allRows = useJobs(useShallow(selectJobRows));
  const rows = current ? allRows : NO_ROWS;
  const status = useJobs((s) => (s.workspaceId === workspace.id ? s.status : 'loading'));
  const error = useJobs((s) => (s.workspaceId === workspace.id ? s.error : null));
  const titleId = useId();
  const anyActive = rows.some((r) => isActive(r.job.status));
  const now = useNow(anyActive);
  const [detailsOf, setDetailsOf] = useState<string | null>(null);
  // Expanded for one workspace: another workspace opens with the short list again.
  const [expandedFor, setExpandedFor] = useState<string | null>(null);
  const showAll = expandedFor === workspace.id;
  const { shown: recent, hidden } = visibleQueueRows(rows, FINISHED_SHOWN);
  const shown = showAll ? rows : recent;

  useEffect(() => {
    void open(workspace.id);
  }, [open, workspace.id]);

  return (
    <section className="queue" role="region" aria-labelledby={titleId}>
      <div className="queue-header">
        <h2 id={titleId} className="section-title">
          Queue
        </h2>
        {rows.length > 0 && <span className="gallery-count">{rows.length}</span>}
      </div>
      {status === 'error' && error !== null && (
        <div className="field-error" role="alert">
          <p>{error.message}</p>
          <Button size="sm" icon="refresh" onClick={() => void open(workspace.id)}>
            Try again
          </Button>
        </div>
      )}
      {rows.length === 0 && status !== 'error' && <p className="field-hint">Nothing queued. Write a prompt and press Generate.</p>}
      {rows.length > 0 && (
        <ul className="queue-list">
          {shown.map((entry) => (
            <JobRow key={entry.job.id} entry={entry} now={now} onDetails={setDetailsOf} />
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <Button size="sm" variant="ghost" className="queue-more" aria-expanded={showAll} onClick={() => setExpandedFor(showAll ? null : workspace.id)}>
          {showAll ? 'Show recent jobs only' : `Show ${hidden} earlier ${hidden === 1 ? 'job' : 'jobs'}`}
        </Button>
      )}
      {detailsOf !== null && <JobDetailsDrawer jobId={detailsOf} onClose={() => setDetailsOf(null)} />}
    </section>
  );
}

/** The current time, ticking every second while `ticking`. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

const STATUS_TONE = { queued: 'neutral', running: 'accent', succeeded: 'success', failed: 'danger', cancelled: 'warning', interrupted: 'warning' } as const;

/** How many batch slots a job has: from its parameters (frames for animations), else what progress reported. */
export function slotCount(entry: JobEntry): number {
  const { params } = entry.job;
  const frames = params['frames'];
  const fromFrames = typeof frames === 'object' && frames !== null && typeof (frames as { count?: unknown }).count === 'number' ? (frames as { count: number }).count : 0;
  const batch = typeof params['batch'] === 'number' ? params['batch'] : 1;
  const reported = Object.keys(entry.slots).length;
  return Math.max(fromFrames, batch, reported);
}

/** The tail of a streaming answer shown in the queue row (the whole file lands in the gallery). */
const PARTIAL_TEXT_SHOWN = 1200;

function JobRow({ entry, now, onDetails }: { entry: JobEntry; now: number; onDetails: (jobId: string) => void }) {
  const { job } = entry;
  const cancel = useJobs((s) => s.cancel);
  const retry = useJobs((s) => s.retry);
  const push = useToasts((s) => s.push);
  const [busy, setBusy] = useState(false);
  const active = isActive(job.status);
  const retryable = job.status === 'failed' || job.status === 'cancelled' || job.status === 'interrupted';
  const slots = slotCount(entry);

  const run = (action: () => Promise<{ ok: boolean; error?: { message: string } }>, failTitle: string): void => {
    setBusy(true);
    void action().then((result) => {
      setBusy(false);
      if (!result.ok && result.error !== undefined) push({ tone: 'error', title: failTitle, message: result.error.message });
    });
  };

  return (
    <li className="job-row">
      <div className="job-main">
        {entry.previewDataUrl !== null && active && <img className="job-preview" src={entry.previewDataUrl} alt="Live preview" />}
        <div className="job-text">
          <span className="job-prompt" title={job.prompt}>
            {truncate(job.prompt, 80) || '(no prompt)'}
          </span>
          <span className="job-meta">
            <Badge tone={STATUS_TONE[job.status]}>{JOB_STATUS_LABELS[job.status]}</Badge>
            <span>{job.tool}</span>
            {job.seed !== null && <span>seed {job.seed}</span>}
            <span>{formatElapsed(elapsedMs(job, now))}</span>
          </span>
        </div>
        <div className="job-actions">
          {active && (
            <Button size="sm" variant="ghost" icon="close" pending={busy} onClick={() => run(() => cancel(job.id), 'Job not cancelled')}>
              Cancel
            </Button>
          )}
          {retryable && (
            <Button size="sm" variant="ghost" icon="refresh" pending={busy} onClick={() => run(() => retry(job.id), 'Job not retried')}>
              Retry
            </Button>
          )}
          <Button size="sm" variant="ghost" aria-haspopup="dialog" onClick={() => onDetails(job.id)}>
            Details
          </Button>
        </div>
      </div>
      <ProgressBar value={entry.overall} label="Progress" className={`job-progress job-progress-${job.status}`} />
      {active && (
        // Present (and its line reserved) from the start: screen readers announce changes to a
        // live region that exists, not one that appears already filled; no jump when it fills.
        <p className="job-activity">
          {/* Phases change a few times a run: announced. Steps tick several times a second: not. */}
          <span aria-live="polite">{entry.activity ?? ''}</span>
          {entry.step !== null && (
            <span className="job-step">
              step {entry.step.step}/{entry.step.total}
            </span>
          )}
        </p>
      )}
      {job.status === 'failed' && job.error !== null && <JobFailure error={job.error} />}
      {entry.partialText !== null && active && (
        // The code as the model writes it (streamed through jobs.progress); the end stays in view.
        <pre className="job-partial-text" aria-label="Code so far">
          {entry.partialText.slice(-PARTIAL_TEXT_SHOWN)}
        </pre>
      )}
      {slots > 1 && active && (
        <div className="job-slots">
          {Array.from({ length: slots }, (_, slot) => (
            <ProgressBar key={slot} value={entry.slots[slot] ?? 0} label={`Slot ${slot + 1} progress`} className="job-progress" />
          ))}
        </div>
      )}
      {entry.liveFailures.length > 0 && active && (
        <ul className="form-notes">
          {entry.liveFailures.map((f, i) => (
            <li key={i}>
              {f.provider} (slot {f.slot + 1}): {f.error}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
