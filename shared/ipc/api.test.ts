import { describe, expect, it } from 'vitest';
import { buildWokgenApi } from './api';
import { CHANNEL_NAMES, EVENT_NAMES } from './names';

describe('buildWokgenApi', () => {
  it('exposes one method per channel, grouped by domain, and nothing else', () => {
    const api = buildWokgenApi(CHANNEL_NAMES, EVENT_NAMES, async () => ({ ok: true, value: null }), () => () => {});
    const exposed = Object.entries(api).flatMap(([domain, group]) =>
      typeof group === 'function' ? [domain] : Object.keys(group as object).map((action) => `${domain}.${action}`),
    );
    expect(exposed.sort()).toEqual([...CHANNEL_NAMES, 'assetUrl', 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards the channel and input, defaulting a missing input to {}', async () => {
    const calls: unknown[] = [];
    const api = buildWokgenApi(CHANNEL_NAMES, EVENT_NAMES, async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: [] };
    }, () => () => {});
    await api.workspaces.list({ mode: 'pixel' });
    await api.app.info();
    expect(calls).toEqual([['workspaces.list', { mode: 'pixel' }], ['app.info', {}]]);
  });

  it('turns a transport failure into an internal error value', async () => {
    const api = buildWokgenApi(CHANNEL_NAMES, EVENT_NAMES, async () => { throw new Error('socket closed'); }, () => () => {});
    expect(await api.settings.get()).toEqual({ ok: false, error: { code: 'internal', message: 'The studio could not reach its core (socket closed).' } });
  });

  it('subscribes only to events in the contract', () => {
    const subscribed: string[] = [];
    const api = buildWokgenApi(CHANNEL_NAMES, EVENT_NAMES, async () => null, (event) => {
      subscribed.push(event);
      return () => {};
    });
    api.on('workspaces.changed', () => {});
    expect(() => (api.on as (e: string, f: () => void) => void)('shell.exec', () => {})).toThrow(/Unknown event/);
    expect(subscribed).toEqual(['workspaces.changed']);
  });
});

describe('assetUrl', () => {
  it('encodes each path segment under the transport base', () => {
    const api = buildWokgenApi(CHANNEL_NAMES, EVENT_NAMES, async () => null, () => () => {});
    expect(api.assetUrl('ws-1', 'assets/2026-11/a b#1.png')).toBe('wokgen-asset://workspace/ws-1/assets/2026-11/a%20b%231.png');
    const bridged = buildWokgenApi(CHANNEL_NAMES, EVENT_NAMES, async () => null, () => () => {}, 'http://127.0.0.1:9/__assets/');
    expect(bridged.assetUrl('w', '.wokgen/thumbnails/x.webp')).toBe('http://127.0.0.1:9/__assets/w/.wokgen/thumbnails/x.webp');
  });
});
