/**
 * The studio's workspace row: the picker (a native `<select>` labelled "Workspace", whose
 * options are the workspace names), the open workspace's folder, and actions on it.
 */
import { useId } from 'react';
import type { ModeId } from '../../../../shared/modes';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { selectActiveWorkspace, selectModeWorkspaces } from '../../stores/workspaces';
import { useWorkspaces } from '../../stores';
import { ExportActions } from '../export/ExportActions';

export interface WorkspaceBarProps {
  mode: ModeId;
  onRename: () => void;
  onRemove: () => void;
}

export function WorkspaceBar({ mode, onRename, onRemove }: WorkspaceBarProps) {
  const { items } = useWorkspaces(selectModeWorkspaces(mode));
  const active = useWorkspaces(selectActiveWorkspace(mode));
  const select = useWorkspaces((s) => s.select);
  const reveal = useWorkspaces((s) => s.reveal);
  const selectId = useId();

  return (
    <div className="workspace-bar">
      <div className="workspace-picker">
        <label htmlFor={selectId} className="workspace-picker-label">
          Workspace
        </label>
        <select
          id={selectId}
          className="select"
          value={active?.id ?? ''}
          disabled={items.length === 0}
          onChange={(event) => select(mode, event.target.value)}
        >
          {items.length === 0 && <option value="">None yet</option>}
          {items.map((workspace) => (
            <option key={workspace.id} value={workspace.id}>
              {workspace.name}
            </option>
          ))}
        </select>
        {active?.missing === true && (
          <Badge tone="warning" icon="warning">
            Folder missing
          </Badge>
        )}
        {active !== null && (
          <span className="workspace-folder" title={active.folder}>
            {active.folder}
          </span>
        )}
      </div>
      {active !== null && (
        <div className="toolbar">
          <Button size="sm" variant="ghost" icon="pencil" onClick={onRename}>
            Rename
          </Button>
          <Button size="sm" variant="ghost" icon="reveal" onClick={() => void reveal(active)} disabled={active.missing}>
            Reveal in file manager
          </Button>
          <ExportActions mode={mode} workspace={active} />
          <Button size="sm" variant="ghost" icon="trash" onClick={onRemove}>
            Remove from library
          </Button>
        </div>
      )}
    </div>
  );
}
