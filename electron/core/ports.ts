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

export interface DialogPort {
  /** A native folder picker; resolves `null` when the user cancels. */
  chooseFolder(options: { readonly title: string; readonly defaultPath?: string; readonly createDirectory: boolean }): Promise<string | null>;
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
