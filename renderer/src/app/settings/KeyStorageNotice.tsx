/**
 * Where API keys are kept, and — where the only option is safeStorage's plain-text backend —
 * the explicit consent to use it (issue 5 §4), behind a confirmation that says what it means.
 * Withdrawing it deletes the stored keys and the account sign-in (security review item 3), so
 * that too is confirmed first.
 */
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { useSettings } from '../../stores';
import type { SecretStorageStatus } from './providerTypes';

export function KeyStorageNotice({ storage }: { storage: SecretStorageStatus }) {
  const update = useSettings((s) => s.update);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  const setConsent = async (allow: boolean) => {
    setPending(true);
    await update({ allowPlainTextSecrets: allow });
    setPending(false);
    setConfirming(false);
  };

  if (storage.kind === 'plain-text-file' && !storage.usable) {
    return (
      <div className="key-storage key-storage-warning" role="note">
        <Icon name="warning" />
        <div>
          <p>
            <strong>No keyring found, so API keys cannot be stored securely.</strong> Install and unlock GNOME Keyring or KWallet and restart WokGen Studio — or keep keys in a
            plain-text file in the data folder.
          </p>
          <Button size="sm" onClick={() => setConfirming(true)}>
            Store keys in plain text…
          </Button>
        </div>
        {confirming && (
          <Dialog title="Store API keys in plain text?" size="sm" onClose={() => setConfirming(false)} dismissible={!pending}>
            <DialogBody>
              <p className="dialog-text">
                Without a keyring, Electron can only scramble keys with a fixed, publicly known password. Anyone or any program that can read your data folder can read
                your API keys and spend your credits.
              </p>
              <p className="dialog-text">Only do this on a computer you alone use. You can turn it off here at any time.</p>
            </DialogBody>
            <DialogFooter>
              <Button variant="ghost" onClick={() => setConfirming(false)} disabled={pending} data-autofocus="">
                Cancel
              </Button>
              <Button variant="danger" pending={pending} onClick={() => void setConsent(true)}>
                Store keys in plain text
              </Button>
            </DialogFooter>
          </Dialog>
        )}
      </div>
    );
  }
  if (storage.kind === 'plain-text-file') {
    return (
      <div className="key-storage key-storage-warning" role="note">
        <Icon name="warning" />
        <div>
          <p>
            Keys are kept in a <strong>plain-text file</strong> (no keyring was found). Install a keyring and restart to protect them.
          </p>
          <Button size="sm" variant="ghost" pending={pending} onClick={() => setConfirming(true)}>
            Stop storing keys in plain text…
          </Button>
        </div>
        {confirming && (
          <Dialog title="Stop storing keys in plain text?" size="sm" onClose={() => setConfirming(false)} dismissible={!pending}>
            <DialogBody>
              <p className="dialog-text">
                Every API key and your WokGen account sign-in will be <strong>deleted</strong> from the plain-text file, and you will be signed out of the account. This
                cannot be undone: you will need to enter the keys again once a keyring is available.
              </p>
            </DialogBody>
            <DialogFooter>
              <Button variant="ghost" onClick={() => setConfirming(false)} disabled={pending} data-autofocus="">
                Cancel
              </Button>
              <Button variant="danger" pending={pending} onClick={() => void setConsent(false)}>
                Delete keys and stop
              </Button>
            </DialogFooter>
          </Dialog>
        )}
      </div>
    );
  }
  if (storage.kind === 'unavailable') {
    return (
      <div className="key-storage key-storage-danger" role="alert">
        <Icon name="warning" />
        <p>
          <strong>API keys cannot be saved on this system:</strong> no OS keychain and no Electron safeStorage. Install and unlock a keyring (GNOME Keyring, KWallet), then
          restart. Local providers (ComfyUI, Ollama, LM Studio) work without keys.
        </p>
      </div>
    );
  }
  return (
    <p className="key-storage" data-storage={storage.kind}>
      <Icon name="info" size={14} />
      <span>
        Keys are kept in: <strong>{storage.label}</strong>. They never leave the app’s main process; this page only ever sees their last four characters.
      </span>
    </p>
  );
}
