import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { readLastMode } from '../stores/lastMode';
import { MODES } from '../../../shared/modes';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A page crashed while rendering. The sidebar stays, and "Try again" re-renders the page
 * (navigating to the same location resets the router's error state).
 */
export function RouteError() {
  const error = useRouteError();
  const location = useLocation();
  const navigate = useNavigate();
  const home = MODES[readLastMode()];
  return (
    <div className="page page-centered" role="alert">
      <EmptyState
        icon="warning"
        title="This page hit an error"
        actions={
          <>
            <Button
              variant="primary"
              icon="refresh"
              onClick={() => void navigate(`${location.pathname}${location.search}`, { replace: true })}
            >
              Try again
            </Button>
            <Link className="btn btn-ghost btn-md" to={home.studioPath}>
              Go to the {home.name} studio
            </Link>
          </>
        }
      >
        <p>Nothing was lost: workspaces and files live on disk. The error was:</p>
        <pre className="error-detail">{describe(error)}</pre>
      </EmptyState>
    </div>
  );
}
