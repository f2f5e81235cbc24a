/**
 * "New <Mode> workspace": a name (validated as you type with the core's own schema) and a
 * folder (the core's suggestion, or one the user chooses). Errors from the core land next
 * to the field they name, or above the buttons.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import { MODES, type ModeId } from '../../../../shared/modes';
import { Button } from '../../components/Button';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useWorkspaces } from '../../stores';
import { errorFieldOf, workspaceNameError } from './validation';

/** Wait for a pause in typing before asking the core for a folder. */
const SUGGEST_DELAY_MS = 200;

export function CreateWorkspaceDialog({ mode, onClose }: { mode: ModeId; onClose: () => void }) {
  const create = useWorkspaces((s) => s.create);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [chosenFolder, setChosenFolder] = useState<string | null>(null);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const trimmed = name.trim();
  const nameError = workspaceNameError(name);
  const suggestion = useSuggestedFolder(mode, nameError === null && chosenFolder === null ? trimmed : null);
  const suggested = suggestion?.folder ?? null;
  // The folder shown must be the folder created: while the suggestion for the current name is
  // still on its way, creating is held back (the core computes the same default from the name).
  const folderSettled = chosenFolder !== null || suggestion?.name === trimmed;
  const serverField = serverError === null ? null : errorFieldOf(serverError.field, ['name', 'folder'] as const);

  const shownNameError = (touched ? nameError : null) ?? (serverField === 'name' ? (serverError?.message ?? null) : null);
  const folderError = serverField === 'folder' ? (serverError?.message ?? null) : null;
  const formError = serverError !== null && serverField === null ? serverError.message : null;
  const folder = chosenFolder ?? suggested ?? '';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched(true);
    if (nameError !== null || pending || !folderSettled) return;
    setPending(true);
    setServerError(null);
    const result = await create(chosenFolder === null ? { mode, name: trimmed } : { mode, name: trimmed, folder: chosenFolder });
    if (result.ok) {
      onClose();
      return;
    }
    setPending(false);
    setServerError(result.error);
    if (errorFieldOf(result.error.field, ['name'] as const) !== null) nameInput.current?.focus();
  };

  return (
    <Dialog title={`New ${MODES[mode].name} workspace`} onClose={onClose} dismissible={!pending}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogBody>
          <p className="dialog-text">
            A workspace is a folder on your disk for everything you make in the {MODES[mode].name} studio.
          </p>
          <div className="dialog-mode">
            <span className="dialog-mode-label">Mode</span>
            <span className="dialog-mode-value" data-mode={mode} style={{ '--mode-accent': MODES[mode].accent }}>
              <span className="mode-dot" aria-hidden="true" />
              {MODES[mode].name}
            </span>
            <span className="dialog-mode-note">fixed for the life of the workspace</span>
          </div>
          <TextField
            label="Name"
            name="name"
            value={name}
            inputRef={nameInput}
            data-autofocus=""
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            placeholder="e.g. Dungeon tileset"
            error={shownNameError}
            hint="Up to 40 characters. It also names the folder."
            onChange={(event) => {
              setName(event.target.value);
              setTouched(true);
              if (serverField !== 'folder') setServerError(null);
            }}
          />
          <ChooseFolderField
            folder={folder}
            chosen={chosenFolder !== null}
            error={folderError}
            onChosen={(chosen) => {
              setChosenFolder(chosen);
              setServerError(null);
            }}
            onError={setServerError}
          />
          {formError !== null && (
            <div className="form-alert" role="alert">
              {formError}
            </div>
          )}
        </DialogBody>
        <DialogFooter>
          <Button variant="ghost" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" pending={pending} disabled={nameError !== null || !folderSettled}>
            Create workspace
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

/** The core's default folder for `name` (debounced), with the name it was computed for. */
function useSuggestedFolder(mode: ModeId, name: string | null): { readonly name: string; readonly folder: string } | null {
  const suggestFolder = useWorkspaces((s) => s.suggestFolder);
  const [suggestion, setSuggestion] = useState<{ readonly name: string; readonly folder: string } | null>(null);

  useEffect(() => {
    if (name === null) return undefined;
    let live = true;
    const timer = window.setTimeout(() => {
      void suggestFolder(mode, name).then((result) => {
        if (live && result.ok) setSuggestion({ name, folder: result.value });
      });
    }, SUGGEST_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [mode, name, suggestFolder]);

  // Keep showing the last suggestion while the next one is on its way: less flicker. The
  // caller compares `name` to know whether it is current.
  return suggestion;
}

function ChooseFolderField({
  folder,
  chosen,
  error,
  onChosen,
  onError,
}: {
  folder: string;
  chosen: boolean;
  error: string | null;
  onChosen: (folder: string | null) => void;
  onError: (error: AppError) => void;
}) {
  const chooseFolder = useWorkspaces((s) => s.chooseFolder);
  const [choosing, setChoosing] = useState(false);

  const choose = async (): Promise<void> => {
    setChoosing(true);
    const result = await chooseFolder('create', folder === '' ? undefined : folder);
    setChoosing(false);
    if (result.ok) onChosen(result.value);
    else if (result.error.code !== 'cancelled') onError(result.error);
  };

  return (
    <TextField
      label="Folder"
      name="folder"
      value={folder}
      readOnly
      placeholder="Type a name to see where it will be saved"
      className="field-mono"
      error={error}
      hint={
        chosen ? (
          <>
            Chosen by you.{' '}
            <button type="button" className="link-button" onClick={() => onChosen(null)}>
              Use the default folder
            </button>
          </>
        ) : (
          'Created if it does not exist. You can move or re-attach it later.'
        )
      }
      trailing={
        <Button onClick={() => void choose()} pending={choosing}>
          Choose…
        </Button>
      }
    />
  );
}
