/**
 * The app's SettingsStore: electron-store (atomic JSON in the user-data folder) behind the
 * core's interface. Values are re-validated with zod on read, so a hand-edited or older
 * file degrades to defaults field by field instead of breaking start-up.
 */
import Store from 'electron-store';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { mergeSettings, parseSettingsLeniently, type SettingsStore } from '../core/settings/settings-store';

export class ElectronStoreSettings implements SettingsStore {
  private readonly store = new Store<Record<string, unknown>>({
    name: 'settings',
    // A broken file is kept and read leniently rather than silently wiped.
    clearInvalidConfig: false,
  });
  private current: Settings = parseSettingsLeniently(this.store.store);
  private readonly listeners = new Set<(settings: Settings) => void>();

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    const next = mergeSettings(this.current, patch);
    this.store.store = structuredClone(next) as Record<string, unknown>;
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  onDidChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
