/**
 * Main's IPC registration with Electron replaced by a stand-in: every contract channel is
 * registered, untrusted senders (other windows, iframes, foreign origins) are refused, and
 * payloads reach the core's dispatch for validation.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (event: unknown, payload: unknown) => Promise<unknown>;
const registered = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, handler);
    },
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpcHandlers, WindowEventSink } = await import('./register-ipc');
const { TrustedSenders } = await import('./trusted-senders');
const { CHANNEL_NAMES, ipcChannelFor, ipcEventFor } = await import('../../../shared/ipc/names');
const { silentLogger } = await import('../../core/ports');

function fakeContents(id: number) {
  const listeners: Record<string, () => void> = {};
  const sent: unknown[] = [];
  return {
    id,
    sent,
    destroyed: false,
    once: (event: string, fn: () => void) => void (listeners[event] = fn),
    destroy() {
      this.destroyed = true;
      listeners['destroyed']?.();
    },
    isDestroyed() {
      return this.destroyed;
    },
    send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
  };
}

function eventFrom(contents: { id: number }, url: string, topFrame = true) {
  return { sender: contents, senderFrame: { url, parent: topFrame ? null : {} } };
}

const ORIGIN = 'app://studio';
const calls: unknown[] = [];
const handlers = Object.fromEntries(
  CHANNEL_NAMES.map((name) => [name, (input: unknown) => {
    calls.push([name, input]);
    return name === 'settings.get' ? { theme: 'dark', workspacesRoot: null, lastWorkspace: {}, reduceMotion: false } : null;
  }]),
) as never;

let trusted: InstanceType<typeof TrustedSenders>;
let window1: ReturnType<typeof fakeContents>;
beforeEach(() => {
  registered.clear();
  calls.length = 0;
  trusted = new TrustedSenders(ORIGIN);
  window1 = fakeContents(1);
  trusted.add(window1 as never);
  registerIpcHandlers(handlers, trusted, silentLogger, false);
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, once each', () => {
    expect([...registered.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannelFor).sort());
  });

  it("runs a trusted top-frame call at the app's origin", async () => {
    const handler = registered.get(ipcChannelFor('settings.get'))!;
    expect(await handler(eventFrom(window1, `${ORIGIN}/pixel/studio`), {})).toMatchObject({ ok: true });
    expect(calls).toEqual([['settings.get', {}]]);
  });

  it.each([
    ['another webContents', () => eventFrom(fakeContents(99), `${ORIGIN}/`)],
    ['an iframe of our window', () => eventFrom(window1, `${ORIGIN}/`, false)],
    ['a foreign origin in our window', () => eventFrom(window1, 'https://evil.example/')],
    ['a file:// page', () => eventFrom(window1, 'file:///tmp/x.html')],
    ['a frame that is gone', () => ({ sender: window1, senderFrame: null })],
  ])('refuses %s without running the handler', async (_label, makeEvent) => {
    const handler = registered.get(ipcChannelFor('settings.get'))!;
    expect(await handler(makeEvent(), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('forgets a window once it is destroyed', async () => {
    window1.destroy();
    const handler = registered.get(ipcChannelFor('settings.get'))!;
    expect(await handler(eventFrom(window1, `${ORIGIN}/`), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('validates payloads before the handler sees them', async () => {
    const handler = registered.get(ipcChannelFor('workspaces.list'))!;
    expect(await handler(eventFrom(window1, `${ORIGIN}/`), { mode: 'photo' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mode' } });
    expect(calls).toEqual([]);
  });
});

describe('WindowEventSink', () => {
  it('sends events to live windows only', () => {
    const sink = new WindowEventSink();
    const live = fakeContents(2);
    const closed = fakeContents(3);
    sink.add(live as never);
    sink.add(closed as never);
    closed.destroy();
    sink.emit('workspaces.changed', { mode: 'emoji' });
    expect(live.sent).toEqual([[ipcEventFor('workspaces.changed'), { mode: 'emoji' }]]);
    expect(closed.sent).toEqual([]);
  });
});
