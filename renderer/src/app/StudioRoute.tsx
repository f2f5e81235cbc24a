import { useParams } from 'react-router';
import { isModeId } from '../../../shared/modes';
import { NotFound } from './NotFound';
import { StudioPage } from './StudioPage';

/** `/:mode/studio`: a real mode gets its studio, anything else the not-found view. */
export function StudioRoute() {
  const { mode } = useParams();
  if (!isModeId(mode)) return <NotFound what="studio" />;
  // Keyed by mode: switching studios starts from a clean page (dialogs closed, no stale state).
  return <StudioPage key={mode} mode={mode} />;
}
