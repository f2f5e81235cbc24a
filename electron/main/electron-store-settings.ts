/**
 * The app's SettingsStore: electron-store (atomic JSON in the user-data folder) behind the
 * core's interface. Values are re-validated with zod on read, so a hand-edited or older
 * file degrades to defaults field by field instead of breaking start-up.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../core/ports';
import { parseSettingsLeniently, PersistedSettingsStore } from '../core/settings/settings-store';

const STORE_NAME = 'settings';

/**
 * Opens the store; a file that is not valid JSON is set aside (kept for the user, never
 * wiped) and the store starts again from defaults. electron-store's own
 * `clearInvalidConfig: true` would delete it.
 */
function openStore(log?: Logger): Store<Record<string, unknown>> {
  const open = () => new Store<Record<string, unknown>>({ name: STORE_NAME, clearInvalidConfig: false });
  try {
    return open();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const file = join(app.getPath('userData'), `${STORE_NAME}.json`);
    const backup = `${file}.corrupt-${Date.now()}`;
    if (existsSync(file)) renameSync(file, backup);
    log?.warn('settings file was not valid JSON; started from defaults', { backup });
    return open();
  }
}

export class ElectronStoreSettings extends PersistedSettingsStore {
  constructor(
    log?: Logger,
    private readonly store: Store<Record<string, unknown>> = openStore(log),
  ) {
    // Values are re-validated field by field: a hand-edited or older file degrades to defaults.
    super(parseSettingsLeniently(store.store));
  }

  protected persist(settings: Settings): void {
    this.store.store = structuredClone(settings) as Record<string, unknown>;
  }
}
