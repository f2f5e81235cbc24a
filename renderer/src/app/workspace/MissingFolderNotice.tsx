import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useWorkspaces } from '../../stores';

/** The workspace's folder is gone (unplugged drive, moved folder): say so and offer the fix. */
export function MissingFolderNotice({ workspace }: { workspace: Workspace }) {
  const attach = useWorkspaces((s) => s.attach);
  return (
    <div className="notice notice-warning">
      <Icon name="warning" className="notice-icon" />
      <div className="notice-text">
        <p className="notice-title">This workspace’s folder can’t be found</p>
        <p>
          WokGen looked for it at <span className="mono">{workspace.folder}</span>. If it is on a drive that is not
          connected, connect it. If you moved the folder, re-attach it from its new place.
        </p>
      </div>
      <Button size="sm" icon="folderOpen" onClick={() => void attach(workspace.mode, workspace.folder)}>
        Re-attach folder…
      </Button>
    </div>
  );
}
