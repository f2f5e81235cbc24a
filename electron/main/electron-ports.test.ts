/**
 * Main's save dialog for exports, with Electron stood in: the proposed name, the filters and
 * the overwrite confirmation reach the native dialog; a cancel is `null`.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const dialog = vi.hoisted(() => ({ showSaveDialog: vi.fn(), showOpenDialog: vi.fn() }));
const focused = vi.hoisted(() => ({ window: null as object | null }));
vi.mock('electron', () => ({
  dialog,
  shell: {},
  nativeImage: {},
  BrowserWindow: { getFocusedWindow: () => focused.window },
}));

const { electronDialogs } = await import('./electron-ports');

beforeEach(() => {
  dialog.showSaveDialog.mockReset();
  focused.window = null;
});

describe('electronDialogs.chooseSaveFile', () => {
  it('asks the native save dialog, attached to the focused window, with the proposed name and filters', async () => {
    const parent = { id: 1 };
    focused.window = parent;
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/me/out.zip' });
    const chosen = await electronDialogs.chooseSaveFile({
      title: 'Export PNG',
      defaultPath: '/ws/exports/sprites-png.zip',
      filters: [{ name: 'Zip archive', extensions: ['zip'] }],
    });
    expect(chosen).toBe('/home/me/out.zip');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(parent, {
      title: 'Export PNG',
      defaultPath: '/ws/exports/sprites-png.zip',
      filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('answers null when the user cancels', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await electronDialogs.chooseSaveFile({ title: 't', defaultPath: '/x.png', filters: [] })).toBeNull();
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 't' }));
  });
});
