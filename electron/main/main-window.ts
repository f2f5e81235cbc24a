/**
 * The studio window, with every webPreference from Electron's security checklist set
 * explicitly (#2 no Node integration, #3 context isolation, #4 sandbox, #6 webSecurity,
 * #9 no insecure content, #12 no <webview>), even where it is already the default, so a
 * future default change cannot weaken us silently.
 */
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { Logger } from '../core/ports';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly url: string;
  readonly iconPath?: string;
  readonly log: Logger;
}

/** If the first paint never comes (a hung renderer), show the window anyway after this. */
const SHOW_FALLBACK_MS = 5000;

export function createMainWindow({ preloadPath, url, iconPath, log }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'WokGen Studio',
    // Matches the dark theme's background, so no white flash before the first paint.
    backgroundColor: '#0d0f14',
    show: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Dropping a file on the window must not navigate away from the studio.
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads dictionaries from Google on Linux and Windows; the
      // studio works offline and sends nothing anywhere unasked.
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  const fallback = setTimeout(() => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  }, SHOW_FALLBACK_MS);
  window.once('closed', () => clearTimeout(fallback));
  keepRendererAlive(window, url, log);
  window.loadURL(url).catch((error: unknown) => log.error('studio page failed to load', { url, error: String(error) }));
  return window;
}

/**
 * A crashed or failed renderer must not leave a blank window: reload once, and if it fails
 * again show the window so the user sees Chromium's error page rather than nothing.
 */
function keepRendererAlive(window: BrowserWindow, url: string, log: Logger): void {
  let reloads = 0;
  const recover = (reason: string) => {
    log.error('studio renderer failed', { reason, reloads });
    if (window.isDestroyed()) return;
    window.show();
    if (reloads < 1) {
      reloads += 1;
      window.loadURL(url).catch(() => undefined);
    }
  };
  window.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (isMainFrame) recover(`load failed: ${code} ${description}`);
  });
  window.webContents.on('render-process-gone', (_event, details) => recover(`renderer gone: ${details.reason}`));
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '../preload/index.js');
}
