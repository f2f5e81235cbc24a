/**
 * The application menu. Electron's default menu offers "Toggle Developer Tools" and "Reload"
 * in every build; a packaged studio gets neither (DevTools on a page holding the IPC bridge
 * is a debugging door, and Reload loses unsaved form state).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function installApplicationMenu(isPackaged: boolean): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    // Edit keeps Cut/Copy/Paste/Undo working in text fields (they are menu accelerators on macOS).
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(isPackaged ? [] : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
