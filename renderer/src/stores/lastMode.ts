/**
 * The studio the user had open last, so `/` reopens it. Kept in the renderer's own storage:
 * the settings contract has no field for it, and it is only a navigation nicety (losing it
 * means opening Pixel).
 */
import { isModeId, type ModeId } from '../../../shared/modes';

export const LAST_MODE_KEY = 'wokgen:lastMode';
export const DEFAULT_MODE: ModeId = 'pixel';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Storage can be absent or throw (disabled, quota); neither may break navigation. */
function storage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readLastMode(store: KeyValueStorage | null = storage()): ModeId {
  try {
    const value = store?.getItem(LAST_MODE_KEY);
    return isModeId(value) ? value : DEFAULT_MODE;
  } catch {
    return DEFAULT_MODE;
  }
}

export function writeLastMode(mode: ModeId, store: KeyValueStorage | null = storage()): void {
  try {
    store?.setItem(LAST_MODE_KEY, mode);
  } catch {
    // Not worth bothering the user about.
  }
}
