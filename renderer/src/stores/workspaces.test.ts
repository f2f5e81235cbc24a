import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/errors';
import type { ModeId } from '../../../shared/modes';
import type { Workspace } from '../../../shared/workspace';
import { aWorkspace, createFakeWokgen, deferred, flush, ok, type FakeWokgen } from '../testing/fakeWokgen';
import type { ToastInput } from './toasts';
import {
  createWorkspacesStore,
  keepUnchanged,
  resolveActiveId,
  selectActiveWorkspace,
  selectModeWorkspaces,
  upsertWorkspace,
  type WorkspacesStore,
} from './workspaces';

let fake: FakeWokgen;
let toasts: ToastInput[];
let remembered: Partial<Record<ModeId, string>>;
let store: WorkspacesStore;

beforeEach(() => {
  fake = createFakeWokgen();
  toasts = [];
  remembered = {};
  store = createWorkspacesStore({
    api: fake.api,
    notify: (t) => toasts.push(t),
    remembered: (mode) => remembered[mode],
    remember: (mode, id) => {
      if (id === null) delete remembered[mode];
      else remembered[mode] = id;
    },
  });
});

const active = (mode: ModeId = 'pixel') => selectActiveWorkspace(mode)(store.getState());
const list = (mode: ModeId = 'pixel') => selectModeWorkspaces(mode)(store.getState());

describe('pure helpers', () => {
  it('resolveActiveId keeps the preferred id only while it exists', () => {
    const [a, b] = [aWorkspace(), aWorkspace()];
    expect(resolveActiveId([a, b], b.id)).toBe(b.id);
    expect(resolveActiveId([a, b], 'gone')).toBe(a.id);
    expect(resolveActiveId([a, b], undefined)).toBe(a.id);
    expect(resolveActiveId([], 'gone')).toBeNull();
  });

  it('upsertWorkspace replaces by id and keeps names sorted, numbers in order', () => {
    const a = aWorkspace({ name: 'Tiles 10' });
    const b = aWorkspace({ name: 'tiles 9' });
    expect(upsertWorkspace([a], b).map((w) => w.name)).toEqual(['tiles 9', 'Tiles 10']);
    expect(upsertWorkspace([a, b], { ...a, name: 'Alpha' }).map((w) => w.name)).toEqual(['Alpha', 'tiles 9']);
  });
});

describe('keepUnchanged', () => {
  it('reuses unchanged workspaces and the whole list when nothing changed', () => {
    const [a, b] = [aWorkspace({ name: 'A' }), aWorkspace({ name: 'B' })];
    const shown = [a, b];
    expect(keepUnchanged(shown, [{ ...a }, { ...b }])).toBe(shown);
    const renamed = { ...b, name: 'B2', updatedAt: b.updatedAt + 1 };
    const next = keepUnchanged(shown, [{ ...a }, renamed]);
    expect(next).not.toBe(shown);
    expect(next[0]).toBe(a);
    expect(next[1]).toBe(renamed);
    expect(keepUnchanged(shown, [{ ...a }])).toEqual([a]);
    expect(keepUnchanged(shown, [{ ...a, missing: !a.missing }, { ...b }])[0]).not.toBe(a);
  });
});

describe('warm', () => {
  it('lists every mode once, quietly, shows the remembered workspace without recording a choice', async () => {
    const pixel = [aWorkspace({ name: 'Knights' }), aWorkspace({ name: 'Dungeon' })];
    const emoji = aWorkspace({ name: 'Faces', mode: 'emoji' });
    remembered = { pixel: pixel[0]!.id };
    fake.handlers['workspaces.list'] = (input) => {
      if (input.mode === 'business') return { ok: false, error: { code: 'io_failed', message: 'disk gone' } } as const;
      return ok(input.mode === 'pixel' ? pixel : input.mode === 'emoji' ? [emoji] : []);
    };
    await store.getState().warm();
    expect(fake.callsTo('workspaces.list').map((c) => c.mode).sort()).toEqual(['business', 'emoji', 'pixel', 'uiux', 'vector']);
    expect(list('pixel')).toMatchObject({ status: 'ready', items: [{ name: 'Dungeon' }, { name: 'Knights' }] });
    expect(active('pixel')?.name).toBe('Knights');
    expect(active('emoji')?.name).toBe('Faces');
    // Nothing chosen by the user: nothing written to settings.
    expect(remembered).toEqual({ pixel: pixel[0]!.id });
    // A failed list is the studio's to report, when it is opened.
    expect(list('business').status).toBe('idle');
    expect(toasts).toEqual([]);
    // Lists already held are not asked again; the one that failed is.
    await store.getState().warm();
    expect(fake.callsTo('workspaces.list').slice(5).map((c) => c.mode)).toEqual(['business']);
  });

  it('a studio opened after warming shows its workspace while its own fresh list is on the way', async () => {
    const knights = aWorkspace({ name: 'Knights' });
    fake.handlers['workspaces.list'] = () => ok([knights]);
    await store.getState().warm();
    const pending = deferred<Result<Workspace[]>>();
    fake.handlers['workspaces.list'] = () => pending.promise;
    const shownBefore = list('pixel');
    const loading = store.getState().load('pixel');
    // Shown as it is while the fresh list is on the way (no 'loading' flip re-rendering the studio).
    expect(list('pixel')).toBe(shownBefore);
    expect(active('pixel')?.name).toBe('Knights');
    pending.resolve(ok([{ ...knights }]));
    await loading;
    // The same workspace, as a new object from the core: nothing changes in the store.
    expect(list('pixel')).toBe(shownBefore);
    expect(remembered['pixel']).toBe(knights.id);
  });

  it('a studio load that starts while warming wins over the warm answer', async () => {
    const slow = deferred<Result<Workspace[]>>();
    const fresh = aWorkspace({ name: 'Fresh' });
    fake.handlers['workspaces.list'] = (input) => (input.mode === 'pixel' ? slow.promise : ok([]));
    const warming = store.getState().warm();
    fake.handlers['workspaces.list'] = () => ok([fresh]);
    await store.getState().load('pixel');
    slow.resolve(ok([aWorkspace({ name: 'Stale' })]));
    await warming;
    expect(list('pixel').items.map((w) => w.name)).toEqual(['Fresh']);
  });
});

describe('load', () => {
  it('sorts the list and opens the remembered workspace', async () => {
    const zed = aWorkspace({ name: 'Zed' });
    const alpha = aWorkspace({ name: 'alpha' });
    fake.handlers['workspaces.list'] = () => ok([zed, alpha]);
    remembered.pixel = zed.id;

    await store.getState().load('pixel');

    expect(fake.callsTo('workspaces.list')).toEqual([{ mode: 'pixel' }]);
    expect(list().status).toBe('ready');
    expect(list().items.map((w) => w.name)).toEqual(['alpha', 'Zed']);
    expect(active()?.id).toBe(zed.id);
  });

  it('falls back to the first workspace when the remembered one is gone, and remembers that', async () => {
    const only = aWorkspace({ name: 'Only' });
    fake.handlers['workspaces.list'] = () => ok([only]);
    remembered.pixel = 'removed-elsewhere';

    await store.getState().load('pixel');

    expect(active()?.id).toBe(only.id);
    expect(remembered.pixel).toBe(only.id);
  });

  it('has no active workspace when the mode has none, and forgets the remembered one', async () => {
    fake.handlers['workspaces.list'] = () => ok([]);
    remembered.pixel = 'stale';

    await store.getState().load('pixel');

    expect(active()).toBeNull();
    expect(store.getState().active.pixel).toBeNull();
    expect(remembered.pixel).toBeUndefined();
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    const slow = deferred<Result<Workspace[]>>();
    const old = aWorkspace({ name: 'Old' });
    const fresh = aWorkspace({ name: 'Fresh' });
    let call = 0;
    fake.handlers['workspaces.list'] = () => (++call === 1 ? slow.promise : ok([fresh]));

    const first = store.getState().load('pixel');
    await store.getState().load('pixel');
    slow.resolve(ok([old]));
    await first;

    expect(list().items.map((w) => w.name)).toEqual(['Fresh']);
  });

  it('keeps the items while reloading, so the picker does not flash empty', async () => {
    const w = aWorkspace();
    fake.handlers['workspaces.list'] = () => ok([w]);
    await store.getState().load('pixel');
    const pending = deferred<Result<Workspace[]>>();
    fake.handlers['workspaces.list'] = () => pending.promise;

    const reload = store.getState().load('pixel');
    // A list on screen stays 'ready' while it is refreshed (no flash, no re-render).
    expect(list()).toMatchObject({ status: 'ready', items: [w] });
    const renamed = { ...w, name: 'Renamed', updatedAt: w.updatedAt + 1 };
    pending.resolve(ok([renamed]));
    await reload;
    expect(list()).toMatchObject({ status: 'ready', items: [renamed] });
  });

  it('a list that failed to load shows loading again when asked once more', async () => {
    fake.handlers['workspaces.list'] = () => ({ ok: false, error: { code: 'internal', message: 'Database is locked.' } });
    await store.getState().load('pixel');
    const pending = deferred<Result<Workspace[]>>();
    fake.handlers['workspaces.list'] = () => pending.promise;
    const retry = store.getState().load('pixel');
    expect(list().status).toBe('loading');
    pending.resolve(ok([]));
    await retry;
    expect(list().status).toBe('ready');
  });

  it('reports a failure as an error state and a toast', async () => {
    fake.handlers['workspaces.list'] = () => ({ ok: false, error: { code: 'internal', message: 'Database is locked.' } });

    const result = await store.getState().load('pixel');

    expect(result.ok).toBe(false);
    expect(list()).toMatchObject({ status: 'error', error: { message: 'Database is locked.' } });
    expect(toasts).toEqual([{ tone: 'error', title: 'Workspaces could not be loaded', message: 'Database is locked.' }]);
  });
});

describe('create', () => {
  it('adds the workspace, opens it and remembers it; the folder is left to the core unless chosen', async () => {
    const created = aWorkspace({ name: 'Dungeon Tiles' });
    fake.handlers['workspaces.list'] = () => ok([]);
    fake.handlers['workspaces.create'] = () => ok(created);
    await store.getState().load('pixel');

    const result = await store.getState().create({ mode: 'pixel', name: 'Dungeon Tiles' });

    expect(result).toEqual(ok(created));
    expect(fake.callsTo('workspaces.create')).toEqual([{ mode: 'pixel', name: 'Dungeon Tiles' }]);
    expect(list().items).toEqual([created]);
    expect(active()).toEqual(created);
    expect(remembered.pixel).toBe(created.id);
  });

  it('passes a chosen folder through', async () => {
    fake.handlers['workspaces.create'] = () => ok(aWorkspace());
    await store.getState().create({ mode: 'pixel', name: 'X', folder: '/data/x' });
    expect(fake.callsTo('workspaces.create')).toEqual([{ mode: 'pixel', name: 'X', folder: '/data/x' }]);
  });

  it('returns a refusal to the form without toasting it or touching the list', async () => {
    const refusal = { code: 'conflict', message: 'This folder is not empty.', field: 'folder' } as const;
    fake.handlers['workspaces.create'] = () => ({ ok: false, error: refusal });

    const result = await store.getState().create({ mode: 'pixel', name: 'Clash', folder: '/occupied' });

    expect(result).toEqual({ ok: false, error: refusal });
    expect(toasts).toEqual([]);
    expect(list().items).toEqual([]);
    expect(active()).toBeNull();
  });
});

describe('rename, remove, reveal', () => {
  let a: Workspace;
  let b: Workspace;
  beforeEach(async () => {
    a = aWorkspace({ name: 'A' });
    b = aWorkspace({ name: 'B' });
    fake.handlers['workspaces.list'] = () => ok([a, b]);
    await store.getState().load('pixel');
  });

  it('rename replaces the workspace and re-sorts', async () => {
    fake.handlers['workspaces.update'] = ({ name }) => ok({ ...a, name: name ?? a.name });
    await store.getState().rename(a, 'C');
    expect(fake.callsTo('workspaces.update')).toEqual([{ id: a.id, name: 'C' }]);
    expect(list().items.map((w) => w.name)).toEqual(['B', 'C']);
  });

  it('removing the open workspace opens the next one and says the folder was kept', async () => {
    fake.handlers['workspaces.remove'] = () => ok({ removed: a, filesTrashed: false });
    expect(active()?.id).toBe(a.id);

    await store.getState().remove(a, false);

    expect(fake.callsTo('workspaces.remove')).toEqual([{ id: a.id, deleteFiles: false }]);
    expect(list().items).toEqual([b]);
    expect(active()?.id).toBe(b.id);
    expect(remembered.pixel).toBe(b.id);
    expect(toasts).toEqual([
      { tone: 'success', message: 'Removed “A” from the library. Its folder was kept.', action: { label: 'Undo', run: expect.any(Function) } },
    ]);
  });

  it('Undo re-attaches the kept folder and opens it again', async () => {
    fake.handlers['workspaces.remove'] = () => ok({ removed: a, filesTrashed: false });
    fake.handlers['workspaces.attach'] = () => ok(a);
    await store.getState().remove(a, false);
    toasts[0]?.action?.run();
    await vi.waitFor(() => expect(list().items).toEqual([a, b]));
    expect(fake.callsTo('workspaces.attach')).toEqual([{ folder: a.folder, mode: 'pixel' }]);
    expect(active()?.id).toBe(a.id);
  });

  it('a failed Undo says why', async () => {
    fake.handlers['workspaces.attach'] = () => ({ ok: false, error: { code: 'not_found', message: 'This folder does not exist.', field: 'folder' } });
    await store.getState().restore(a);
    expect(toasts).toEqual([{ tone: 'error', title: '“A” could not be restored', message: 'This folder does not exist.' }]);
  });

  it('says so when the folder went to the trash', async () => {
    fake.handlers['workspaces.remove'] = () => ok({ removed: b, filesTrashed: true });
    await store.getState().remove(b, true);
    expect(fake.callsTo('workspaces.remove')).toEqual([{ id: b.id, deleteFiles: true }]);
    expect(toasts[0]?.message).toBe('Removed “B” and moved its folder to the trash.');
    expect(toasts[0]?.action).toBeUndefined();
    expect(active()?.id).toBe(a.id);
  });

  it('a failed remove keeps the list and shows the message', async () => {
    fake.handlers['workspaces.remove'] = () => ({ ok: false, error: { code: 'io_failed', message: 'Permission denied.' } });
    await store.getState().remove(a, true);
    expect(list().items).toEqual([a, b]);
    expect(toasts).toEqual([{ tone: 'error', title: '“A” was not removed', message: 'Permission denied.' }]);
  });

  it('select ignores ids that are not in the list', () => {
    store.getState().select('pixel', b.id);
    expect(active()?.id).toBe(b.id);
    store.getState().select('pixel', 'nope');
    expect(active()?.id).toBe(b.id);
  });

  it('reveal reports a failure as a toast', async () => {
    fake.handlers['workspaces.reveal'] = () => ({ ok: false, error: { code: 'not_found', message: 'The folder is gone.' } });
    await store.getState().reveal(a);
    expect(fake.callsTo('workspaces.reveal')).toEqual([{ id: a.id }]);
    expect(toasts).toEqual([{ tone: 'error', title: 'Folder not shown', message: 'The folder is gone.' }]);
  });
});

describe('attach', () => {
  it('a dismissed folder dialog is quiet and attaches nothing', async () => {
    fake.handlers['workspaces.chooseFolder'] = () => ({ ok: false, error: { code: 'cancelled', message: 'Dismissed.' } });
    const result = await store.getState().attach('pixel');
    expect(result.ok).toBe(false);
    expect(fake.callsTo('workspaces.attach')).toEqual([]);
    expect(toasts).toEqual([]);
  });

  it('attaches the chosen folder to the studio’s mode and opens it', async () => {
    const attached = aWorkspace({ name: 'Found' });
    fake.handlers['workspaces.chooseFolder'] = () => ok({ folder: '/drive/Found' });
    fake.handlers['workspaces.attach'] = () => ok(attached);

    await store.getState().attach('pixel', '/old/place');

    expect(fake.callsTo('workspaces.chooseFolder')).toEqual([{ purpose: 'attach', defaultPath: '/old/place' }]);
    expect(fake.callsTo('workspaces.attach')).toEqual([{ folder: '/drive/Found', mode: 'pixel' }]);
    expect(active()).toEqual(attached);
  });

  it('a refused folder (another mode’s workspace) is shown as a toast', async () => {
    fake.handlers['workspaces.chooseFolder'] = () => ok({ folder: '/drive/Brand' });
    fake.handlers['workspaces.attach'] = () => ({
      ok: false,
      error: { code: 'mode_immutable', message: 'This folder is a Business workspace.' },
    });
    await store.getState().attach('pixel');
    expect(toasts).toEqual([{ tone: 'error', title: 'Folder not attached', message: 'This folder is a Business workspace.' }]);
  });
});

describe('folder helpers', () => {
  it('suggestFolder and chooseFolder unwrap the folder', async () => {
    fake.handlers['workspaces.suggestFolder'] = ({ name }) => ok({ folder: `/home/me/WokGen/pixel/${name}` });
    fake.handlers['workspaces.chooseFolder'] = () => ok({ folder: '/picked' });
    expect(await store.getState().suggestFolder('pixel', 'Tiles')).toEqual(ok('/home/me/WokGen/pixel/Tiles'));
    expect(await store.getState().chooseFolder('create')).toEqual(ok('/picked'));
    expect(fake.callsTo('workspaces.chooseFolder')).toEqual([{ purpose: 'create' }]);
  });
});

describe('workspaces.changed', () => {
  it('reloads modes already loaded, leaves the others, and stops when unsubscribed', async () => {
    const listFor = vi.fn((input: { mode: ModeId }) => ok([aWorkspace({ mode: input.mode })]));
    fake.handlers['workspaces.list'] = listFor;
    await store.getState().load('pixel');
    const stop = store.getState().start();

    fake.emit('workspaces.changed', { mode: 'pixel' });
    fake.emit('workspaces.changed', { mode: 'emoji' });
    await flush();
    expect(listFor.mock.calls.map(([input]) => input.mode)).toEqual(['pixel', 'pixel']);

    stop();
    expect(fake.listenerCount('workspaces.changed')).toBe(0);
  });
});
