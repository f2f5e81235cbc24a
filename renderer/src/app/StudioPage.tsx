/**
 * The studio of one mode: header, workspace bar, then (with a workspace open) the generation
 * form beside the live queue and the gallery, or the empty state that says what to do. The
 * mode's own controls come from its folder under `src/studios/` (see studioControls.ts).
 */
import { useEffect, useState } from 'react';
import { MODES, type ModeId } from '../../../shared/modes';
import type { Workspace } from '../../../shared/workspace';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { Spinner } from '../components/Spinner';
import { useWorkspaces } from '../stores';
import { selectActiveWorkspace, selectModeWorkspaces } from '../stores/workspaces';
import { AssetsArea } from './AssetsArea';
import { GenerationPanel } from './GenerationPanel';
import { LatestResult } from './LatestResult';
import { QueuePanel } from './QueuePanel';
import { CreateWorkspaceDialog } from './workspace/CreateWorkspaceDialog';
import { MissingFolderNotice } from './workspace/MissingFolderNotice';
import { RemoveWorkspaceDialog } from './workspace/RemoveWorkspaceDialog';
import { RenameWorkspaceDialog } from './workspace/RenameWorkspaceDialog';
import { WorkspaceBar } from './workspace/WorkspaceBar';
import { ComfyUiStatusChip } from './comfyui/ComfyUiStatusChip';

type OpenDialog = 'create' | 'rename' | 'remove' | null;

export function StudioPage({ mode }: { mode: ModeId }) {
  const contract = MODES[mode];
  const load = useWorkspaces((s) => s.load);
  const attach = useWorkspaces((s) => s.attach);
  const active = useWorkspaces(selectActiveWorkspace(mode));
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = (): void => setDialog(null);

  useEffect(() => {
    void load(mode);
  }, [load, mode]);

  return (
    <div className="page studio">
      <header className="studio-header">
        <div className="studio-title">
          <span className="mode-dot mode-dot-lg" aria-hidden="true" />
          <div>
            <h1 className="page-title">{contract.name}</h1>
            <p className="page-subtitle">
              {contract.tagline} · {contract.description}
            </p>
          </div>
        </div>
        <div className="toolbar">
          <ComfyUiStatusChip />
          <Button icon="folderOpen" onClick={() => void attach(mode)}>
            Open existing folder…
          </Button>
          <Button variant="primary" icon="plus" onClick={() => setDialog('create')}>
            New workspace
          </Button>
        </div>
      </header>
      <WorkspaceBar mode={mode} onRename={() => setDialog('rename')} onRemove={() => setDialog('remove')} />
      <div className="studio-body">
        <StudioBody mode={mode} active={active} onCreate={() => setDialog('create')} />
      </div>
      {dialog === 'create' && <CreateWorkspaceDialog mode={mode} onClose={close} />}
      {dialog === 'rename' && active !== null && (
        <RenameWorkspaceDialog key={active.id} workspace={active} onClose={close} />
      )}
      {dialog === 'remove' && active !== null && (
        <RemoveWorkspaceDialog key={active.id} workspace={active} onClose={close} />
      )}
    </div>
  );
}

function StudioBody({ mode, active, onCreate }: { mode: ModeId; active: Workspace | null; onCreate: () => void }) {
  const { status, items, error } = useWorkspaces(selectModeWorkspaces(mode));
  const load = useWorkspaces((s) => s.load);
  const attach = useWorkspaces((s) => s.attach);

  if (items.length === 0 && (status === 'idle' || status === 'loading')) {
    return (
      <div className="page-centered">
        <Spinner size="md" label="Loading workspaces…" />
      </div>
    );
  }
  if (items.length === 0 && status === 'error') {
    return (
      <EmptyState
        icon="warning"
        title="Workspaces could not be loaded"
        actions={
          <Button icon="refresh" onClick={() => void load(mode)}>
            Try again
          </Button>
        }
      >
        <p>{error?.message}</p>
      </EmptyState>
    );
  }
  if (active === null) {
    const name = MODES[mode].name;
    return (
      <EmptyState
        icon="folder"
        title="No workspace yet"
        actions={
          <>
            <Button variant="primary" icon="plus" onClick={onCreate}>
              Create your first workspace
            </Button>
            <Button icon="folderOpen" onClick={() => void attach(mode)}>
              Attach existing folder…
            </Button>
          </>
        }
      >
        <p>
          A workspace is a folder on your disk that holds what you make in the {name} studio, with the settings and
          history that go with it. Create one to start, or attach a folder you already have.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      {active.missing && <MissingFolderNotice workspace={active} />}
      <div className="studio-workbench">
        <aside className="studio-form-panel">
          <GenerationPanel key={mode} mode={mode} workspace={active} />
        </aside>
        <div className="studio-results">
          <QueuePanel workspace={active} />
          <LatestResult workspace={active} />
          <AssetsArea workspace={active} />
        </div>
      </div>
    </>
  );
}
