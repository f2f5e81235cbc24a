/**
 * Where API keys are kept, as the renderer may learn it (Settings → Providers). Never a key,
 * never a path to one: only which backend holds them and whether it is safe to use.
 */
import { z } from 'zod';

export const SECRET_STORAGE_KINDS = [
  /** The OS keychain through keytar (macOS Keychain, Windows Credential Vault, Secret Service). */
  'keychain',
  /** A file in the data folder encrypted with Electron's safeStorage (OS-held key). */
  'encrypted-file',
  /** safeStorage's `basic_text` backend: a hard-coded password, i.e. readable by anyone with the file. */
  'plain-text-file',
  /** Nowhere usable: no keychain, and safeStorage is unavailable or its plain-text backend is not accepted. */
  'unavailable',
  /** Process memory (tests and the end-to-end harness). */
  'memory',
] as const;
export type SecretStorageKind = (typeof SECRET_STORAGE_KINDS)[number];

export const SecretStorageStatusSchema = z.object({
  kind: z.enum(SECRET_STORAGE_KINDS),
  /** Shown as is, e.g. "OS keychain" or "Encrypted file (safeStorage: kwallet5)". */
  label: z.string(),
  /** Keys can be saved and read now. */
  usable: z.boolean(),
  /**
   * Only safeStorage's plain-text backend is on offer: keys can be kept once the user accepts
   * setting `allowPlainTextSecrets` (or installs a keyring and restarts).
   */
  plainTextOffered: z.boolean(),
});
export type SecretStorageStatus = z.infer<typeof SecretStorageStatusSchema>;
