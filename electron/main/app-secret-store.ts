/**
 * Picks where the app keeps API keys (issue 5 §4), once at start-up after `ready` (safeStorage
 * reports its Linux backend only then): the OS keychain through keytar, else a safeStorage-
 * encrypted file in the user-data folder; safeStorage's plain-text backend only with the
 * user's consent (setting `allowPlainTextSecrets`). The policy lives in the core.
 */
import { join } from 'node:path';
import type { Logger } from '../core/ports';
import { chooseSecretStore } from '../core/secrets/choose-secret-store';
import { SECRETS_FILE } from '../core/secrets/encrypted-file-secret-store';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import type { SecretStore } from '../core/secrets/secret-store';
import type { SettingsStore } from '../core/settings/settings-store';
import { createSafeStorageEncryptor } from './safe-storage-encryptor';

export function chooseAppSecretStore(
  userDataDir: string,
  settings: SettingsStore,
  log: Logger,
  /** Tests stand in a keychain without a Secret Service (keytar is loaded with `require`, which vi.mock does not reach). */
  keychain: SecretStore & { isAvailable(): Promise<boolean> } = new KeytarSecretStore(),
): Promise<SecretStore> {
  return chooseSecretStore({
    keychain,
    encryptor: createSafeStorageEncryptor(),
    file: join(userDataDir, SECRETS_FILE),
    allowPlainText: () => settings.get().allowPlainTextSecrets,
    log,
  });
}
