/**
 * Settings in a JSON file, written atomically. Used by tests and the end-to-end harness
 * (electron-store cannot load outside Electron), with the same semantics as main's store.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { Settings } from '../../../shared/settings';
import { writeFileAtomicSync } from '../fs/atomic-write';
import type { Logger } from '../ports';
import { parseSettingsLeniently, PersistedSettingsStore } from './settings-store';

export class JsonFileSettingsStore extends PersistedSettingsStore {
  constructor(
    private readonly file: string,
    log?: Logger,
  ) {
    super(loadSettingsFile(file, log));
  }

  protected persist(settings: Settings): void {
    writeFileAtomicSync(this.file, `${JSON.stringify(settings, null, 2)}\n`);
  }
}

function loadSettingsFile(file: string, log?: Logger): Settings {
  if (!existsSync(file)) return parseSettingsLeniently({});
  try {
    return parseSettingsLeniently(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    // Unparseable JSON: keep the broken file for the user instead of overwriting it later.
    const backup = `${file}.corrupt-${Date.now()}`;
    renameSync(file, backup);
    log?.warn('settings file was not valid JSON; started from defaults', { backup, error: String(error) });
    return parseSettingsLeniently({});
  }
}
