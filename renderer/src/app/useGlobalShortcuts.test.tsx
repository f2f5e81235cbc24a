import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => (await import('../testing/componentHarness')).installFakeWokgen());
const { useGlobalShortcuts } = await import('./useGlobalShortcuts');
const { useToasts } = await import('../stores');

function Page() {
  useGlobalShortcuts();
  return (
    <>
      <textarea aria-label="Prompt" />
      <input type="search" aria-label="Search prompts" data-shortcut="gallery-search" />
      {/* Like the mask brush: a widget with its own Ctrl/⌘+Z claims the key. */}
      <div
        tabIndex={0}
        aria-label="Mask"
        onKeyDown={(event) => {
          if (event.ctrlKey && event.key === 'z') event.preventDefault();
        }}
      />
      <button type="button">Elsewhere</button>
    </>
  );
}

const undo = vi.fn();
beforeEach(() => {
  undo.mockReset();
  useToasts.getState().clear();
  render(<Page />, { wrapper: MemoryRouter });
});

describe('global Undo and search shortcuts', () => {
  it('Ctrl/⌘+Z runs the newest toast’s Undo and closes that toast', () => {
    const older = vi.fn();
    useToasts.getState().push({ tone: 'info', message: 'Deleted 1 asset', action: { label: 'Undo', run: older } });
    useToasts.getState().push({ tone: 'info', message: 'Removed the workflow', action: { label: 'Undo', run: undo } });
    useToasts.getState().push({ tone: 'success', message: 'Saved' });
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'z', code: 'KeyZ', metaKey: true });
    expect(undo).toHaveBeenCalledTimes(1);
    expect(older).not.toHaveBeenCalled();
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual(['Deleted 1 asset', 'Saved']);
  });

  it('leaves Ctrl/⌘+Z to a text field being typed in and to a widget with its own undo', () => {
    useToasts.getState().push({ tone: 'info', message: 'Deleted 1 asset', action: { label: 'Undo', run: undo } });
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    prompt.focus();
    fireEvent.keyDown(prompt, { key: 'z', code: 'KeyZ', ctrlKey: true });
    const mask = screen.getByLabelText('Mask');
    mask.focus();
    fireEvent.keyDown(mask, { key: 'z', code: 'KeyZ', ctrlKey: true });
    expect(undo).not.toHaveBeenCalled();
    expect(useToasts.getState().toasts).toHaveLength(1);
  });

  it('/ and Ctrl/⌘+F focus the gallery search; / typed in a field stays a character', () => {
    const search = screen.getByRole('searchbox', { name: 'Search prompts' });
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: '/', code: 'Slash' });
    expect(document.activeElement).toBe(search);
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    prompt.focus();
    expect(fireEvent.keyDown(prompt, { key: '/', code: 'Slash' })).toBe(true);
    expect(document.activeElement).toBe(prompt);
    fireEvent.keyDown(prompt, { key: 'f', code: 'KeyF', ctrlKey: true });
    expect(document.activeElement).toBe(search);
  });
});
