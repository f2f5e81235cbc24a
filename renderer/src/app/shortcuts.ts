/**
 * Global keyboard shortcuts: Ctrl/Cmd + 1..5 opens a mode's studio (digits from the mode
 * contract), Ctrl/Cmd + , opens Settings, Ctrl/Cmd + Z runs the newest toast's Undo, Ctrl/Cmd + F
 * or / focuses the gallery search. The key mapping is pure, so it is tested without a DOM.
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

/** Shortcuts that act on the page rather than navigate: Undo (the newest toast's) and gallery search. */
export type EditingShortcut = 'undo' | 'search';

/**
 * Ctrl/⌘+Z → the newest toast's Undo; Ctrl/⌘+F or `/` → the gallery search. While the user
 * types in a field (`typing`), Ctrl/⌘+Z and `/` belong to the field. Components with their own
 * undo (the mask brush) call preventDefault, which the listener respects.
 */
export function editingShortcut(keys: ShortcutKeys, typing: boolean): EditingShortcut | null {
  const mod = keys.ctrlKey || keys.metaKey;
  if (keys.altKey) return null;
  const key = keys.key.toLowerCase();
  if (mod && !keys.shiftKey && (key === 'z' || keys.code === 'KeyZ')) return typing ? null : 'undo';
  if (mod && !keys.shiftKey && (key === 'f' || keys.code === 'KeyF')) return 'search';
  if (!mod && keys.key === '/' && !typing) return 'search';
  return null;
}

/** Whether keys typed now go into a text field (input, textarea, select, contenteditable). */
export function isTypingTarget(element: Element | null): boolean {
  if (element === null) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
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
