/**
 * Non-secret preferences behind one small interface. Main backs it with electron-store;
 * tests and the end-to-end harness use the JSON file implementation beside this file.
 */
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings';

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** Called after every successful update; returns the unsubscribe function. */
  onDidChange(listener: (settings: Settings) => void): () => void;
}

/**
 * Reads whatever is on disk leniently: every field that parses is kept, every field that
 * does not falls back to its default. A corrupt preference never blocks start-up.
 */
export function parseSettingsLeniently(raw: unknown): Settings {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    const field = SettingsSchema.shape[key].safeParse(source[key]);
    if (field.success) settings[key] = field.data;
  }
  return SettingsSchema.parse(settings);
}

/** Applies a validated patch: each field given replaces the stored one (maps included). */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  return SettingsSchema.parse({ ...current, ...patch });
}

/**
 * The behaviour every SettingsStore shares — validate, merge, persist, then notify — so the
 * electron-store and JSON-file stores differ only in where the bytes go.
 */
export abstract class PersistedSettingsStore implements SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  protected constructor(initial: Settings) {
    this.current = initial;
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    const next = mergeSettings(this.current, patch);
    // Persist first: if the write fails, memory and disk still agree and nobody is notified.
    this.persist(next);
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  onDidChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected abstract persist(settings: Settings): void;
}
