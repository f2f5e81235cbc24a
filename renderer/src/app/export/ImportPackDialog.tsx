/**
 * Confirms a `.wokpack` import: what the pack holds, and — when its assets come from another
 * mode — an explicit "import across modes" choice, since modes only share assets on purpose.
 */
import { useState } from 'react';
import type { WokpackSummary } from '../../../../shared/exports';
import { MODES, MODE_IDS } from '../../../../shared/modes';
import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { CheckboxField } from '../../components/FormFields';
import { ProgressBar } from '../../components/ProgressBar';
import { useExports } from '../../stores';
import { progressFraction, progressLabel } from './exportForm';

export interface ImportPackDialogProps {
  readonly workspace: Workspace;
  readonly summary: WokpackSummary;
  readonly onClose: () => void;
}

export function ImportPackDialog({ workspace, summary, onClose }: ImportPackDialogProps) {
  const importPack = useExports((s) => s.importPack);
  const cancelImport = useExports((s) => s.cancelImport);
  const importing = useExports((s) => (s.importing?.token === summary.token ? s.importing : null));
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const from = MODE_IDS.filter((mode) => (summary.modes[mode] ?? 0) > 0)
    .map((mode) => `${summary.modes[mode]} ${MODES[mode].name}`)
    .join(', ');

  const submit = async (): Promise<void> => {
    setBusy(true);
    const result = await importPack(summary, workspace.id, summary.crossMode && confirmed);
    setBusy(false);
    if (result.ok) onClose();
  };

  return (
    <Dialog title="Import WokGen pack" onClose={onClose} dismissible={!busy} size="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <DialogBody>
          <p>
            <strong>{summary.fileName}</strong> holds {summary.assetCount} asset{summary.assetCount === 1 ? '' : 's'} ({from}), exported{' '}
            {new Date(summary.exportedAt).toLocaleString()}.
          </p>
          <p className="field-hint">They are added to {workspace.name} with new ids; the pack is not changed, and nothing is added unless every asset imports.</p>
          {summary.crossMode && (
            <CheckboxField
              label={`Import assets from another mode into this ${MODES[workspace.mode].name} workspace`}
              checked={confirmed}
              onChange={setConfirmed}
              hint="Each keeps a note of the mode it was made in."
            />
          )}
          {busy && <ProgressBar value={progressFraction(importing?.progress ?? null)} label={progressLabel(importing?.progress ?? null)} />}
        </DialogBody>
        <DialogFooter>
          {/* While importing, Cancel stops the import (all-or-nothing: nothing is kept). */}
          <Button type="button" variant="ghost" onClick={busy ? () => void cancelImport() : onClose}>
            {busy ? 'Stop import' : 'Cancel'}
          </Button>
          <Button type="submit" variant="primary" pending={busy} disabled={busy || (summary.crossMode && !confirmed)}>
            Import
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
