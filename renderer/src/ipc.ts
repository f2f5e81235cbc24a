/**
 * The typed client over `window.wokgen`, which the preload (or, in end-to-end tests, the
 * WebSocket bridge) defines before this bundle runs. Only `src/stores/` imports it.
 */
import type { WokgenApi } from '../../shared/ipc/api';
import { events, type EventName, type EventPayload } from '../../shared/ipc/contract';

declare global {
  interface Window {
    wokgen: WokgenApi;
  }
}

/**
 * Events are checked against the contract before a store sees them: a malformed or
 * version-skewed payload is dropped with a warning instead of crashing a store or a render.
 */
function withCheckedEvents(api: WokgenApi): WokgenApi {
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) =>
    api.on(event, (payload) => {
      const parsed = events[event].safeParse(payload);
      if (!parsed.success) {
        console.warn(`wokgen: dropped a malformed ${event} event`, parsed.error.issues[0]);
        return;
      }
      listener(parsed.data as EventPayload<E>);
    });
  return Object.freeze({ ...api, on });
}

export const wokgen: WokgenApi = bridgeLoaded() ? withCheckedEvents(window.wokgen) : window.wokgen;

/**
 * Whether the bridge is really there. The global is typed as always present for the rest
 * of the code, but a failed preload leaves it undefined, and the app must say so instead
 * of crashing into a blank window.
 */
export function bridgeLoaded(): boolean {
  const candidate: unknown = (window as { wokgen?: unknown }).wokgen;
  return typeof candidate === 'object' && candidate !== null && 'workspaces' in candidate && 'on' in candidate;
}
