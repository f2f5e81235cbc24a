/**
 * The core's ports implemented with Electron: system browser, file manager, trash and the
 * native folder picker. Nothing here decides policy; URLs arrive already validated.
 */
import { BrowserWindow, dialog, nativeImage, shell, type WebContents } from 'electron';
import type { DialogPort, DragPort, ShellPort } from '../core/ports';

export const electronShell: ShellPort = {
  openExternal: (url) => shell.openExternal(url),
  showItemInFolder: (path) => shell.showItemInFolder(path),
  trashItem: (path) => shell.trashItem(path),
};

export const electronDialogs: DialogPort = {
  async chooseFolder({ title, defaultPath, createDirectory }) {
    const parent = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title,
      properties: createDirectory ? ['openDirectory', 'createDirectory', 'promptToCreate'] : ['openDirectory'],
      ...(defaultPath === undefined ? {} : { defaultPath }),
    };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
  },
  async chooseFile({ title, filters }) {
    const parent = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title,
      properties: ['openFile'],
      filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
  },
  async chooseSaveFile({ title, defaultPath, filters }) {
    const parent = BrowserWindow.getFocusedWindow();
    const options: Electron.SaveDialogOptions = {
      title,
      defaultPath,
      filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};

/** Drag icon size: large enough to recognise the asset, small enough not to hide the drop target. */
const DRAG_ICON_EDGE = 64;

/**
 * Native file drag out of the window (https://www.electronjs.org/docs/latest/tutorial/native-file-drag-drop).
 * Electron requires a non-empty icon, so the app icon stands in when an asset has no thumbnail.
 */
export function electronDrag(contents: () => WebContents | undefined, fallbackIcon: string): DragPort {
  return {
    startDrag(file, icon) {
      const target = contents();
      if (target === undefined || target.isDestroyed()) return;
      let image = nativeImage.createFromPath(icon ?? fallbackIcon);
      if (image.isEmpty()) image = nativeImage.createFromPath(fallbackIcon);
      target.startDrag({ file, icon: image.resize({ width: DRAG_ICON_EDGE }) });
    },
  };
}
