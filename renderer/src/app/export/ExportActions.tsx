/**
 * The workspace's export and import actions: "Export…" (Ctrl/⌘+Shift+E) opens the export
 * dialog for the gallery selection or the whole workspace; "Import .wokpack…" opens the main
 * process's file picker, then asks for confirmation.
 */
import { useEffect, useState } from 'react';
import type { WokpackSummary } from '../../../../shared/exports';
import type { ModeId } from '../../../../shared/modes';
import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { useExports, useSelection } from '../../stores';
import { selectSelectedIds } from '../../stores/selection';
import { ExportDialog } from './ExportDialog';
import { ImportPackDialog } from './ImportPackDialog';

export function ExportActions({ mode, workspace }: { mode: ModeId; workspace: Workspace }) {
  const [open, setOpen] = useState<'export' | { summary: WokpackSummary } | null>(null);
  const selectionWorkspace = useSelection((s) => s.workspaceId);
  const selected = useSelection(selectSelectedIds);
  const selectedIds = selectionWorkspace === workspace.id ? selected : [];
  const choosePack = useExports((s) => s.choosePack);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e' && !workspace.missing) {
        event.preventDefault();
        setOpen((current) => current ?? 'export');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workspace.missing]);

  const startImport = async (): Promise<void> => {
    const result = await choosePack(workspace.id);
    if (result.ok) setOpen({ summary: result.value });
  };

  return (
    <>
      <Button size="sm" variant="ghost" icon="reveal" onClick={() => setOpen('export')} disabled={workspace.missing} aria-keyshortcuts="Control+Shift+E Meta+Shift+E">
        Export…
      </Button>
      <Button size="sm" variant="ghost" icon="folderOpen" onClick={() => void startImport()} disabled={workspace.missing}>
        Import .wokpack…
      </Button>
      {open === 'export' && <ExportDialog mode={mode} workspace={workspace} selectedIds={selectedIds} onClose={() => setOpen(null)} />}
      {open !== null && open !== 'export' && <ImportPackDialog workspace={workspace} summary={open.summary} onClose={() => setOpen(null)} />}
    </>
  );
}
