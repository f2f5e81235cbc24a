import { describe, expect, it } from 'vitest';
import { isPaintKey, maskKeyCommand, type MaskKeys } from './maskKeys';

const press = (key: string, extra: Partial<MaskKeys> = {}): MaskKeys => ({ key, code: '', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra });

describe('mask canvas keys', () => {
  it('moves the cursor 1 px with the arrows, 10 px with Shift', () => {
    expect(maskKeyCommand(press('ArrowLeft'))).toEqual({ kind: 'move', dx: -1, dy: 0 });
    expect(maskKeyCommand(press('ArrowDown'))).toEqual({ kind: 'move', dx: 0, dy: 1 });
    expect(maskKeyCommand(press('ArrowUp', { shiftKey: true }))).toEqual({ kind: 'move', dx: 0, dy: -10 });
    expect(maskKeyCommand(press('ArrowRight', { shiftKey: true }))).toEqual({ kind: 'move', dx: 10, dy: 0 });
  });

  it('paints with Space or Enter (Shift may be held), toggles erase with E or X, sizes with [ ], clears with Delete/Backspace', () => {
    expect(maskKeyCommand(press(' '))).toEqual({ kind: 'paint' });
    expect(maskKeyCommand(press('Enter'))).toEqual({ kind: 'paint' });
    expect(maskKeyCommand(press(' ', { shiftKey: true }))).toEqual({ kind: 'paint' });
    expect(maskKeyCommand(press('e'))).toEqual({ kind: 'toggle-erase' });
    expect(maskKeyCommand(press('X'))).toEqual({ kind: 'toggle-erase' });
    // A Cyrillic layout: the E key types "у", the X key "ч"; the physical keys count.
    expect(maskKeyCommand(press('у', { code: 'KeyE' }))).toEqual({ kind: 'toggle-erase' });
    expect(maskKeyCommand(press('ч', { code: 'KeyX' }))).toEqual({ kind: 'toggle-erase' });
    expect(maskKeyCommand(press('['))).toEqual({ kind: 'size', direction: -1 });
    expect(maskKeyCommand(press(']'))).toEqual({ kind: 'size', direction: 1 });
    // A layout where the bracket keys type something else: the physical key counts.
    expect(maskKeyCommand(press('ü', { code: 'BracketLeft' }))).toEqual({ kind: 'size', direction: -1 });
    expect(maskKeyCommand(press('Delete'))).toEqual({ kind: 'clear' });
    expect(maskKeyCommand(press('Backspace'))).toEqual({ kind: 'clear' });
    expect(isPaintKey(' ')).toBe(true);
    expect(isPaintKey('Enter')).toBe(true);
    expect(isPaintKey('e')).toBe(false);
  });

  it('leaves every other key to the studio (Ctrl+Enter generates, Ctrl+1..5, /, Tab, Escape)', () => {
    expect(maskKeyCommand(press('Enter', { ctrlKey: true }))).toBeNull();
    expect(maskKeyCommand(press('Enter', { metaKey: true }))).toBeNull();
    expect(maskKeyCommand(press('1', { ctrlKey: true }))).toBeNull();
    expect(maskKeyCommand(press('z', { ctrlKey: true }))).toBeNull();
    expect(maskKeyCommand(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(maskKeyCommand(press('/'))).toBeNull();
    expect(maskKeyCommand(press('s'))).toBeNull();
    expect(maskKeyCommand(press('Tab'))).toBeNull();
    expect(maskKeyCommand(press('Escape'))).toBeNull();
    expect(maskKeyCommand(press('E', { shiftKey: true }))).toBeNull();
  });
});
