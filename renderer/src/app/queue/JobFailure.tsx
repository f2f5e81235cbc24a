/**
 * Why a job failed, under its queue row, with the next step when the error code implies one
 * (UX review: a bare "Failed" badge left the user guessing).
 */
import { Link } from 'react-router';
import type { JobError } from '../../../../shared/library';

/** Error codes whose fix is in Settings → Providers (a missing, refused or unreachable provider). */
const PROVIDER_SETUP_CODES: ReadonlySet<string> = new Set(['no_provider', 'unauthorised', 'unreachable']);

export function JobFailure({ error }: { error: JobError }) {
  return (
    <p className="field-error job-failure" role="note">
      {error.message}
      {PROVIDER_SETUP_CODES.has(error.code) && (
        <>
          {' '}
          <Link to="/settings#providers">Open Settings → Providers</Link>
        </>
      )}
    </p>
  );
}
