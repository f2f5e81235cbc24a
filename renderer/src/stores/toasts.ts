/**
 * Transient notifications. Actions report their failures here (the message comes from the
 * core's `AppError`); the `Toasts` component renders the list and times items out.
 */
import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';

export type ToastTone = 'info' | 'success' | 'error';

/** A button on the toast, e.g. "Undo"; the toast closes when it is used. */
export interface ToastAction {
  readonly label: string;
  readonly run: () => void;
}

export interface ToastInput {
  readonly tone: ToastTone;
  readonly message: string;
  readonly title?: string;
  readonly action?: ToastAction;
}

export interface Toast extends ToastInput {
  readonly id: number;
}

export interface ToastsState {
  readonly toasts: ReadonlyArray<Toast>;
  /** Adds a toast and returns its id; an identical toast already showing is reused. */
  push(input: ToastInput): number;
  dismiss(id: number): void;
  clear(): void;
}

/** More than this and the oldest go: a wall of toasts helps nobody. */
export const MAX_TOASTS = 4;

/** How long a toast stays, in ms; errors and toasts offering an action (Undo) stay longer. */
export function toastDuration(tone: ToastTone, hasAction = false): number {
  if (hasAction) return 10000;
  return tone === 'error' ? 8000 : 4000;
}

export type Notify = (input: ToastInput) => void;

/** Shows a failed action as an error toast. A dismissed dialog (`cancelled`) is not an error. */
export function notifyError(notify: Notify, error: AppError, title?: string): void {
  if (error.code === 'cancelled') return;
  notify(title === undefined ? { tone: 'error', message: error.message } : { tone: 'error', message: error.message, title });
}

export function createToastsStore() {
  let nextId = 1;
  return create<ToastsState>()((set, get) => ({
    toasts: [],
    push(input) {
      const same = get().toasts.find(
        (t) => t.tone === input.tone && t.message === input.message && t.title === input.title,
      );
      if (same) return same.id;
      const toast: Toast = { ...input, id: nextId++ };
      set((s) => ({ toasts: [...s.toasts, toast].slice(-MAX_TOASTS) }));
      return toast.id;
    },
    dismiss(id) {
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
    clear() {
      set({ toasts: [] });
    },
  }));
}

export type ToastsStore = ReturnType<typeof createToastsStore>;
