/**
 * The live queue of the open workspace: each job with its status, progress, live preview,
 * elapsed time, Cancel/Retry and a details toggle (attempts, error with its stage).
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

const NO_ROWS: ReturnType<typeof selectJobRows> = [];

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
      {status === 'error' && error !== null && <p className="field-error">{error.message}</p>}
      {rows.length === 0 && status !== 'error' && <p className="field-hint">Nothing queued. Write a prompt and press Generate.</p>}
      {rows.length > 0 && (
        <ul className="queue-list">
          {rows.map((entry) => (
            <JobRow key={entry.job.id} entry={entry} now={now} />
          ))}
        </ul>
      )}
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

function JobRow({ entry, now }: { entry: JobEntry; now: number }) {
  const { job } = entry;
  const cancel = useJobs((s) => s.cancel);
  const retry = useJobs((s) => s.retry);
  const push = useToasts((s) => s.push);
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState(false);
  const detailsId = useId();
  const active = isActive(job.status);
  const retryable = job.status === 'failed' || job.status === 'cancelled' || job.status === 'interrupted';

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
          <Button size="sm" variant="ghost" aria-expanded={expanded} aria-controls={detailsId} onClick={() => setExpanded((v) => !v)}>
            Details
          </Button>
        </div>
      </div>
      <ProgressBar value={entry.overall} label="Progress" className={`job-progress job-progress-${job.status}`} />
      {expanded && <JobDetails id={detailsId} entry={entry} />}
    </li>
  );
}

function JobDetails({ id, entry }: { id: string; entry: JobEntry }) {
  const { job } = entry;
  return (
    <div id={id} className="job-details">
      {job.error !== null && (
        <p className="job-error">
          <strong>Failed at {job.error.stage}:</strong> {job.error.message}
        </p>
      )}
      <dl className="job-facts">
        <dt>Seed</dt>
        <dd>{job.seed ?? 'Random'}</dd>
        {job.preset !== null && (
          <>
            <dt>Preset</dt>
            <dd>{job.preset}</dd>
          </>
        )}
        <dt>Provider</dt>
        <dd>{job.provider ?? '—'}</dd>
      </dl>
      {job.attempts.length > 0 ? (
        <table className="job-attempts">
          <caption className="field-hint">Provider attempts</caption>
          <thead>
            <tr>
              <th scope="col">Slot</th>
              <th scope="col">Provider</th>
              <th scope="col">Model</th>
              <th scope="col">Result</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {job.attempts.map((a, i) => (
              <tr key={i}>
                <td>{a.slot + 1}</td>
                <td>{a.provider}</td>
                <td>{a.model ?? '—'}</td>
                <td className={a.ok ? 'attempt-ok' : 'attempt-failed'}>{a.ok ? 'OK' : (a.error ?? 'Failed')}</td>
                <td>{a.finishedAt === null ? '—' : formatElapsed(a.finishedAt - a.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        entry.liveFailures.length > 0 && (
          <ul className="form-notes">
            {entry.liveFailures.map((f, i) => (
              <li key={i}>
                {f.provider} (slot {f.slot + 1}): {f.error}
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
