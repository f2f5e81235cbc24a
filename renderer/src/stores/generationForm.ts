/**
 * The generation form of one studio: the values the user set, the request they make, the
 * final-prompt preview (asked for ~250 ms after the last change) and the errors to show
 * next to each field. One store per mode, so switching studios keeps each form as it was.
 */
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import { GenerateRequestSchema, MODE_SPECS, type GenerateRequestInput } from '../../../shared/generation';
import type { WokgenApi } from '../../../shared/ipc/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Asset, Job } from '../../../shared/library';
import type { ToolSpec } from '../../../shared/mode-spec';
import type { ModeId } from '../../../shared/modes';

export type GenerationPreview = ChannelOutput<'generation.preview'>;
export type ImportSource = ChannelInput<'assets.importImage'>['source'];

export interface FormValues {
  readonly tool: string;
  readonly preset: string;
  readonly prompt: string;
  readonly negativePrompt: string;
  readonly batch: number;
  readonly size: number;
  /** As typed; empty = a random seed. */
  readonly seed: string;
  /** Keep the seed for the next runs; unlocked, the field clears after a run. */
  readonly seedLocked: boolean;
  readonly hd: boolean;
  /** Provider override; '' = automatic (the routing table's fallback chain). */
  readonly provider: string;
  /** For tools that start from an image: an image asset of this workspace. */
  readonly inputAssetId: string | null;
  /** For inpaint: the painted mask as PNG base64 (white = repaint), the input image's size. */
  readonly maskPngBase64: string | null;
  /** The mode's own controls; keys left out take the schema's defaults. */
  readonly controls: Readonly<Record<string, unknown>>;
}

export type FieldErrors = Readonly<Record<string, string>>;

export type ChainEntry = GenerationPreview['chain'][number];

export interface PreviewState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly value: GenerationPreview | null;
  readonly error: AppError | null;
  /**
   * The automatic fallback chain for these values (the providers that can do this job now),
   * asked for without the override so the override select can offer them.
   */
  readonly autoChain: ReadonlyArray<ChainEntry>;
}

export interface GenerationFormState {
  readonly mode: ModeId;
  readonly workspaceId: string | null;
  readonly values: FormValues;
  /** Errors from the last submit (the core's answer), by field; cleared when that field changes. */
  readonly submitErrors: FieldErrors;
  /** An error with no field (e.g. `no_provider`), shown as the form's alert. */
  readonly formError: AppError | null;
  readonly submitting: boolean;
  readonly preview: PreviewState;
  /** The seed the last submitted job runs with (the pipeline picks one when the field is empty). */
  readonly lastSeed: number | null;
  /** Puts `seed` in the field and locks it, so the next runs reuse it. */
  lockSeed(seed: number): void;
  /** True while an image from disk is being imported for the input. */
  readonly importing: boolean;
  /**
   * The picked input image itself (not only its id): it stays shown when it is not on the
   * gallery's current (filtered) page. Null when nothing is picked.
   */
  readonly inputAsset: Asset | null;
  /** Picks an image of the workspace as the input (null removes it); the mask starts over. */
  pickInput(asset: Asset | null): void;
  /**
   * Imports an image from disk (main's open dialog, or a dropped file's bytes) into the
   * workspace and picks it as the input; returns the new asset, or null (cancelled or refused:
   * the reason shows next to the picker).
   */
  importInput(source: ImportSource): Promise<Asset | null>;
  setWorkspace(workspaceId: string | null): void;
  set<K extends keyof FormValues>(key: K, value: FormValues[K]): void;
  setControl(key: string, value: unknown): void;
  setTool(tool: string): void;
  /** Picks a preset; `fillExample` fills the prompt with its example. */
  setPreset(preset: string): void;
  fillExample(): void;
  /** Submits the request; returns the job, or null when the form was invalid or the core said no. */
  generate(): Promise<Job | null>;
  /** Asks for the preview now (the debounced path calls this). */
  refreshPreview(): Promise<void>;
}

export interface GenerationFormDeps {
  readonly api: WokgenApi;
  readonly mode: ModeId;
  readonly submit: (request: GenerateRequestInput) => Promise<Result<Job>>;
  readonly debounceMs?: number;
}

export const PREVIEW_DEBOUNCE_MS = 250;

export function defaultValues(mode: ModeId): FormValues {
  const spec = MODE_SPECS[mode];
  return {
    tool: spec.defaultTool,
    preset: spec.defaultPreset,
    prompt: '',
    negativePrompt: '',
    batch: 1,
    size: spec.sizes.default,
    seed: '',
    seedLocked: false,
    hd: false,
    provider: '',
    inputAssetId: null,
    maskPngBase64: null,
    controls: {},
  };
}

export function toolOf(mode: ModeId, toolId: string): ToolSpec | undefined {
  return MODE_SPECS[mode].tools.find((tool) => tool.id === toolId);
}

/** The seed as typed: empty = null (random); anything else must be a whole number. */
export function parseSeed(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}

export function buildRequest(mode: ModeId, workspaceId: string, values: FormValues): GenerateRequestInput {
  const seed = parseSeed(values.seed);
  return {
    mode,
    workspaceId,
    tool: values.tool,
    preset: values.preset,
    prompt: values.prompt,
    negativePrompt: values.negativePrompt,
    batch: values.batch,
    size: values.size,
    seed: seed === 'invalid' ? Number.NaN : seed,
    hd: values.hd,
    ...(values.provider === '' ? {} : { provider: values.provider }),
    ...(values.inputAssetId === null ? {} : { inputAssetId: values.inputAssetId }),
    ...(values.maskPngBase64 === null ? {} : { maskPngBase64: values.maskPngBase64 }),
    controls: { ...values.controls },
  } as GenerateRequestInput;
}

/** Field errors the schema finds in the request, by dotted path (first message per field). */
export function validateRequest(request: GenerateRequestInput): FieldErrors {
  const parsed = GenerateRequestSchema.safeParse(request);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    errors[field] ??= field === 'seed' ? 'Seed must be a whole number, or empty for a random one.' : issue.message;
  }
  return errors;
}

/** Every problem that stops a submit: the schema's, plus an empty prompt. */
export function formErrors(mode: ModeId, workspaceId: string | null, values: FormValues): FieldErrors {
  const errors: Record<string, string> = { ...validateRequest(buildRequest(mode, workspaceId ?? '', values)) };
  if (workspaceId === null) errors.workspaceId = 'Choose a workspace first.';
  else if (errors.workspaceId !== undefined) errors.workspaceId = 'Choose a workspace first.';
  if (values.prompt.trim() === '') errors.prompt ??= 'Describe what to make.';
  return errors;
}

/** Any well-formed id: checks that only concern the other fields need one. */
const SOME_WORKSPACE = '00000000-0000-4000-8000-000000000000';

/**
 * Values fitted to a newly picked tool: the batch within the tool's limits (a pack or a
 * brand kit needs two or more), and controls the tool does not accept back to their default.
 */
export function adaptToTool(mode: ModeId, values: FormValues, tool: ToolSpec): FormValues {
  let next: FormValues = {
    ...values,
    batch: Math.min(values.batch, tool.maxBatch),
    // The picked image stays for the next image tool; a mask belongs to inpaint alone.
    inputAssetId: tool.input === 'none' ? null : values.inputAssetId,
    maskPngBase64: tool.input === 'image+mask' ? values.maskPngBase64 : null,
  };
  const errors = validateRequest(buildRequest(mode, SOME_WORKSPACE, next));
  const controls: Record<string, unknown> = { ...next.controls };
  let dropped = false;
  for (const field of Object.keys(errors)) {
    if (field.startsWith('controls.')) {
      delete controls[field.slice('controls.'.length)];
      dropped = true;
    }
  }
  if (dropped) next = { ...next, controls };
  for (let batch = next.batch; errors.batch !== undefined && batch <= tool.maxBatch; batch += 1) {
    if (validateRequest(buildRequest(mode, SOME_WORKSPACE, { ...next, batch })).batch === undefined) {
      next = { ...next, batch };
      break;
    }
  }
  return next;
}

/** Which submit errors a change to `key` makes stale. */
const clearsField = (errors: FieldErrors, field: string): FieldErrors => {
  const next: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) if (key !== field && !key.startsWith(`${field}.`)) next[key] = message;
  return next;
};

export function createGenerationFormStore({ api, mode, submit, debounceMs = PREVIEW_DEBOUNCE_MS }: GenerationFormDeps) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticket = 0;

  return create<GenerationFormState>()((set, get) => {
    const schedulePreview = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void get().refreshPreview();
      }, debounceMs);
    };

    const change = (values: FormValues, field: string): void => {
      set((s) => ({ values, submitErrors: clearsField(s.submitErrors, field), formError: null }));
      schedulePreview();
    };

    return {
      mode,
      workspaceId: null,
      values: defaultValues(mode),
      submitErrors: {},
      formError: null,
      submitting: false,
      preview: { status: 'idle', value: null, error: null, autoChain: [] },
      lastSeed: null,
      importing: false,
      inputAsset: null,

      pickInput(asset) {
        set({ inputAsset: asset });
        change({ ...get().values, inputAssetId: asset?.id ?? null, maskPngBase64: null }, 'inputAssetId');
      },

      async importInput(source) {
        const { workspaceId, importing } = get();
        if (workspaceId === null || importing) return null;
        set({ importing: true });
        const result = await api.assets.importImage({ workspaceId, source });
        set({ importing: false });
        if (!result.ok) {
          // Closing the dialog is not an error worth a message.
          if (result.error.code !== 'cancelled') set((s) => ({ submitErrors: { ...s.submitErrors, inputAssetId: result.error.message } }));
          return null;
        }
        get().pickInput(result.value);
        return result.value;
      },

      lockSeed(seed) {
        change({ ...get().values, seed: String(seed), seedLocked: true }, 'seed');
      },

      setWorkspace(workspaceId) {
        if (workspaceId === get().workspaceId) return;
        // The picked image and its mask belong to the workspace they came from.
        set((s) => ({ workspaceId, submitErrors: {}, formError: null, inputAsset: null, values: { ...s.values, inputAssetId: null, maskPngBase64: null } }));
        schedulePreview();
      },

      set(key, value) {
        change({ ...get().values, [key]: value }, key);
      },

      setControl(key, value) {
        const controls: Record<string, unknown> = { ...get().values.controls };
        if (value === undefined) delete controls[key];
        else controls[key] = value;
        change({ ...get().values, controls }, `controls.${key}`);
      },

      setTool(toolId) {
        const tool = toolOf(mode, toolId);
        if (tool === undefined) return;
        change(adaptToTool(mode, { ...get().values, tool: toolId }, tool), 'tool');
      },

      setPreset(preset) {
        change({ ...get().values, preset }, 'preset');
      },

      fillExample() {
        const preset = MODE_SPECS[mode].presets.find((p) => p.id === get().values.preset);
        if (preset !== undefined) change({ ...get().values, prompt: preset.example }, 'prompt');
      },

      async generate() {
        const { workspaceId, values, submitting } = get();
        if (submitting) return null;
        const errors = formErrors(mode, workspaceId, values);
        if (workspaceId === null || Object.keys(errors).length > 0) {
          set({ submitErrors: errors });
          return null;
        }
        set({ submitting: true, formError: null, submitErrors: {} });
        const result = await submit(buildRequest(mode, workspaceId, values));
        if (!result.ok) {
          const { field } = result.error;
          set(
            field !== undefined && field !== ''
              ? { submitting: false, submitErrors: { [field]: result.error.message } }
              : { submitting: false, formError: result.error },
          );
          return null;
        }
        set((s) => ({ submitting: false, lastSeed: result.value.seed, values: s.values.seedLocked ? s.values : { ...s.values, seed: '' } }));
        return result.value;
      },

      async refreshPreview() {
        const { workspaceId, values } = get();
        if (workspaceId === null) return;
        const request = buildRequest(mode, workspaceId, values);
        if (values.prompt.trim() === '' || Object.keys(validateRequest(request)).length > 0) {
          // Nothing the core could preview: say so rather than keep an answer about other values.
          ticket += 1;
          set({ preview: { status: 'idle', value: null, error: null, autoChain: [] } });
          return;
        }
        const mine = ++ticket;
        set((s) => ({ preview: { ...s.preview, status: 'loading' } }));
        // With an override, the automatic chain is asked for too: it lists what the override may pick.
        const automatic = values.provider === '' ? null : api.generation.preview(buildRequest(mode, workspaceId, { ...values, provider: '' }));
        const result = await api.generation.preview(request);
        const auto = automatic === null ? null : await automatic;
        if (mine !== ticket) return;
        const autoChain = automatic === null ? (result.ok ? result.value.chain : []) : auto?.ok ? auto.value.chain : [];
        set({
          preview: result.ok
            ? { status: 'ready', value: result.value, error: null, autoChain }
            : { status: 'error', value: null, error: result.error, autoChain },
        });
      },
    };
  });
}

export type GenerationFormStore = ReturnType<typeof createGenerationFormStore>;
