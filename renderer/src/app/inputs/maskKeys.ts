/**
 * The mask canvas's keys (keyboard painting; WCAG 2.1.1 "all functionality from a keyboard"):
 * arrows move the brush cursor (Shift: 10 px), Space/Enter stamps and, held while the arrows
 * move, draws a stroke; E or X toggles paint/erase; [ and ] step the brush size; Delete or
 * Backspace clears (undoable). Ctrl/⌘+Z is handled by the whole brush (the buttons too).
 * Pure, so the mapping is tested without a DOM; the canvas only acts on these keys, so every
 * other key (Ctrl+1..5, `/`, Ctrl+Enter…) still reaches the studio's shortcuts.
 */
import { CURSOR_BIG_STEP } from './maskModel';

export interface MaskKeys {
  readonly key: string;
  /** Physical key: keeps [ and ] working on layouts where they need AltGr or sit elsewhere. */
  readonly code: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export type MaskKeyCommand =
  | { readonly kind: 'move'; readonly dx: number; readonly dy: number }
  | { readonly kind: 'paint' }
  | { readonly kind: 'toggle-erase' }
  | { readonly kind: 'size'; readonly direction: 1 | -1 }
  | { readonly kind: 'clear' };

/** The description the canvas and its visible hint share. */
export const MASK_KEYS_HINT =
  'Keys: arrows move the brush (Shift: 10 px), Space or Enter paints (hold it and move to draw a line), E erase/paint, [ ] brush size, Delete clears, Ctrl/⌘+Z undoes a stroke.';

/** For `aria-keyshortcuts` on the canvas. */
export const MASK_ARIA_KEYSHORTCUTS = 'ArrowUp ArrowDown ArrowLeft ArrowRight Shift+ArrowUp Shift+ArrowDown Shift+ArrowLeft Shift+ArrowRight Space Enter E X [ ] Delete Backspace Control+Z Meta+Z';

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Space or Enter: the keys that paint while held (their keyup ends the stroke). */
export function isPaintKey(key: string): boolean {
  return key === ' ' || key === 'Spacebar' || key === 'Enter';
}

/** What a key press on the focused canvas asks for; null = not ours (let it through). */
export function maskKeyCommand(keys: MaskKeys): MaskKeyCommand | null {
  // Modified keys belong to the studio (Ctrl+Enter generates, Ctrl+1..5 switches mode…).
  if (keys.ctrlKey || keys.metaKey || keys.altKey) return null;
  const arrow = ARROWS[keys.key];
  if (arrow !== undefined) {
    const step = keys.shiftKey ? CURSOR_BIG_STEP : 1;
    return { kind: 'move', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  // Shift may already be held for big steps when the paint key goes down.
  if (isPaintKey(keys.key)) return { kind: 'paint' };
  if (keys.shiftKey) return null;
  const key = keys.key.toLowerCase();
  // By character, or by physical key where the layout has no Latin E/X (Cyrillic, Greek…).
  if (key === 'e' || key === 'x' || keys.code === 'KeyE' || keys.code === 'KeyX') return { kind: 'toggle-erase' };
  if (keys.key === '[' || keys.code === 'BracketLeft') return { kind: 'size', direction: -1 };
  if (keys.key === ']' || keys.code === 'BracketRight') return { kind: 'size', direction: 1 };
  if (keys.key === 'Delete' || keys.key === 'Backspace') return { kind: 'clear' };
  return null;
}
