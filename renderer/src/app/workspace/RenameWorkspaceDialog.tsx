import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useWorkspaces } from '../../stores';
import { errorFieldOf, workspaceNameError } from './validation';

/** Renames the workspace in the library; its folder keeps its name on disk. */
export function RenameWorkspaceDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const rename = useWorkspaces((s) => s.rename);
  const [name, setName] = useState(workspace.name);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);

  const nameError = workspaceNameError(name);
  const unchanged = name.trim() === workspace.name;
  const onName = serverError !== null && errorFieldOf(serverError.field, ['name'] as const) !== null;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (nameError !== null || pending) return;
    if (unchanged) {
      onClose();
      return;
    }
    setPending(true);
    const result = await rename(workspace, name.trim());
    if (result.ok) {
      onClose();
      return;
    }
    setPending(false);
    setServerError(result.error);
  };

  return (
    <Dialog title="Rename workspace" onClose={onClose} dismissible={!pending} size="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogBody>
          <TextField
            label="Name"
            name="name"
            value={name}
            data-autofocus=""
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            error={nameError ?? (onName ? (serverError?.message ?? null) : null)}
            hint="The folder on disk keeps its current name."
            onChange={(event) => {
              setName(event.target.value);
              setServerError(null);
            }}
          />
          {serverError !== null && !onName && (
            <div className="form-alert" role="alert">
              {serverError.message}
            </div>
          )}
        </DialogBody>
        <DialogFooter>
          <Button variant="ghost" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" pending={pending} disabled={nameError !== null}>
            Save
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
