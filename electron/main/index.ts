/**
 * The Electron shell: lifecycle, the window, security policy and IPC wiring. All real work
 * happens in `electron/core`, built here with Electron-backed ports.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { EventHub } from '../core/events/event-hub';
import { consoleLogger } from '../core/ports';
import { DEFAULT_LOCAL_LLM_TARGETS } from '../core/providers/local-llm/detect';
import { buildContentSecurityPolicy } from '../core/security/content-security-policy';
import { originOf } from '../core/security/origin';
import { createCore, type Core } from '../core/services';
import { APP_ORIGIN, registerAppSchemePrivileges, serveRendererOverAppProtocol } from './app-protocol';
import { chooseAppSecretStore } from './app-secret-store';
import { serveWorkspaceAssets } from './asset-protocol';
import { electronDialogs, electronDrag, electronShell } from './electron-ports';
import { ElectronStoreSettings } from './electron-store-settings';
import { registerIpcHandlers, WindowEventSink } from './ipc/register-ipc';
import { TrustedSenders } from './ipc/trusted-senders';
import { installApplicationMenu } from './application-menu';
import { createMainWindow, preloadPathFrom } from './main-window';
import { applyDevCsp, denyAllPermissions, installNavigationGuards } from './security';

const log = consoleLogger;
/**
 * Set by `electron-vite dev`: the renderer comes from Vite's dev server with HMR. Ignored in
 * packaged builds, where it would let any launcher load a remote page as the trusted origin.
 */
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const appOrigin = (devServerUrl ? originOf(devServerUrl) : null) ?? APP_ORIGIN;

// Lets developers and support keep a separate library (documented in the README).
const dataDirOverride = process.env['WOKGEN_DATA_DIR'];
if (dataDirOverride) app.setPath('userData', resolve(dataDirOverride));

// Sandbox every renderer, including any we might create later (checklist #4).
app.enableSandbox();
registerAppSchemePrivileges();

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same SQLite library twice: hand over and quit.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStartup(error));
}

/**
 * A start-up failure (unreadable library, locked database…) must not leave an invisible
 * process holding the single-instance lock: say what happened and quit.
 */
function failStartup(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  log.error('start-up failed', { error: error instanceof Error ? (error.stack ?? detail) : detail });
  dialog.showErrorBox(
    'WokGen Studio could not start',
    `${detail}\n\nYour workspaces and files are untouched. Data folder: ${app.getPath('userData')}\nIf this keeps happening, see Troubleshooting in the README.`,
  );
  app.exit(1);
}

async function start(): Promise<void> {
  installNavigationGuards(appOrigin, log);
  denyAllPermissions(appOrigin);
  if (devServerUrl) {
    applyDevCsp(appOrigin, buildContentSecurityPolicy({ dev: true, connectSrc: [appOrigin.replace(/^http/, 'ws')] }));
  } else {
    serveRendererOverAppProtocol(join(__dirname, '../renderer'));
  }

  const events = new EventHub();
  const windows = new WindowEventSink();
  events.attach(windows);
  const settings = new ElectronStoreSettings(log);
  // Keychain, else a safeStorage-encrypted file, plain text only with consent (README "Providers & keys").
  const secrets = await chooseAppSecretStore(app.getPath('userData'), settings, log);
  core = createCore({
    dataDir: app.getPath('userData'),
    // Migrations ship as files beside the code (inside app.asar when packaged; Electron's fs reads asar).
    migrationsDir: join(app.getAppPath(), 'electron/core/library/migrations'),
    // ComfyUI's built-in workflow templates ship as files the same way (electron-builder `files`).
    comfyui: { workflowsDir: join(app.getAppPath(), 'resources/comfyui') },
    homeDir: homedir(),
    settings,
    secrets,
    localLlmTargets: DEFAULT_LOCAL_LLM_TARGETS,
    shell: electronShell,
    dialogs: electronDialogs,
    drag: electronDrag(() => mainWindow?.webContents, join(app.getAppPath(), 'resources/icon.png')),
    events,
    log,
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      dataDir: app.getPath('userData'),
      versions: { electron: process.versions.electron ?? null, node: process.versions.node, chrome: process.versions.chrome ?? null },
    },
  });

  installApplicationMenu(app.isPackaged);
  const library = core.services.library;
  serveWorkspaceAssets((id) => library.workspaces.get(id)?.folder);
  const trusted = new TrustedSenders(appOrigin);
  registerIpcHandlers(core.handlers, trusted, log, !app.isPackaged);

  mainWindow = createMainWindow({
    preloadPath: preloadPathFrom(__dirname),
    url: devServerUrl ?? `${APP_ORIGIN}/`,
    ...(process.platform === 'linux' ? { iconPath: join(app.getAppPath(), 'resources/icon.png') } : {}),
    log,
  });
  trusted.add(mainWindow.webContents);
  windows.add(mainWindow.webContents);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

app.on('window-all-closed', () => {
  // One window, one library: closing it ends the app on every platform.
  app.quit();
});

app.on('will-quit', (event) => {
  if (!core) return;
  // Let running jobs settle as `interrupted` and the database close cleanly, then quit for real.
  event.preventDefault();
  const closing = core;
  core = undefined;
  closing
    .close()
    .catch((error: unknown) => log.error('shutdown failed', { error: String(error) }))
    .finally(() => app.quit());
});
