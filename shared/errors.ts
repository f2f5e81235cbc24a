/**
 * Errors that cross a boundary (IPC, the WebSocket bridge) are plain values, never thrown
 * objects: Electron's structured clone strips custom error classes, and the UI needs a
 * code to branch on and a field to put the message next to.
 */
export const ERROR_CODES = [
  /** The payload failed its zod schema; `field` names the offending path. */
  'invalid_input',
  /** The thing asked for does not exist (workspace id, job id...). */
  'not_found',
  /** The request conflicts with what exists (duplicate folder, folder not empty...). */
  'conflict',
  /** A workspace's mode is fixed at creation. */
  'mode_immutable',
  /** A path would leave the folder it must stay inside. */
  'path_outside_workspace',
  /** A filesystem operation failed (permissions, disk full...). */
  'io_failed',
  /** The sender is not one of the app's own windows. */
  'forbidden',
  /** Too much at once (queue full, provider rate limit); try again later. */
  'rate_limited',
  /** No configured, reachable provider can do this; the message says what to set up. */
  'no_provider',
  /** The user dismissed a dialog; not an error to show, but a value to branch on. */
  'cancelled',
  /** The hosted account is not signed in, or sign-in was refused; the message says what to do. */
  'unauthorised',
  /** The hosted account has no HD credits for this run; the message carries the top-up link. */
  'out_of_credits',
  /** A server (the hosted account) could not be reached; last known figures are kept. */
  'unreachable',
  /** Anything unexpected; the message is safe to show, details go to the log. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Dotted path of the input field at fault, e.g. `name` or `patch.mode`. */
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, field?: string): { ok: false; error: AppError } => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/**
 * Thrown inside the core to abort a handler with a typed error; the IPC dispatcher turns it
 * into a `Result` value. Never crosses a process boundary as an exception.
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.field = field;
  }
  toAppError(): AppError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
