import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { JsonFileSettingsStore } from './json-file-settings-store';
import { parseSettingsLeniently } from './settings-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wokgen-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings', () => {
  it('starts from defaults and persists updates across instances', () => {
    const file = join(dir, 'settings.json');
    const first = new JsonFileSettingsStore(file);
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    first.update({ theme: 'light', workspacesRoot: '/data/WokGen' });
    expect(new JsonFileSettingsStore(file).get()).toMatchObject({ theme: 'light', workspacesRoot: '/data/WokGen' });
  });

  it('keeps the valid fields of a partly wrong file', () => {
    expect(parseSettingsLeniently({ theme: 'neon', reduceMotion: true, lastWorkspace: 7 })).toEqual({ ...DEFAULT_SETTINGS, reduceMotion: true });
    expect(parseSettingsLeniently('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('sets aside an unparseable file instead of overwriting it', () => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{ broken');
    expect(new JsonFileSettingsStore(file).get()).toEqual(DEFAULT_SETTINGS);
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('notifies listeners after an update', () => {
    const store = new JsonFileSettingsStore(join(dir, 's.json'));
    const seen: string[] = [];
    const off = store.onDidChange((s) => seen.push(s.theme));
    store.update({ theme: 'light' });
    off();
    store.update({ theme: 'dark' });
    expect(seen).toEqual(['light']);
  });
});
