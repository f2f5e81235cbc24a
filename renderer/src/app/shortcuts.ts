/**
 * Global keyboard shortcuts: Ctrl/Cmd + 1..5 opens a mode's studio (digits from the mode
 * contract), Ctrl/Cmd + , opens Settings. Pure, so it is tested without a DOM.
 */
import { MODE_IDS, MODES } from '../../../shared/modes';

export interface ShortcutKeys {
  readonly key: string;
  /** Physical key; keeps digits working on layouts where 1..5 need Shift (AZERTY). */
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export const SETTINGS_PATH = '/settings';

/** The path a key press asks for, or null if it is not one of ours. */
export function shortcutTarget(keys: ShortcutKeys): string | null {
  if (!(keys.ctrlKey || keys.metaKey) || keys.altKey) return null;
  if (keys.key === ',' && !keys.shiftKey) return SETTINGS_PATH;
  const digit = /^Digit([1-9])$/.exec(keys.code)?.[1] ?? (/^[1-9]$/.test(keys.key) ? keys.key : null);
  if (digit === null) return null;
  const mode = MODE_IDS.find((id) => String(MODES[id].shortcutDigit) === digit);
  return mode === undefined ? null : MODES[mode].studioPath;
}

export function isMacPlatform(userAgent: string): boolean {
  return /Mac|iPhone|iPad/.test(userAgent);
}

/** How a shortcut is written for the user: "⌘1" on macOS, "Ctrl+1" elsewhere. */
export function shortcutLabel(key: string, mac: boolean): string {
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The value of `aria-keyshortcuts` for Ctrl/Cmd + key. */
export function ariaKeyShortcuts(key: string): string {
  return `Control+${key} Meta+${key}`;
}
