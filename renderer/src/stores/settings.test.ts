import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { createFakeWokgen, deferred, ok, type FakeWokgen } from '../testing/fakeWokgen';
import type { Result } from '../../../shared/errors';
import { applySettingsPatch, createSettingsStore, withLastWorkspace, type SettingsStore } from './settings';
import type { ToastInput } from './toasts';

let fake: FakeWokgen;
let toasts: ToastInput[];
let store: SettingsStore;

beforeEach(() => {
  fake = createFakeWokgen();
  toasts = [];
  store = createSettingsStore({ api: fake.api, notify: (t) => toasts.push(t) });
});

const saved: Settings = { ...DEFAULT_SETTINGS, theme: 'light', lastWorkspace: { pixel: 'p1' } };

describe('pure helpers', () => {
  it('applySettingsPatch ignores keys present but undefined', () => {
    expect(applySettingsPatch(saved, { theme: 'dark', workspacesRoot: undefined })).toEqual({ ...saved, theme: 'dark' });
    expect(applySettingsPatch(saved, { workspacesRoot: null })).toEqual({ ...saved, workspacesRoot: null });
  });

  it('withLastWorkspace sets, clears, and returns the same map when nothing changes', () => {
    const map = { pixel: 'p1', emoji: 'e1' };
    expect(withLastWorkspace(map, 'business', 'b1')).toEqual({ pixel: 'p1', emoji: 'e1', business: 'b1' });
    expect(withLastWorkspace(map, 'pixel', null)).toEqual({ emoji: 'e1' });
    expect(withLastWorkspace(map, 'pixel', 'p1')).toBe(map);
    expect(withLastWorkspace(map, 'vector', null)).toBe(map);
  });
});

describe('load', () => {
  it('starts from defaults and takes what the core has', async () => {
    expect(store.getState()).toMatchObject({ settings: DEFAULT_SETTINGS, status: 'idle' });
    fake.handlers['settings.get'] = () => ok(saved);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ settings: saved, status: 'ready' });
  });

  it('keeps working on defaults when the core fails, and says so', async () => {
    fake.handlers['settings.get'] = () => ({ ok: false, error: { code: 'io_failed', message: 'settings.json is unreadable.' } });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ settings: DEFAULT_SETTINGS, status: 'error' });
    expect(toasts).toEqual([{ tone: 'error', title: 'Preferences could not be loaded', message: 'settings.json is unreadable.' }]);
  });
});

describe('update', () => {
  beforeEach(async () => {
    fake.handlers['settings.get'] = () => ok(saved);
    await store.getState().load();
  });

  it('applies the change at once, then takes the core’s answer', async () => {
    const answer = deferred<Result<Settings>>();
    fake.handlers['settings.update'] = () => answer.promise;

    const pending = store.getState().update({ theme: 'dark' });
    expect(store.getState().settings.theme).toBe('dark');
    answer.resolve(ok({ ...saved, theme: 'dark', reduceMotion: true }));
    await pending;

    expect(fake.callsTo('settings.update')).toEqual([{ theme: 'dark' }]);
    expect(store.getState().settings).toEqual({ ...saved, theme: 'dark', reduceMotion: true });
  });

  it('reverts only the refused keys and shows why', async () => {
    const answer = deferred<Result<Settings>>();
    fake.handlers['settings.update'] = () => answer.promise;

    const pending = store.getState().update({ theme: 'dark' });
    // Meanwhile another window changed something else.
    fake.emit('settings.changed', { ...saved, theme: 'dark', reduceMotion: true });
    answer.resolve({ ok: false, error: { code: 'io_failed', message: 'Disk full.' } });
    await pending;

    expect(store.getState().settings.theme).toBe('light');
    expect(toasts).toEqual([{ tone: 'error', title: 'Preference not saved', message: 'Disk full.' }]);
  });

  it('rememberWorkspace merges into lastWorkspace, and skips the call when nothing changes', async () => {
    fake.handlers['settings.update'] = (patch) => ok({ ...saved, lastWorkspace: patch.lastWorkspace ?? {} });

    await store.getState().rememberWorkspace('pixel', 'p1');
    expect(fake.callsTo('settings.update')).toEqual([]);

    await store.getState().rememberWorkspace('emoji', 'e9');
    expect(fake.callsTo('settings.update')).toEqual([{ lastWorkspace: { pixel: 'p1', emoji: 'e9' } }]);
    expect(store.getState().settings.lastWorkspace).toEqual({ pixel: 'p1', emoji: 'e9' });
  });
});

describe('chooseWorkspacesRoot', () => {
  it('a dismissed dialog changes nothing and says nothing', async () => {
    fake.handlers['workspaces.chooseFolder'] = () => ({ ok: false, error: { code: 'cancelled', message: 'Dismissed.' } });
    await store.getState().chooseWorkspacesRoot();
    expect(fake.callsTo('settings.update')).toEqual([]);
    expect(toasts).toEqual([]);
  });

  it('saves the chosen folder as the workspaces root', async () => {
    fake.handlers['workspaces.chooseFolder'] = () => ok({ folder: '/Volumes/Art' });
    fake.handlers['settings.update'] = (patch) => ok({ ...DEFAULT_SETTINGS, workspacesRoot: patch.workspacesRoot ?? null });
    await store.getState().chooseWorkspacesRoot();
    expect(fake.callsTo('workspaces.chooseFolder')).toEqual([{ purpose: 'root' }]);
    expect(store.getState().settings.workspacesRoot).toBe('/Volumes/Art');
  });
});

describe('settings.changed', () => {
  it('follows changes made elsewhere until unsubscribed', () => {
    const stop = store.getState().start();
    fake.emit('settings.changed', saved);
    expect(store.getState()).toMatchObject({ settings: saved, status: 'ready' });
    stop();
    expect(fake.listenerCount('settings.changed')).toBe(0);
  });
});
