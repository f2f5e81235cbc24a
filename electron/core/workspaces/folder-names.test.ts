import { describe, expect, it } from 'vitest';
import { firstFreeName, folderNameFor } from './folder-names';

describe('folderNameFor', () => {
  it.each([
    ['Dungeon Tiles', 'Dungeon Tiles'],
    ['  spaced   out  ', 'spaced out'],
    ['a:b*c?', 'a-b-c-'],
    ['trailing dots...', 'trailing dots'],
    ['CON', 'CON_'],
    ['nul.txt', 'nul.txt_'],
    ['com¹', 'com¹_'],
    ['console', 'console'],
    ['..', 'workspace'],
    ['', 'workspace'],
  ])('%j → %j', (name, folder) => {
    expect(folderNameFor(name)).toBe(folder);
  });
});

describe('firstFreeName', () => {
  it('counts up from (2) until a name is free', () => {
    const taken = new Set(['Icons', 'Icons (2)']);
    expect(firstFreeName('Icons', (n) => !taken.has(n))).toBe('Icons (3)');
    expect(firstFreeName('New', () => true)).toBe('New');
  });
});
