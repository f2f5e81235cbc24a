import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, SecretsFileUnreadableError } from './encrypted-file-secret-store';
import { fakeEncryptor, tempSecretsFile } from './testing';

const KEY = 'tgp_v1_S3cr3tValue-abcdef123456';

describe('EncryptedFileSecretStore', () => {
  it('never writes the plain value and keeps the file owner-only (0600)', async () => {
    const file = tempSecretsFile();
    const store = new EncryptedFileSecretStore(file, fakeEncryptor());
    await store.set('together', KEY);
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain(KEY);
    expect(raw).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(JSON.parse(raw)).toMatchObject({ format: 'wokgen-secrets', version: 1 });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await new EncryptedFileSecretStore(file, fakeEncryptor()).get('together')).toBe(KEY);
  });

  it('keeps every key when saves race (operations are serialised)', async () => {
    const store = new EncryptedFileSecretStore(tempSecretsFile(), fakeEncryptor());
    const accounts = ['together', 'fal', 'replicate', 'huggingface', 'pollinations'];
    await Promise.all(accounts.map((account, i) => store.set(account, `${KEY}-${i}`)));
    expect(await store.accounts()).toEqual([...accounts].sort());
    for (const [i, account] of accounts.entries()) expect(await store.get(account)).toBe(`${KEY}-${i}`);
  });

  it('treats a value it can no longer decrypt (OS key changed) as absent, and lets it be replaced', async () => {
    const file = tempSecretsFile();
    await new EncryptedFileSecretStore(file, fakeEncryptor({ key: 1 })).set('together', KEY);
    const warnings: string[] = [];
    const log = { info() {}, error() {}, warn: (m: string, d?: Record<string, unknown>) => warnings.push(`${m} ${JSON.stringify(d)}`) };
    const other = new EncryptedFileSecretStore(file, fakeEncryptor({ key: 2 }), log);
    expect(await other.get('together')).toBeNull();
    expect(warnings.join('\n')).not.toContain(KEY);
    await other.set('together', 'replacement-key-0000');
    expect(await other.get('together')).toBe('replacement-key-0000');
  });

  it('sets an unreadable file aside instead of overwriting it, and starts empty', async () => {
    const file = tempSecretsFile();
    writeFileSync(file, `{ "format": "wokgen-secrets", "secrets": { "together": ${JSON.stringify(KEY)}`);
    const warnings: string[] = [];
    const store = new EncryptedFileSecretStore(file, fakeEncryptor(), { info() {}, error() {}, warn: (m, d) => warnings.push(`${m} ${JSON.stringify(d)}`) });
    expect(await store.accounts()).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dirname(file)).some((name) => name.startsWith('secrets.enc.json.corrupt-'))).toBe(true);
    expect(warnings.join('\n')).not.toContain(KEY);
    await store.set('fal', 'fal-key-1234567890');
    expect(await store.get('fal')).toBe('fal-key-1234567890');
  });

  it('an I/O error (here EISDIR) is a clear error, and the file is neither moved nor replaced', async () => {
    const file = tempSecretsFile();
    mkdirSync(file);
    const store = new EncryptedFileSecretStore(file, fakeEncryptor());
    await expect(store.get('together')).rejects.toThrow(SecretsFileUnreadableError);
    await expect(store.set('fal', 'fal-key-1234567890')).rejects.toThrow(/could not be read \(EISDIR\)/);
    expect(statSync(file).isDirectory()).toBe(true);
    expect(readdirSync(dirname(file)).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('names the safeStorage backend it uses', () => {
    expect(new EncryptedFileSecretStore(tempSecretsFile(), fakeEncryptor({ backend: 'kwallet5' })).backend).toBe('Encrypted file (safeStorage: kwallet5)');
  });
});
