import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, editingShortcut, isMacPlatform, shortcutLabel, shortcutTarget, type ShortcutKeys } from './shortcuts';

const press = (over: Partial<ShortcutKeys>): ShortcutKeys => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...over,
});

describe('shortcutTarget', () => {
  it('maps Ctrl or Cmd + 1..5 to the studios in contract order', () => {
    expect(shortcutTarget(press({ key: '1', code: 'Digit1', ctrlKey: true }))).toBe('/pixel/studio');
    expect(shortcutTarget(press({ key: '2', code: 'Digit2', metaKey: true }))).toBe('/business/studio');
    expect(shortcutTarget(press({ key: '3', code: 'Digit3', ctrlKey: true }))).toBe('/uiux/studio');
    expect(shortcutTarget(press({ key: '4', code: 'Digit4', ctrlKey: true }))).toBe('/vector/studio');
    expect(shortcutTarget(press({ key: '5', code: 'Digit5', ctrlKey: true }))).toBe('/emoji/studio');
  });

  it('uses the physical digit key where the layout puts symbols there (AZERTY)', () => {
    expect(shortcutTarget(press({ key: '&', code: 'Digit1', ctrlKey: true }))).toBe('/pixel/studio');
  });

  it('maps Ctrl or Cmd + comma to Settings', () => {
    expect(shortcutTarget(press({ key: ',', code: 'Comma', ctrlKey: true }))).toBe('/settings');
    expect(shortcutTarget(press({ key: ',', code: 'Comma', metaKey: true }))).toBe('/settings');
  });

  it('ignores everything else', () => {
    expect(shortcutTarget(press({ key: '1', code: 'Digit1' }))).toBeNull();
    expect(shortcutTarget(press({ key: '6', code: 'Digit6', ctrlKey: true }))).toBeNull();
    expect(shortcutTarget(press({ key: '1', code: 'Digit1', ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutTarget(press({ key: 'a', code: 'KeyA', ctrlKey: true }))).toBeNull();
    expect(shortcutTarget(press({ key: '<', code: 'Comma', ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});

describe('shortcut labels', () => {
  it('writes shortcuts the platform’s way', () => {
    expect(shortcutLabel('1', true)).toBe('⌘1');
    expect(shortcutLabel('1', false)).toBe('Ctrl+1');
    expect(ariaKeyShortcuts(',')).toBe('Control+, Meta+,');
    expect(isMacPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)')).toBe(true);
    expect(isMacPlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBe(false);
  });
});

describe('editingShortcut', () => {
  it('maps Ctrl/⌘+Z to undo unless the user is typing, Ctrl/⌘+F and / to search', () => {
    expect(editingShortcut(press({ key: 'z', code: 'KeyZ', ctrlKey: true }), false)).toBe('undo');
    expect(editingShortcut(press({ key: 'z', code: 'KeyZ', metaKey: true }), true)).toBeNull();
    expect(editingShortcut(press({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(editingShortcut(press({ key: 'f', code: 'KeyF', metaKey: true }), true)).toBe('search');
    expect(editingShortcut(press({ key: '/', code: 'Slash' }), false)).toBe('search');
    expect(editingShortcut(press({ key: '/', code: 'Slash' }), true)).toBeNull();
    expect(editingShortcut(press({ key: 'z', code: 'KeyZ' }), false)).toBeNull();
  });
});
