/**
 * The job details drawer: everything the library recorded about one job, fetched fresh
 * with `jobs.get` when it opens (and again when the job changes state while open) — the
 * request, the prompt and negative exactly as each provider got them, every provider
 * attempt with its error and timing, the seed and the parameters.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { Asset, Job } from '../../../../shared/library';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Spinner';
import { useJobs } from '../../stores';
import { JOB_STATUS_LABELS } from '../../stores/jobs';
import { formatElapsed } from '../format';

interface Loaded {
  readonly job: Job;
  readonly assets: ReadonlyArray<Asset>;
}

export function JobDetailsDrawer({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const details = useJobs((s) => s.details);
  // Re-fetch when the live status changes (a running job finishing while the drawer is open).
  const liveStatus = useJobs((s) => s.entries[jobId]?.job.status);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // Bumped by Try again to read the job once more after a failed load.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void details(jobId).then((result) => {
      if (!current) return;
      if (result.ok) {
        setLoaded(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [details, jobId, liveStatus, attempt]);

  return (
    <Dialog title="Job details" onClose={onClose} className="job-drawer">
      <div className="dialog-body">
        {error !== null && (
          <div className="field-error" role="alert">
            <p>{error.message}</p>
            <Button
              size="sm"
              icon="refresh"
              onClick={() => {
                setError(null);
                setAttempt((n) => n + 1);
              }}
            >
              Try again
            </Button>
          </div>
        )}
        {loaded === null && error === null && <Spinner size="md" label="Loading job details…" />}
        {loaded !== null && <JobDetailsBody job={loaded.job} assets={loaded.assets} />}
      </div>
    </Dialog>
  );
}

const formatTime = (ms: number | null): string => (ms === null ? '—' : new Date(ms).toLocaleString());

/** The final prompt/negative per slot, from the assets' embedded metadata (what the provider got). */
function finalPrompts(assets: ReadonlyArray<Asset>): Array<{ slot: number; prompt: string; negative: string; seed: unknown }> {
  return assets.flatMap((a) => {
    const prompt = a.metadata['prompt'];
    if (typeof prompt !== 'string') return [];
    const negative = a.metadata['negativePrompt'];
    return [{ slot: a.slot, prompt, negative: typeof negative === 'string' ? negative : '', seed: a.metadata['seed'] }];
  });
}

export function JobDetailsBody({ job, assets }: { job: Job; assets: ReadonlyArray<Asset> }) {
  const requestOf = useJobs((s) => s.requestOf);
  const finals = finalPrompts(assets);
  const { userPrompt, warnings, ...params } = job.params;
  return (
    <>
      <section className="job-drawer-section" aria-label="Summary">
        <dl className="job-facts">
          <dt>Status</dt>
          <dd>{JOB_STATUS_LABELS[job.status]}</dd>
          <dt>Tool</dt>
          <dd>{job.tool}</dd>
          <dt>Preset</dt>
          <dd>{job.preset ?? '—'}</dd>
          <dt>Provider</dt>
          <dd>{job.provider ?? '—'}</dd>
          <dt>Seed</dt>
          <dd>{job.seed ?? 'Random'}</dd>
          <dt>Created</dt>
          <dd>{formatTime(job.createdAt)}</dd>
          <dt>Finished</dt>
          <dd>{formatTime(job.finishedAt)}</dd>
          {job.startedAt !== null && job.finishedAt !== null && (
            <>
              <dt>Run time</dt>
              <dd>{formatElapsed(job.finishedAt - job.startedAt)}</dd>
            </>
          )}
        </dl>
        {job.error !== null && (
          <p className="job-error">
            <strong>Failed at {job.error.stage}:</strong> {job.error.message}
          </p>
        )}
      </section>

      <section className="job-drawer-section">
        <h3>Prompt</h3>
        <pre aria-label="Prompt">{typeof userPrompt === 'string' ? userPrompt : job.prompt}</pre>
        {Array.isArray(warnings) && warnings.length > 0 && (
          <ul className="form-notes">
            {warnings.map((w, i) => (
              <li key={i}>{String(w)}</li>
            ))}
          </ul>
        )}
        <h3>Negative prompt (as sent)</h3>
        <pre aria-label="Negative prompt">{job.negativePrompt ?? '—'}</pre>
      </section>

      {finals.length > 0 && (
        <section className="job-drawer-section">
          <h3>Final prompts (as each provider got them)</h3>
          {finals.map((f) => (
            <div key={f.slot}>
              <p className="field-hint">
                Slot {f.slot + 1}
                {typeof f.seed === 'number' ? ` · seed ${f.seed}` : ''}
              </p>
              <pre aria-label={`Final prompt, slot ${f.slot + 1}`}>{f.prompt}</pre>
              {f.negative !== '' && <pre aria-label={`Final negative, slot ${f.slot + 1}`}>{f.negative}</pre>}
            </div>
          ))}
        </section>
      )}

      <section className="job-drawer-section">
        <h3>Provider attempts</h3>
        {job.attempts.length === 0 ? (
          <p className="field-hint">No attempt recorded yet.</p>
        ) : (
          <table className="job-attempts">
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
                  <td className={a.ok ? 'attempt-ok' : 'attempt-failed'}>
                    {a.ok ? 'OK' : `${a.errorKind !== null ? `${a.errorKind}: ` : ''}${a.error ?? 'Failed'}`}
                  </td>
                  <td>{a.finishedAt === null ? 'running' : formatElapsed(a.finishedAt - a.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="job-drawer-section">
        <h3>Parameters</h3>
        <pre aria-label="Parameters">{JSON.stringify(params, null, 2)}</pre>
        <h3>Request</h3>
        <pre aria-label="Request">{JSON.stringify(requestOf(job), null, 2)}</pre>
      </section>
    </>
  );
}
