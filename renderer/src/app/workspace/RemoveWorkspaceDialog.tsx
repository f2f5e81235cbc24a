import { useId, useState, type FormEvent } from 'react';
import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { useWorkspaces } from '../../stores';

/**
 * Removing forgets the workspace; the folder stays unless the user asks, and even then it
 * goes to the OS trash, never straight to deletion.
 */
export function RemoveWorkspaceDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const remove = useWorkspaces((s) => s.remove);
  const [trash, setTrash] = useState(false);
  const [pending, setPending] = useState(false);
  const checkboxId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    const result = await remove(workspace, trash);
    // Success or not, the outcome is reported as a toast; the dialog has done its job.
    if (result.ok) onClose();
    else setPending(false);
  };

  return (
    <Dialog title={`Remove “${workspace.name}”?`} onClose={onClose} dismissible={!pending} size="sm">
      <form onSubmit={(event) => void submit(event)}>
        <DialogBody>
          <p className="dialog-text">
            The workspace leaves WokGen’s library.{' '}
            {trash
              ? 'Its folder goes to the system trash, where you can still restore it.'
              : 'Its folder and files are kept on disk, and you can open the folder again later.'}
          </p>
          <p className="dialog-path">{workspace.folder}</p>
          <div className="checkbox-row">
            <input
              id={checkboxId}
              type="checkbox"
              className="checkbox"
              checked={trash}
              onChange={(event) => setTrash(event.target.checked)}
            />
            <label htmlFor={checkboxId}>Also move the folder to the trash</label>
          </div>
        </DialogBody>
        <DialogFooter>
          <Button variant="ghost" onClick={onClose} disabled={pending} data-autofocus="">
            Cancel
          </Button>
          <Button type="submit" variant="danger" pending={pending}>
            {trash ? 'Remove and trash folder' : 'Remove workspace'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
