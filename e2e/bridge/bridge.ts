/// <reference lib="dom" />
/**
 * `window.wokgen` over a WebSocket, for end-to-end tests in a plain browser. Built from the
 * same `buildWokgenApi` and name lists as the Electron preload, so the renderer cannot tell
 * the difference. Loaded as a classic script before the app's module bundle.
 */
import { buildWokgenApi } from '../../shared/ipc/api';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/names';

type Message = { type: 'result'; id: number; result: unknown } | { type: 'event'; event: string; payload: unknown };

const url = document.querySelector('meta[name="wokgen-bridge"]')?.getAttribute('content');
if (!url) throw new Error('wokgen bridge: missing <meta name="wokgen-bridge">');

const assetBase = document.querySelector('meta[name="wokgen-asset-base"]')?.getAttribute('content');
if (!assetBase) throw new Error('wokgen bridge: missing <meta name="wokgen-asset-base">');

const socket = new WebSocket(url);
const outbox: string[] = [];
const pending = new Map<number, (result: unknown) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;
let closed = false;
const disconnected = { ok: false, error: { code: 'internal', message: 'The studio core disconnected.' } };

socket.addEventListener('open', () => {
  for (const message of outbox.splice(0)) socket.send(message);
});
socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data)) as Message;
  if (message.type === 'result') {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  } else {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
  }
});
socket.addEventListener('close', () => {
  closed = true;
  for (const resolve of pending.values()) resolve(disconnected);
  pending.clear();
});

const api = buildWokgenApi(
  CHANNEL_NAMES,
  EVENT_NAMES,
  (channel, payload) =>
    new Promise((resolve) => {
      // After a disconnect nothing would ever answer: fail now instead of hanging the test.
      if (closed || socket.readyState === WebSocket.CLOSING) return resolve(disconnected);
      const id = nextId++;
      pending.set(id, resolve);
      const message = JSON.stringify({ type: 'invoke', id, channel, payload });
      if (socket.readyState === WebSocket.OPEN) socket.send(message);
      else outbox.push(message);
    }),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
  assetBase,
);

Object.defineProperty(window, 'wokgen', { value: api, writable: false, configurable: false });
