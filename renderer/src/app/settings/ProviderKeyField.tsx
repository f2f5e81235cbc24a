/**
 * A provider's API key: masked entry (paste, Enter saves), Replace, Test and Remove with a
 * confirmation. The typed key lives only in this input until it is sent; the core answers with
 * "configured" and the last four characters, never the key.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { KeyTestResult, ProviderStatus, SecretStorageStatus } from './providerTypes';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { useProviders } from '../../stores';
import type { KeyedProviderId } from '../../stores/providers';

const TEST_TONES = { valid: 'success', invalid: 'danger', unverified: 'warning' } as const;
const TEST_LABELS = { valid: 'Key works', invalid: 'Key refused', unverified: 'Not checked' } as const;

export function ProviderKeyField({ provider, storage }: { provider: ProviderStatus & { id: KeyedProviderId }; storage: SecretStorageStatus }) {
  const setKey = useProviders((s) => s.setKey);
  const testKey = useProviders((s) => s.testKey);
  const removeKey = useProviders((s) => s.removeKey);
  const test = useProviders((s) => s.tests[provider.id]);
  const configured = provider.key?.configured ?? false;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | 'remove' | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const showInput = !configured || editing;

  const close = () => {
    setEditing(false);
    setDraft('');
    setError(null);
  };

  const save = async () => {
    setBusy('save');
    const result = await setKey(provider.id, draft);
    setBusy(null);
    if (result.ok) close();
    else setError(result.error.message);
  };

  const runTest = async () => {
    setBusy('test');
    const candidate = showInput && draft.trim() !== '' ? draft : undefined;
    const result = await testKey(provider.id, candidate);
    setBusy(null);
    if (!result.ok) setError(result.error.message);
  };

  const remove = async () => {
    setBusy('remove');
    await removeKey(provider.id);
    setBusy(null);
    setConfirmRemove(false);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && draft.trim() !== '') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape' && editing) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="provider-key">
      {showInput ? (
        <div className="field provider-key-entry">
          <label className="field-label" htmlFor={inputId}>
            {configured ? `New ${provider.label} API key` : `${provider.label} API key`}
          </label>
          <div className="field-row">
            <input
              id={inputId}
              className="field-input mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={storage.usable ? 'Paste your key' : 'Keys cannot be saved here yet'}
              value={draft}
              disabled={!storage.usable || busy === 'save'}
              aria-invalid={error !== null || undefined}
              aria-describedby={error !== null ? errorId : undefined}
              onChange={(event) => {
                setDraft(event.target.value);
                setError(null);
              }}
              onKeyDown={onKeyDown}
              // Only when the user just asked to replace the key: that is where they want to type.
              autoFocus={editing}
            />
            <Button variant="primary" size="sm" pending={busy === 'save'} disabled={draft.trim() === '' || !storage.usable} onClick={() => void save()}>
              Save key
            </Button>
            <Button size="sm" pending={busy === 'test'} disabled={draft.trim() === ''} onClick={() => void runTest()}>
              Test
            </Button>
            {editing && (
              <Button variant="ghost" size="sm" onClick={close}>
                Cancel
              </Button>
            )}
          </div>
          {error !== null && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      ) : (
        <div className="provider-key-saved">
          <span className="provider-key-mask">
            Key saved <span className="mono">{provider.key?.last4 ? `••••${provider.key.last4}` : '••••'}</span>
          </span>
          <div className="toolbar">
            <Button size="sm" icon="check" pending={busy === 'test'} onClick={() => void runTest()}>
              Test key
            </Button>
            <Button size="sm" icon="pencil" onClick={() => setEditing(true)}>
              Replace
            </Button>
            <Button size="sm" variant="ghost" icon="trash" onClick={() => setConfirmRemove(true)}>
              Remove
            </Button>
          </div>
          {error !== null && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      {test !== undefined && <TestResult result={test} />}
      {confirmRemove && (
        <Dialog title={`Remove the ${provider.label} key?`} size="sm" onClose={() => setConfirmRemove(false)} dismissible={busy !== 'remove'}>
          <DialogBody>
            <p className="dialog-text">
              The key is deleted from {storage.label}. {provider.label} is not used again until you add a key. This cannot be undone — keep a copy if you will
              need it.
            </p>
          </DialogBody>
          <DialogFooter>
            <Button variant="ghost" onClick={() => setConfirmRemove(false)} disabled={busy === 'remove'} data-autofocus="">
              Keep key
            </Button>
            <Button variant="danger" icon="trash" pending={busy === 'remove'} onClick={() => void remove()}>
              Remove key
            </Button>
          </DialogFooter>
        </Dialog>
      )}
    </div>
  );
}

function TestResult({ result }: { result: KeyTestResult }) {
  return (
    <p className="provider-test" role="status">
      <Badge tone={TEST_TONES[result.outcome]}>{TEST_LABELS[result.outcome]}</Badge>
      <span>{result.message}</span>
    </p>
  );
}
