/**
 * The core's ports implemented with Electron: system browser, file manager, trash and the
 * native folder picker. Nothing here decides policy; URLs arrive already validated.
 */
import { BrowserWindow, dialog, shell } from 'electron';
import type { DialogPort, ShellPort } from '../core/ports';

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
};
