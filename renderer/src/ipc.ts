/**
 * The typed client over `window.wokgen`, which the preload (or, in end-to-end tests, the
 * WebSocket bridge) defines before this bundle runs. Only `src/stores/` imports it.
 */
import type { WokgenApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    wokgen: WokgenApi;
  }
}

export const wokgen: WokgenApi = window.wokgen;

/**
 * Whether the bridge is really there. The global is typed as always present for the rest
 * of the code, but a failed preload leaves it undefined, and the app must say so instead
 * of crashing into a blank window.
 */
export function bridgeLoaded(): boolean {
  const candidate: unknown = (window as { wokgen?: unknown }).wokgen;
  return typeof candidate === 'object' && candidate !== null && 'workspaces' in candidate && 'on' in candidate;
}
