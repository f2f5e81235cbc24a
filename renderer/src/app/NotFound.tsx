import { Link } from 'react-router';
import { MODES } from '../../../shared/modes';
import { EmptyState } from '../components/EmptyState';
import { readLastMode } from '../stores/lastMode';

export function NotFound({ what = 'page' }: { what?: string }) {
  const home = MODES[readLastMode()];
  return (
    <div className="page page-centered">
      <EmptyState
        icon="info"
        title="Nothing here"
        actions={
          <Link className="btn btn-primary btn-md" to={home.studioPath}>
            Back to the {home.name} studio
          </Link>
        }
      >
        <p>This {what} does not exist in WokGen Studio.</p>
      </EmptyState>
    </div>
  );
}
