import { describe, expect, it } from 'vitest';
import { GALLERY_SHORTCUTS, galleryCommand, nextStarred, targetsOf, type KeyInput } from './galleryShortcuts';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('gallery shortcuts', () => {
  it('maps the documented keys to commands', () => {
    expect(galleryCommand(key('s'))).toBe('toggle-star');
    expect(galleryCommand(key('S'))).toBe('toggle-star');
    expect(galleryCommand(key('Delete'))).toBe('delete');
    expect(galleryCommand(key('Backspace'))).toBe('delete');
    expect(galleryCommand(key('r'))).toBe('rerun');
    expect(galleryCommand(key('R', { shiftKey: true }))).toBe('remix');
    expect(galleryCommand(key('c'))).toBe('copy-prompt');
    expect(galleryCommand(key('a', { ctrlKey: true }))).toBe('select-all');
    expect(galleryCommand(key('a', { metaKey: true }))).toBe('select-all');
    expect(galleryCommand(key(' '))).toBe('toggle-select');
    expect(galleryCommand(key('Escape'))).toBe('clear-selection');
  });

  it('leaves other keys and modified keys to the browser and the grid', () => {
    expect(galleryCommand(key('ArrowRight'))).toBeNull();
    expect(galleryCommand(key('Enter'))).toBeNull();
    expect(galleryCommand(key('s', { ctrlKey: true }))).toBeNull();
    expect(galleryCommand(key('c', { ctrlKey: true }))).toBeNull();
    expect(galleryCommand(key('r', { altKey: true }))).toBeNull();
  });

  it('documents every command once', () => {
    const commands = GALLERY_SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('acts on the selection when the focused card is in it, else on the focused card', () => {
    expect(targetsOf(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(targetsOf(['a', 'b'], 'c')).toEqual(['c']);
    expect(targetsOf([], 'c')).toEqual(['c']);
    expect(targetsOf(['a'], null)).toEqual(['a']);
  });

  it('stars a mixed set, unstars an all-starred one', () => {
    expect(nextStarred([{ starred: true }, { starred: false }])).toBe(true);
    expect(nextStarred([{ starred: true }, { starred: true }])).toBe(false);
  });
});
