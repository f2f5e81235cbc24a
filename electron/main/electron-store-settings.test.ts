/**
 * The app's electron-store-backed settings, with Electron's `app` stood in (electron-store
 * reads the user-data folder from it). Same behaviour as the JSON store the tests use.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const userData = mkdtempSync(join(tmpdir(), 'wokgen-estore-'));
vi.mock('electron', () => {
  const electron = { app: { getPath: () => userData, getVersion: () => '0.1.0' }, ipcMain: { on: () => undefined }, shell: {} };
  return { default: electron, ...electron };
});

const { ElectronStoreSettings } = await import('./electron-store-settings');
const { DEFAULT_SETTINGS } = await import('../../shared/settings');

afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe('ElectronStoreSettings', () => {
  it('starts from defaults, writes settings.json in the user-data folder, and reads it back', () => {
    const store = new ElectronStoreSettings();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const seen: string[] = [];
    store.onDidChange((s) => seen.push(s.theme));
    const id = crypto.randomUUID();
    store.update({ theme: 'light', lastWorkspace: { pixel: id } });
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'light', lastWorkspace: { pixel: id } });
    expect(new ElectronStoreSettings().get()).toMatchObject({ theme: 'light', lastWorkspace: { pixel: id } });
    expect(seen).toEqual(['light']);
  });

  it('sets aside a file that is not JSON instead of failing start-up or wiping it', () => {
    writeFileSync(join(userData, 'settings.json'), '{ broken');
    expect(new ElectronStoreSettings().get()).toEqual(DEFAULT_SETTINGS);
    expect(readdirSync(userData).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('reads a hand-edited file leniently, field by field', () => {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ theme: 'neon', reduceMotion: true }));
    expect(new ElectronStoreSettings().get()).toEqual({ ...DEFAULT_SETTINGS, reduceMotion: true });
  });
});
