/**
 * What the core needs from its host, as small interfaces. Main implements them with
 * Electron (shell, dialog); tests and the end-to-end harness implement them in plain Node.
 * This is the seam that keeps `electron/core` free of `electron` imports.
 */
import type { EventName, EventPayload } from '../../shared/ipc/contract';

export interface ShellPort {
  /** Opens an already validated `https:` URL in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Shows a file or folder in the OS file manager. */
  showItemInFolder(path: string): void;
  /** Moves a file or folder to the OS trash (recoverable), never deletes outright. */
  trashItem(path: string): Promise<void>;
}

/**
 * Dragging a file out of the app to other applications (Electron's
 * `webContents.startDrag`, https://www.electronjs.org/docs/latest/tutorial/native-file-drag-drop).
 * Paths arrive already proven inside a workspace.
 */
export interface DragPort {
  /** `icon`: an image shown under the pointer (the thumbnail), or null for the app's icon. */
  startDrag(file: string, icon: string | null): void;
}

/** Where no window can drag (a headless core): a drag request does nothing. */
export const noDrag: DragPort = { startDrag() {} };

export interface DialogPort {
  /** A native folder picker; resolves `null` when the user cancels. */
  chooseFolder(options: { readonly title: string; readonly defaultPath?: string; readonly createDirectory: boolean }): Promise<string | null>;
  /** A native open-file picker limited to `filters`; resolves `null` when the user cancels. */
  chooseFile(options: { readonly title: string; readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: ReadonlyArray<string> }> }): Promise<string | null>;
  /** A native save dialog (exports) starting at `defaultPath`; resolves the chosen path, `null` when cancelled. */
  chooseSaveFile(options: {
    readonly title: string;
    readonly defaultPath: string;
    readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: ReadonlyArray<string> }>;
  }): Promise<string | null>;
}

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Logs to stderr as one JSON line per entry; main and the harness use it. */
export const consoleLogger: Logger = {
  info: (message, details) => console.error(JSON.stringify({ level: 'info', message, ...details })),
  warn: (message, details) => console.error(JSON.stringify({ level: 'warn', message, ...details })),
  error: (message, details) => console.error(JSON.stringify({ level: 'error', message, ...details })),
};
