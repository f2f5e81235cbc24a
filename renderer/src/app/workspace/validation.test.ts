import { describe, expect, it } from 'vitest';
import { errorFieldOf, workspaceNameError } from './validation';

describe('workspaceNameError', () => {
  it('accepts names the core accepts', () => {
    expect(workspaceNameError('Dungeon Tiles')).toBeNull();
    expect(workspaceNameError('  padded  ')).toBeNull();
    expect(workspaceNameError('x'.repeat(40))).toBeNull();
  });

  it('gives the core’s own message for names it refuses', () => {
    expect(workspaceNameError('')).toBe('Name cannot be empty.');
    expect(workspaceNameError('   ')).toBe('Name cannot be empty.');
    expect(workspaceNameError('x'.repeat(41))).toBe('Name must be at most 40 characters.');
    expect(workspaceNameError('a/b')).toMatch(/cannot contain/);
    expect(workspaceNameError('tab\there')).toBe('Name cannot contain control characters.');
    expect(workspaceNameError('..')).toBe('Name cannot be "." or "..".');
  });
});

describe('errorFieldOf', () => {
  it('names the form field an error belongs to, or null for the whole form', () => {
    expect(errorFieldOf('folder', ['name', 'folder'])).toBe('folder');
    expect(errorFieldOf('mode', ['name', 'folder'])).toBeNull();
    expect(errorFieldOf(undefined, ['name'])).toBeNull();
  });
});
