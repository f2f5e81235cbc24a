/**
 * The gallery's keyboard shortcuts, as data: which key on a focused card does what. Pure
 * (no DOM), so the table is tested and the README's shortcut list can name the same keys.
 * Arrow keys, Page Up/Down, Home/End and Enter are the grid's own (galleryModel.gridMove).
 */
export type GalleryCommand =
  | 'toggle-star'
  | 'delete'
  | 'rerun'
  | 'remix'
  | 'copy-prompt'
  | 'reveal'
  | 'select-all'
  | 'toggle-select'
  | 'clear-selection';

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** The documented table (README "Gallery shortcuts"): keys → command. */
export const GALLERY_SHORTCUTS: ReadonlyArray<{ readonly keys: string; readonly command: GalleryCommand; readonly description: string }> = [
  { keys: 'S', command: 'toggle-star', description: 'Star / unstar the selection (or the focused asset)' },
  { keys: 'Delete', command: 'delete', description: 'Delete the selection (or the focused asset), with Undo' },
  { keys: 'R', command: 'rerun', description: 'Re-run the focused asset’s request with the same seed' },
  { keys: 'Shift+R', command: 'remix', description: 'Remix: the same request with a new seed' },
  { keys: 'C', command: 'copy-prompt', description: 'Copy the focused asset’s prompt' },
  { keys: 'Ctrl/⌘+A', command: 'select-all', description: 'Select every loaded asset' },
  { keys: 'Space', command: 'toggle-select', description: 'Add / remove the focused asset from the selection' },
  { keys: 'Esc', command: 'clear-selection', description: 'Clear the selection' },
];

/** The command a key press on a gallery card means, or null (the key is left alone). */
export function galleryCommand(e: KeyInput): GalleryCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  if (mod) return !e.shiftKey && e.key.toLowerCase() === 'a' ? 'select-all' : null;
  switch (e.key) {
    case 's':
    case 'S':
      return e.shiftKey ? null : 'toggle-star';
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case 'r':
    case 'R':
      return e.shiftKey ? 'remix' : 'rerun';
    case 'c':
    case 'C':
      return e.shiftKey ? null : 'copy-prompt';
    case ' ':
      return 'toggle-select';
    case 'Escape':
      return 'clear-selection';
    default:
      return null;
  }
}

/**
 * The assets a command acts on: the selection when the focused card is part of it (or when
 * nothing is focused), otherwise the focused card alone — as in file managers.
 */
export function targetsOf(selected: ReadonlyArray<string>, focused: string | null): ReadonlyArray<string> {
  if (focused === null) return selected;
  return selected.includes(focused) ? selected : [focused];
}

/** Star when any target is unstarred, unstar when all are starred (one key toggles a mixed set predictably). */
export function nextStarred(targets: ReadonlyArray<{ readonly starred: boolean }>): boolean {
  return targets.some((a) => !a.starred);
}
