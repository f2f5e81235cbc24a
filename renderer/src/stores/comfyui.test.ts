import { describe, expect, it } from 'vitest';
import type { ComfyUiStatus, UserWorkflowSummary } from '../../../shared/comfyui';
import { createFakeWokgen, flush, ok } from '../testing/fakeWokgen';
import { createComfyUiStore, describeComfyUi } from './comfyui';
import type { ToastInput } from './toasts';

const status = (overrides: Partial<ComfyUiStatus> = {}): ComfyUiStatus => ({
  state: 'connected',
  url: 'http://127.0.0.1:8188',
  probed: ['http://127.0.0.1:8188'],
  version: '0.3.64',
  os: 'posix',
  devices: [{ name: 'cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync', type: 'cuda', vramTotal: 24 * 1024 ** 3, vramFree: 20 * 1024 ** 3 }],
  checkpoints: ['a.safetensors'],
  samplers: ['euler'],
  schedulers: ['normal'],
  reason: null,
  checkedAt: 1,
  token: { configured: false, last4: null },
  ...overrides,
});

const workflow: UserWorkflowSummary = { mode: 'pixel', name: 'Mine', placeholders: ['prompt', 'seed'], nodes: 7, savedAt: 1 };

describe('describeComfyUi', () => {
  it('connected: version, the GPU without the device prefix, VRAM, checkpoints', () => {
    expect(describeComfyUi(status())).toEqual({ tone: 'success', label: 'ComfyUI 0.3.64', detail: 'NVIDIA GeForce RTX 4090 · 24 GB · 1 checkpoint · http://127.0.0.1:8188' });
  });
  it('unusable and not found carry the reason', () => {
    expect(describeComfyUi(status({ state: 'unusable', reason: 'No checkpoint.' }))).toMatchObject({ tone: 'warning', detail: 'No checkpoint.' });
    expect(describeComfyUi(status({ state: 'not_found', reason: 'Not running.' }))).toMatchObject({ label: 'ComfyUI: not found', detail: 'Not running.' });
    expect(describeComfyUi(null).label).toBe('ComfyUI: checking…');
  });
});

describe('comfyui store', () => {
  it('loads status and workflows, then follows comfyui.status events', async () => {
    const fake = createFakeWokgen({ 'comfyui.status': () => ok(status()), 'comfyui.listWorkflows': () => ok([workflow]) });
    const store = createComfyUiStore({ api: fake.api, notify: () => 0 });
    const stop = store.getState().start();
    await flush();
    expect(store.getState()).toMatchObject({ status: { state: 'connected' }, workflows: [workflow] });
    fake.emit('comfyui.status', status({ state: 'not_found', reason: 'gone' }));
    expect(store.getState().status?.state).toBe('not_found');
    stop();
  });

  it('keeps the validation issues of a refused import and saves an accepted one', async () => {
    const refused = { ok: false, issues: [{ nodeId: '9', classType: 'X', input: null, message: 'Node 9 (X): no such class.' }], placeholders: [] };
    const fake = createFakeWokgen({ 'comfyui.saveWorkflow': () => ok({ validation: refused, saved: null, replaced: null }) });
    const toasts: ToastInput[] = [];
    const store = createComfyUiStore({ api: fake.api, notify: (t) => (toasts.push(t), 0) });
    await store.getState().importWorkflow('pixel', 'Mine', '{}');
    expect(store.getState().validation).toEqual({ mode: 'pixel', result: refused });
    expect(store.getState().workflows).toEqual([]);
    fake.handlers['comfyui.saveWorkflow'] = () => ok({ validation: { ok: true, issues: [], placeholders: ['prompt'] }, saved: workflow, replaced: null });
    await store.getState().importWorkflow('pixel', 'Mine', '{}');
    expect(store.getState().workflows).toEqual([workflow]);
    expect(toasts.at(-1)).toMatchObject({ tone: 'success' });
  });

  it('importing over an existing workflow offers Undo, which saves the replaced one again', async () => {
    const fake = createFakeWokgen({
      'comfyui.saveWorkflow': () => ok({ validation: { ok: true, issues: [], placeholders: ['prompt'] }, saved: { ...workflow, name: 'Newer' }, replaced: { name: 'Mine', text: '{"1":{}}' } }),
    });
    const toasts: ToastInput[] = [];
    const store = createComfyUiStore({ api: fake.api, notify: (t) => (toasts.push(t), 0) });
    await store.getState().importWorkflow('pixel', 'Newer', '{"2":{}}');
    expect(toasts.at(-1)).toMatchObject({ tone: 'success', message: '“Newer” replaced “Mine” as the pixel workflow.' });
    fake.handlers['comfyui.saveWorkflow'] = () => ok({ validation: { ok: true, issues: [], placeholders: ['prompt'] }, saved: workflow, replaced: { name: 'Newer', text: '{"2":{}}' } });
    toasts.at(-1)?.action?.run();
    await flush();
    expect(fake.callsTo('comfyui.saveWorkflow').at(-1)).toEqual({ mode: 'pixel', name: 'Mine', text: '{"1":{}}' });
    expect(store.getState().workflows).toEqual([workflow]);
  });

  it('removing a workflow offers Undo, which saves the same text again', async () => {
    const fake = createFakeWokgen({
      'comfyui.removeWorkflow': () => ok({ removed: workflow, text: '{"1":{}}' }),
      'comfyui.saveWorkflow': () => ok({ validation: { ok: true, issues: [], placeholders: ['prompt'] }, saved: workflow, replaced: null }),
    });
    const toasts: ToastInput[] = [];
    const store = createComfyUiStore({ api: fake.api, notify: (t) => (toasts.push(t), 0) });
    await store.getState().removeWorkflow('pixel');
    const undo = toasts.at(-1)?.action;
    expect(undo?.label).toBe('Undo');
    undo?.run();
    await flush();
    expect(fake.callsTo('comfyui.saveWorkflow')).toEqual([{ mode: 'pixel', name: 'Mine', text: '{"1":{}}' }]);
    expect(store.getState().workflows).toEqual([workflow]);
  });
});
