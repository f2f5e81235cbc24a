import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/errors';
import { GenerateRequestSchema, MODE_SPECS, type GenerateRequestInput } from '../../../shared/generation';
import type { Asset, Job } from '../../../shared/library';
import { MODE_IDS, type ModeId } from '../../../shared/modes';
import { createFakeWokgen, ok } from '../testing/fakeWokgen';
import { buildRequest, createGenerationFormStore, defaultValues, formErrors, type GenerationPreview } from './generationForm';

const WS = '00000000-0000-4000-8000-0000000000aa';

const preview: GenerationPreview = {
  prompt: 'pixel art, a lighthouse',
  negativePrompt: 'blurry',
  warnings: [],
  chain: [{ id: 'stub', label: 'Stub', local: true }],
  seeds: [1],
  profile: { steps: 20, guidance: 7, width: 64, height: 64, sampler: 'euler', scheduler: 'normal' },
  tier: 'standard',
};

const job = { id: 'job-1' } as Job;

function setup(mode: ModeId = 'pixel', submit?: (request: GenerateRequestInput) => Promise<Result<Job>>) {
  const fake = createFakeWokgen({ 'generation.preview': () => ok(preview) });
  const submitted: GenerateRequestInput[] = [];
  const store = createGenerationFormStore({
    api: fake.api,
    mode,
    submit:
      submit ??
      ((request) => {
        submitted.push(request);
        return Promise.resolve(ok(job));
      }),
  });
  store.getState().setWorkspace(WS);
  return { fake, store, submitted };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('generation form store', () => {
  it.each(MODE_IDS)('builds a valid %s request from the defaults and a prompt', (mode) => {
    const values = { ...defaultValues(mode), prompt: 'something nice' };
    // Tools that make a set need more than one slot (a brand kit, an emoji pack) are not the default.
    const request = buildRequest(mode, WS, values);
    const parsed = GenerateRequestSchema.safeParse(request);
    expect(parsed.success).toBe(true);
    expect(request).toMatchObject({ mode, workspaceId: WS, tool: MODE_SPECS[mode].defaultTool, seed: null, batch: 1 });
    expect(formErrors(mode, WS, values)).toEqual({});
  });

  it('is invalid without a prompt, a workspace, or with a bad seed', () => {
    expect(formErrors('pixel', WS, defaultValues('pixel'))).toHaveProperty('prompt');
    expect(formErrors('pixel', null, { ...defaultValues('pixel'), prompt: 'x' })).toHaveProperty('workspaceId');
    expect(formErrors('pixel', WS, { ...defaultValues('pixel'), prompt: 'x', seed: 'abc' })).toHaveProperty('seed');
    expect(formErrors('pixel', WS, { ...defaultValues('pixel'), prompt: 'x', size: 9999 })).toHaveProperty('size');
  });

  it('a locked seed is sent and kept; an unlocked one clears after the run', async () => {
    const { store, submitted } = setup();
    store.getState().set('prompt', 'a lighthouse');
    store.getState().set('seed', '42');
    await store.getState().generate();
    expect(submitted[0]?.seed).toBe(42);
    expect(store.getState().values.seed).toBe('');

    store.getState().set('seed', '43');
    store.getState().set('seedLocked', true);
    await store.getState().generate();
    expect(submitted[1]?.seed).toBe(43);
    expect(store.getState().values.seed).toBe('43');
  });

  it('switching tool clamps the batch to the tool’s limit', () => {
    const { store } = setup();
    store.getState().set('batch', 4);
    store.getState().setTool('animate');
    expect(store.getState().values).toMatchObject({ tool: 'animate', batch: 1 });
  });

  it('fits the batch and the controls to a newly picked tool', () => {
    const emoji = setup('emoji').store;
    emoji.getState().setTool('pack');
    expect(emoji.getState().values.batch).toBe(2);

    const business = setup('business').store;
    business.getState().setTool('social');
    business.getState().setControl('aspect', 'og');
    business.getState().setControl('mood', 'bold');
    business.getState().setTool('logo');
    expect(business.getState().values.controls).toEqual({ mood: 'bold' });
  });

  it('fills the prompt with the preset’s example', () => {
    const { store } = setup();
    store.getState().setPreset('rpg_icon');
    store.getState().fillExample();
    expect(store.getState().values.prompt).toBe(MODE_SPECS.pixel.presets.find((p) => p.id === 'rpg_icon')?.example);
  });

  it('debounces the preview: one call 250 ms after the last change', async () => {
    const { store, fake } = setup();
    await vi.advanceTimersByTimeAsync(300);
    const before = fake.callsTo('generation.preview').length;
    store.getState().set('prompt', 'a l');
    store.getState().set('prompt', 'a l');
    await vi.advanceTimersByTimeAsync(200);
    store.getState().set('prompt', 'a lighthouse');
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.callsTo('generation.preview')).toHaveLength(before);
    await vi.advanceTimersByTimeAsync(60);
    const calls = fake.callsTo('generation.preview');
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)).toMatchObject({ mode: 'pixel', prompt: 'a lighthouse', workspaceId: WS });
    expect(store.getState().preview).toEqual({ status: 'ready', value: preview, error: null, autoChain: preview.chain });
  });

  it('asks for no preview while the prompt is empty or a field is invalid, and drops the old one', async () => {
    const { store, fake } = setup();
    await vi.advanceTimersByTimeAsync(300);
    expect(fake.callsTo('generation.preview')).toHaveLength(0);
    store.getState().set('prompt', 'a lighthouse');
    await vi.advanceTimersByTimeAsync(300);
    expect(store.getState().preview.status).toBe('ready');
    store.getState().set('size', 9999);
    await vi.advanceTimersByTimeAsync(300);
    expect(fake.callsTo('generation.preview')).toHaveLength(1);
    expect(store.getState().preview).toEqual({ status: 'idle', value: null, error: null, autoChain: [] });
  });

  it('maps an error with a field next to that field, and clears it when the field changes', async () => {
    const { store } = setup('pixel', () => Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'Too big.', field: 'size' } }));
    store.getState().set('prompt', 'a lighthouse');
    expect(await store.getState().generate()).toBeNull();
    expect(store.getState().submitErrors).toEqual({ size: 'Too big.' });
    expect(store.getState().formError).toBeNull();
    store.getState().set('size', 128);
    expect(store.getState().submitErrors).toEqual({});
  });

  it('shows an error with no field (no provider) as the form’s alert', async () => {
    const error = { code: 'no_provider' as const, message: 'No provider is set up: start ComfyUI or add a key in Settings.' };
    const { store } = setup('pixel', () => Promise.resolve({ ok: false, error }));
    store.getState().set('prompt', 'a lighthouse');
    await store.getState().generate();
    expect(store.getState().formError).toEqual(error);
    expect(store.getState().submitErrors).toEqual({});
  });

  it('does not submit an invalid form and says why', async () => {
    const { store, submitted } = setup();
    expect(await store.getState().generate()).toBeNull();
    expect(submitted).toEqual([]);
    expect(store.getState().submitErrors).toHaveProperty('prompt');
  });
});

describe('generation form: override, seed, image input', () => {
  it('sends the provider override and still knows the automatic chain', async () => {
    const auto = [
      { id: 'comfyui', label: 'ComfyUI', local: true },
      { id: 'together', label: 'Together AI', local: false },
    ];
    const fake = createFakeWokgen({
      'generation.preview': (request) => ok({ ...preview, chain: 'provider' in request && request.provider !== undefined ? [auto[1]!] : auto }),
    });
    const store = createGenerationFormStore({ api: fake.api, mode: 'pixel', submit: () => Promise.resolve(ok(job)) });
    store.getState().setWorkspace(WS);
    store.getState().set('prompt', 'a knight');
    store.getState().set('provider', 'together');
    await vi.advanceTimersByTimeAsync(300);
    expect(store.getState().preview.value?.chain).toEqual([auto[1]]);
    expect(store.getState().preview.autoChain).toEqual(auto);
    expect(buildRequest('pixel', WS, store.getState().values)).toMatchObject({ provider: 'together' });
    expect(buildRequest('pixel', WS, { ...store.getState().values, provider: '' })).not.toHaveProperty('provider');
  });

  it('remembers the seed the run used and can lock it', async () => {
    const { store } = setup('pixel', () => Promise.resolve(ok({ ...job, seed: 4242 })));
    store.getState().set('prompt', 'a knight');
    await store.getState().generate();
    expect(store.getState().lastSeed).toBe(4242);
    expect(store.getState().values.seed).toBe('');
    store.getState().lockSeed(4242);
    expect(store.getState().values).toMatchObject({ seed: '4242', seedLocked: true });
  });

  it('carries the input image and mask only for tools that take them', () => {
    const { store } = setup('pixel');
    store.getState().setTool('inpaint');
    store.getState().set('inputAssetId', 'asset-1');
    store.getState().set('maskPngBase64', 'iVBORw0KGgo=');
    expect(buildRequest('pixel', WS, store.getState().values)).toMatchObject({ inputAssetId: 'asset-1', maskPngBase64: 'iVBORw0KGgo=' });
    store.getState().setTool('rotate');
    expect(store.getState().values).toMatchObject({ inputAssetId: 'asset-1', maskPngBase64: null });
    store.getState().setTool('generate');
    expect(store.getState().values).toMatchObject({ inputAssetId: null, maskPngBase64: null });
  });

  it('forgets the picked image when the workspace changes', () => {
    const { store } = setup('pixel');
    store.getState().setTool('rotate');
    store.getState().set('inputAssetId', 'asset-1');
    store.getState().setWorkspace('00000000-0000-4000-8000-0000000000bb');
    expect(store.getState().values.inputAssetId).toBeNull();
  });
});

describe('generation form: importing the input image', () => {
  it('picks the imported asset as the input, and says why when main refuses the file', async () => {
    const asset = { id: 'imported-1' } as Asset;
    let answer: Result<Asset> = ok(asset);
    const fake = createFakeWokgen({ 'generation.preview': () => ok(preview), 'assets.importImage': () => answer });
    const store = createGenerationFormStore({ api: fake.api, mode: 'pixel', submit: () => Promise.resolve(ok(job)) });
    store.getState().setWorkspace(WS);
    store.getState().setTool('rotate');
    expect(await store.getState().importInput({ from: 'dialog' })).toBe(asset);
    expect(store.getState().values.inputAssetId).toBe('imported-1');
    expect(fake.callsTo('assets.importImage')).toEqual([{ workspaceId: WS, source: { from: 'dialog' } }]);

    answer = { ok: false, error: { code: 'invalid_input', message: 'The file is not a PNG, JPEG, WebP or GIF image.', field: 'file' } };
    expect(await store.getState().importInput({ from: 'bytes', name: 'x.txt', base64: 'eA==' })).toBeNull();
    expect(store.getState().submitErrors.inputAssetId).toBe('The file is not a PNG, JPEG, WebP or GIF image.');

    answer = { ok: false, error: { code: 'cancelled', message: 'No image was chosen.' } };
    store.getState().set('inputAssetId', 'imported-1');
    expect(await store.getState().importInput({ from: 'dialog' })).toBeNull();
    expect(store.getState().submitErrors.inputAssetId).toBeUndefined();
    expect(store.getState().values.inputAssetId).toBe('imported-1');
  });
});
