/**
 * Settings in a JSON file, written atomically. Used by tests and the end-to-end harness
 * (electron-store cannot load outside Electron), with the same semantics as main's store.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { writeFileAtomicSync } from '../fs/atomic-write';
import type { Logger } from '../ports';
import { mergeSettings, parseSettingsLeniently, type SettingsStore } from './settings-store';

export class JsonFileSettingsStore implements SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    private readonly file: string,
    private readonly log?: Logger,
  ) {
    this.current = this.load();
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    const next = mergeSettings(this.current, patch);
    writeFileAtomicSync(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  onDidChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): Settings {
    if (!existsSync(this.file)) return parseSettingsLeniently({});
    try {
      return parseSettingsLeniently(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch (error) {
      // Unparseable JSON: keep the broken file for the user instead of overwriting it later.
      const backup = `${this.file}.corrupt-${Date.now()}`;
      renameSync(this.file, backup);
      this.log?.warn('settings file was not valid JSON; started from defaults', { backup, error: String(error) });
      return parseSettingsLeniently({});
    }
  }
}
