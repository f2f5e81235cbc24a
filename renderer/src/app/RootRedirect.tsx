import { Navigate } from 'react-router';
import { MODES } from '../../../shared/modes';
import { readLastMode } from '../stores/lastMode';

/** `/` reopens the studio used last (Pixel the first time). */
export function RootRedirect() {
  return <Navigate to={MODES[readLastMode()].studioPath} replace />;
}
