import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../shared/ipc/contract';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../shared/ipc/names';
import { events } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/errors';
import { silentLogger } from '../ports';
import { TestCore } from '../testing/test-core';
import { dispatch, type CoreHandlers } from './dispatch';

let t: TestCore;
beforeAll(() => {
  t = new TestCore();
});
afterAll(() => t.dispose());

describe('the contract and its name lists', () => {
  it('lists every channel and event exactly once (the preload is built from these lists)', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(channels).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });

  it('names every channel <domain>.<action>', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('has a handler for every channel in the core', () => {
    expect(Object.keys(t.core.handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});

describe('dispatch rejects malformed payloads on every channel', () => {
  for (const channel of CHANNEL_NAMES) {
    it(`${channel}: an unknown field is named`, async () => {
      const result = await t.call(channel, { definitelyNotAField: true });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      // Either the unknown field, or a required field that is missing — never anonymous.
      expect(result.error.field).toMatch(/^[A-Za-z][A-Za-z.]*$/);
    });

    it(`${channel}: a non-object payload is refused`, async () => {
      const result = await t.call(channel, 'rm -rf /');
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });
  }

  it('refuses channels outside the contract', async () => {
    expect(await t.call('shell.exec', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('dispatch turns failures into values', () => {
  const base = { log: silentLogger, validateOutput: true } as const;
  const handlersWith = (impl: Partial<CoreHandlers>): CoreHandlers => ({ ...t.core.handlers, ...impl });

  it('passes AppFailure through as its typed error', async () => {
    const handlers = handlersWith({ 'app.info': () => { throw new AppFailure('not_found', 'Gone.', 'id'); } });
    expect(await dispatch(handlers, 'app.info', {}, base)).toEqual({ ok: false, error: { code: 'not_found', message: 'Gone.', field: 'id' } });
  });

  it('hides unexpected errors behind an internal error and logs them', async () => {
    const logged: unknown[] = [];
    const log = { ...silentLogger, error: (m: string, d?: Record<string, unknown>) => void logged.push([m, d]) };
    const handlers = handlersWith({ 'app.info': () => { throw new Error('secret stack detail'); } });
    const result = await dispatch(handlers, 'app.info', {}, { log, validateOutput: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret stack detail');
    expect(logged).toHaveLength(1);
  });

  it('catches a handler answering outside the contract', async () => {
    const handlers = handlersWith({ 'settings.get': () => ({ theme: 'neon' }) as never });
    expect(await dispatch(handlers, 'settings.get', {}, base)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('app channels', () => {
  it('opens only https links, in the system browser', async () => {
    expect(await t.call('app.openExternal', { url: 'https://wokgen.dev/pricing' })).toEqual({ ok: true, value: { opened: true } });
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com', 'not a url']) {
      expect(await t.call('app.openExternal', { url })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'url' } });
    }
    expect(t.opened).toEqual(['https://wokgen.dev/pricing']);
  });

  it('reports a cancelled folder dialog as a `cancelled` value', async () => {
    t.nextFolder = null;
    expect(await t.call('workspaces.chooseFolder', { purpose: 'attach' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    t.nextFolder = '/tmp/somewhere';
    expect(await t.call('workspaces.chooseFolder', { purpose: 'create' })).toEqual({ ok: true, value: { folder: '/tmp/somewhere' } });
  });

  it('settings update validates, replaces the fields given and emits settings.changed', async () => {
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const updated = await t.call('settings.update', { theme: 'light', lastWorkspace: { pixel: a, emoji: b } });
    expect(updated).toMatchObject({ ok: true, value: { theme: 'light', lastWorkspace: { pixel: a, emoji: b } } });
    await t.call('settings.update', { lastWorkspace: { emoji: b } });
    expect(await t.call('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'light', lastWorkspace: { emoji: b } } });
    expect(await t.call('settings.update', { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'theme' } });
    expect(await t.call('settings.update', { workspacesRoot: 'relative/dir' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'workspacesRoot' } });
    expect(await t.call('settings.update', { lastWorkspace: { pixel: 'x'.repeat(10_000) } })).toMatchObject({ ok: false, error: { field: 'lastWorkspace.pixel' } });
    expect(t.events.some((e) => e.event === 'settings.changed')).toBe(true);
  });

  it('library channels answer not_found for an unknown workspace', async () => {
    const id = crypto.randomUUID();
    expect(await t.call('library.assets', { workspaceId: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.call('library.searchJobs', { workspaceId: id, query: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.call('library.facets', { workspaceId: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const channel of ['library.delete', 'library.restore'] as const) {
      expect(await t.call(channel, { workspaceId: id, assetIds: ['a'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await t.call('library.star', { workspaceId: id, assetIds: ['a'], starred: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.call('library.reveal', { assetId: 'no-such-asset' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'assetId' } });
    expect(await t.call('library.startDrag', { assetId: 'no-such-asset' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'assetId' } });
    expect(await t.call('library.delete', { workspaceId: id, assetIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Select at least one asset.' } });
  });
});

describe('generation channels', () => {
  it('describes each mode for the studio', async () => {
    const spec = await t.call('modes.spec', { mode: 'pixel' });
    expect(spec).toMatchObject({ ok: true, value: { mode: 'pixel', defaultTool: 'generate', sizes: { min: 32, max: 512 } } });
    if (spec.ok) expect((spec.value as { presets: unknown[] }).presets).toHaveLength(18);
  });

  it('previews the prompt without a provider and says what to set up; generating says the same, creating nothing', async () => {
    const ws = await t.call('workspaces.create', { name: 'Gen', mode: 'pixel' });
    if (!ws.ok) throw new Error('workspace');
    const workspaceId = (ws.value as { id: string }).id;
    const request = { mode: 'pixel', workspaceId, prompt: 'a red potion, photorealistic', preset: 'rpg_icon' };
    const preview = await t.call('generation.preview', request);
    expect(preview.ok).toBe(true);
    if (preview.ok) {
      const value = preview.value as { prompt: string; chain: unknown[]; warnings: string[] };
      expect(value.prompt).toMatch(/red potion/);
      expect(value.prompt).not.toMatch(/photorealistic/i);
      expect(value.chain).toEqual([]);
      expect(value.warnings.join(' ')).toMatch(/Settings → Providers/);
    }
    expect(await t.call('generation.generate', request)).toMatchObject({ ok: false, error: { code: 'no_provider' } });
    expect(await t.call('jobs.list', { workspaceId })).toEqual({ ok: true, value: [] });
  });

  it('refuses bad generation input with the field named', async () => {
    const ws = await t.call('workspaces.create', { name: 'Gen2', mode: 'emoji' });
    if (!ws.ok) throw new Error('workspace');
    const workspaceId = (ws.value as { id: string }).id;
    expect(await t.call('generation.generate', { mode: 'emoji', workspaceId, prompt: 'smile', size: 9999 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'size' } });
    expect(await t.call('generation.generate', { mode: 'pixel', workspaceId, prompt: 'a sword' })).toMatchObject({ ok: false, error: { field: 'mode' } });
    expect(await t.call('generation.generate', { mode: 'emoji', workspaceId, prompt: 'smile', batch: 9 })).toMatchObject({ ok: false, error: { field: 'batch' } });
    expect(await t.call('jobs.get', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'jobId' } });
    expect(await t.call('generation.cancel', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
