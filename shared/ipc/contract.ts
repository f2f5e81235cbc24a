/**
 * The IPC contract: every channel the renderer may call and every event main may send,
 * declared once with runtime schemas.
 *
 * - Main validates each payload against `input` before a handler runs (Electron security
 *   checklist #17, "Validate the sender of all IPC messages", and the payload with it).
 * - The preload derives `window.wokgen.<domain>.<action>` from the channel names.
 * - The end-to-end bridge serves the very same contract over a WebSocket.
 *
 * Channel names are `<domain>.<action>`; the domain groups the preload API.
 */
import { z } from 'zod';
import { ComfyUiStatusSchema, ComfyUiTokenSchema, UserWorkflowSummarySchema, WorkflowTextSchema, WorkflowValidationSchema } from '../comfyui';
import { ModeIdSchema, WorkspaceIdSchema, WorkspaceNameSchema, FolderPathSchema, WorkspaceSchema } from '../workspace';
import {
  AssetCursorSchema,
  AssetFacetsSchema,
  AssetFilterSchema,
  AssetPageSchema,
  AssetSchema,
  ASSET_BATCH_MAX,
  GALLERY_PAGE_MAX,
  JobSchema,
} from '../library';
import { SettingsPatchSchema, SettingsSchema } from '../settings';
import {
  ApiKeyInputSchema,
  ConfigurableProviderIdSchema,
  KeyedProviderIdSchema,
  KeyTestResultSchema,
  LocalLlmStatusSchema,
  ProviderConfigPatchSchema,
  ProvidersOverviewSchema,
  ProviderStatusSchema,
} from '../provider-status';
import { GenerateRequestSchema, GenerationPreviewSchema, ModeSpecSchema } from '../generation';
import {
  ExportFormatInfoSchema,
  ExportIdSchema,
  ExportProgressSchema,
  ExportResultSchema,
  ExportRunInputSchema,
  WokpackImportResultSchema,
  WokpackSummarySchema,
} from '../exports';
import { AccountStatusSchema, CreditsDiscrepancySchema, SIGN_IN_FLOWS } from '../hosted-api';

const NoInput = z.object({}).strict();

const AssetIdSchema = z.string().min(1).max(64);
/** The assets a gallery action acts on (one, or the whole selection). */
const AssetSelectionSchema = z
  .object({
    workspaceId: WorkspaceIdSchema,
    assetIds: z.array(AssetIdSchema).min(1, { error: 'Select at least one asset.' }).max(ASSET_BATCH_MAX),
  })
  .strict();

export const channels = {
  'app.info': {
    input: NoInput,
    output: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      /** Where the library database and settings live (shown in Settings → About). */
      dataDir: z.string(),
      /** Runtime versions; `electron` is null when the core runs under plain Node (tests). */
      versions: z.object({ electron: z.string().nullable(), node: z.string(), chrome: z.string().nullable() }),
    }),
  },
  'app.openExternal': {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: z.object({ opened: z.literal(true) }),
  },

  'workspaces.list': {
    input: z.object({ mode: ModeIdSchema }).strict(),
    output: z.array(WorkspaceSchema),
  },
  'workspaces.suggestFolder': {
    input: z.object({ mode: ModeIdSchema, name: z.string().max(200) }).strict(),
    output: z.object({ folder: z.string() }),
  },
  'workspaces.chooseFolder': {
    input: z
      .object({
        /** create: a folder for a new workspace; attach: an existing workspace; root: the default folder for new workspaces. */
        purpose: z.enum(['create', 'attach', 'root']),
        defaultPath: z.string().max(4096).optional(),
      })
      .strict(),
    output: z.object({ folder: z.string() }),
  },
  'workspaces.create': {
    input: z
      .object({
        name: WorkspaceNameSchema,
        mode: ModeIdSchema,
        /** Absolute folder; omitted = the suggested default under the workspaces root. */
        folder: FolderPathSchema.optional(),
      })
      .strict(),
    output: WorkspaceSchema,
  },
  'workspaces.update': {
    input: z
      .object({
        id: WorkspaceIdSchema,
        name: WorkspaceNameSchema.optional(),
        /** Accepted only to answer it clearly: a workspace's mode never changes. */
        mode: ModeIdSchema.optional(),
      })
      .strict(),
    output: WorkspaceSchema,
  },
  'workspaces.remove': {
    input: z
      .object({
        id: WorkspaceIdSchema,
        /** Default: keep the folder. When true the folder goes to the OS trash (recoverable). */
        deleteFiles: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ removed: WorkspaceSchema, filesTrashed: z.boolean() }),
  },
  'workspaces.attach': {
    input: z
      .object({
        folder: FolderPathSchema,
        /** The studio the user attaches from; a folder of another mode is refused. */
        mode: ModeIdSchema,
      })
      .strict(),
    output: WorkspaceSchema,
  },
  'workspaces.reveal': {
    input: z.object({ id: WorkspaceIdSchema }).strict(),
    output: z.object({ revealed: z.literal(true) }),
  },

  'library.assets': {
    input: z
      .object({
        workspaceId: WorkspaceIdSchema,
        limit: z.number().int().min(1).max(GALLERY_PAGE_MAX).default(60),
        cursor: AssetCursorSchema.nullable().default(null),
        starredOnly: z.boolean().default(false),
        /** Tool/preset/provider/status facets and prompt search (FTS5); newest first still. */
        filter: AssetFilterSchema.optional(),
      })
      .strict(),
    output: AssetPageSchema,
  },
  'library.facets': {
    input: z.object({ workspaceId: WorkspaceIdSchema }).strict(),
    output: AssetFacetsSchema,
  },
  'library.star': {
    input: AssetSelectionSchema.extend({ starred: z.boolean() }).strict(),
    output: z.object({ assets: z.array(AssetSchema) }),
  },
  /** Soft delete: files to the workspace's `.wokgen/trash/`, rows hidden until Undo or the purge. */
  'library.delete': {
    input: AssetSelectionSchema,
    output: z.object({ deleted: z.array(z.string()) }),
  },
  /** Undo of `library.delete`: files and rows come back exactly as they were. */
  'library.restore': {
    input: AssetSelectionSchema,
    output: z.object({ restored: z.array(AssetSchema) }),
  },
  /** Shows the asset's file in the OS file manager (the path is checked inside its workspace). */
  'library.reveal': {
    input: z.object({ assetId: AssetIdSchema }).strict(),
    output: z.object({ revealed: z.literal(true) }),
  },
  /** Starts dragging the asset's file out to other applications (from the card's dragstart). */
  'library.startDrag': {
    input: z.object({ assetId: AssetIdSchema }).strict(),
    output: z.object({ started: z.literal(true) }),
  },
  'library.searchJobs': {
    input: z
      .object({
        workspaceId: WorkspaceIdSchema,
        query: z.string().trim().min(1, { error: 'Type something to search for.' }).max(200),
        limit: z.number().int().min(1).max(GALLERY_PAGE_MAX).default(60),
      })
      .strict(),
    output: z.array(JobSchema),
  },

  /** The text of a code asset (UI/UX), for the code view and the sandboxed preview. */
  'assets.readCode': {
    input: z.object({ assetId: z.string().min(1).max(64) }).strict(),
    output: z.object({ code: z.string(), relativePath: z.string() }),
  },
  /**
   * An image from disk into the workspace (for tools that start from an image): picked in
   * main's open dialog, or the bytes of a file dropped on the picker. Validated in main.
   */
  'assets.importImage': {
    input: z
      .object({
        workspaceId: WorkspaceIdSchema,
        source: z.discriminatedUnion('from', [
          z.object({ from: z.literal('dialog') }).strict(),
          z
            .object({
              from: z.literal('bytes'),
              name: z.string().min(1).max(255),
              // 20 MB of image as base64 (4/3), the import limit.
              base64: z.string().min(1).max(28_000_000, { error: 'The image is larger than 20 MB.' }),
            })
            .strict(),
        ]),
      })
      .strict(),
    output: AssetSchema,
  },

  'modes.spec': {
    input: z.object({ mode: ModeIdSchema }).strict(),
    output: ModeSpecSchema,
  },

  'generation.preview': {
    input: GenerateRequestSchema,
    output: GenerationPreviewSchema,
  },
  'generation.generate': {
    input: GenerateRequestSchema,
    output: JobSchema,
  },
  'generation.cancel': {
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'jobs.list': {
    input: z.object({ workspaceId: WorkspaceIdSchema, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(JobSchema),
  },
  'jobs.get': {
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: z.object({ job: JobSchema, assets: z.array(AssetSchema) }),
  },

  'settings.get': {
    input: NoInput,
    output: SettingsSchema,
  },
  'settings.update': {
    input: SettingsPatchSchema,
    output: SettingsSchema,
  },

  /** Settings → Providers (issue 5). Keys go in and never come out: outputs carry configured + last four only. */
  'providers.list': {
    input: NoInput,
    output: ProvidersOverviewSchema,
  },
  'providers.setKey': {
    input: z.object({ id: KeyedProviderIdSchema, key: ApiKeyInputSchema }).strict(),
    output: ProviderStatusSchema,
  },
  'providers.removeKey': {
    input: z.object({ id: KeyedProviderIdSchema }).strict(),
    output: ProviderStatusSchema,
  },
  'providers.testKey': {
    /** `key` tests a pasted key before saving it; without it the saved key is tested. */
    input: z.object({ id: KeyedProviderIdSchema, key: ApiKeyInputSchema.optional() }).strict(),
    output: KeyTestResultSchema,
  },
  'providers.configure': {
    input: z.object({ id: ConfigurableProviderIdSchema, patch: ProviderConfigPatchSchema }).strict(),
    output: ProviderStatusSchema,
  },
  'providers.localLlmStatus': {
    input: NoInput,
    output: LocalLlmStatusSchema,
  },
  'providers.detectLocalLlm': {
    input: NoInput,
    output: LocalLlmStatusSchema,
  },

  /** The hosted WokGen account (docs/hosted-api.md); no channel or event ever carries a token. */
  'account.status': {
    input: NoInput,
    output: AccountStatusSchema,
  },
  'account.signIn': {
    input: z.object({ flow: z.enum(SIGN_IN_FLOWS).default('browser') }).strict(),
    output: AccountStatusSchema,
  },
  'account.cancelSignIn': {
    input: NoInput,
    output: AccountStatusSchema,
  },
  'account.signOut': {
    input: NoInput,
    output: AccountStatusSchema,
  },
  'account.sync': {
    input: NoInput,
    output: AccountStatusSchema,
  },
  'account.openPage': {
    input: z.object({ page: z.enum(['plans', 'topUp']) }).strict(),
    output: z.object({ opened: z.literal(true) }),
  },

  /** Local ComfyUI (issue 4): detection status, re-check, the bearer token, custom workflows. */
  'comfyui.status': {
    input: NoInput,
    output: ComfyUiStatusSchema,
  },
  'comfyui.recheck': {
    input: NoInput,
    output: ComfyUiStatusSchema,
  },
  'comfyui.setToken': {
    input: z.object({ token: ComfyUiTokenSchema }).strict(),
    output: ComfyUiStatusSchema,
  },
  'comfyui.clearToken': {
    input: NoInput,
    output: ComfyUiStatusSchema,
  },
  'comfyui.validateWorkflow': {
    input: z.object({ text: WorkflowTextSchema }).strict(),
    output: WorkflowValidationSchema,
  },
  'comfyui.saveWorkflow': {
    input: z.object({ mode: ModeIdSchema, name: z.string().trim().min(1, { error: 'Give the workflow a name.' }).max(120), text: WorkflowTextSchema }).strict(),
    /** `replaced`: the workflow this one took the place of (name and text), so the studio can offer Undo. */
    output: z.object({ validation: WorkflowValidationSchema, saved: UserWorkflowSummarySchema.nullable(), replaced: z.object({ name: z.string(), text: z.string() }).nullable() }),
  },
  'comfyui.listWorkflows': {
    input: NoInput,
    output: z.array(UserWorkflowSummarySchema),
  },
  'comfyui.removeWorkflow': {
    input: z.object({ mode: ModeIdSchema }).strict(),
    /** `text` lets the studio offer Undo by saving it again. */
    output: z.object({ removed: UserWorkflowSummarySchema, text: z.string() }),
  },

  /** The export formats of a mode, with their options (the studio offers exactly these). */
  'exports.formats': {
    input: z.object({ mode: ModeIdSchema }).strict(),
    output: z.array(ExportFormatInfoSchema),
  },
  /** Renders and saves an export; progress arrives as `exports.progress` events for `exportId`. */
  'exports.run': {
    input: ExportRunInputSchema,
    output: ExportResultSchema,
  },
  'exports.cancel': {
    input: z.object({ exportId: ExportIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Shows a file this session exported in the OS file manager. */
  'exports.reveal': {
    input: z.object({ file: z.string().min(1).max(4096) }).strict(),
    output: z.object({ revealed: z.literal(true) }),
  },
  /** Opens the main process's file picker for a `.wokpack`, validates it and says what it holds. */
  'wokpack.choose': {
    input: z.object({ workspaceId: WorkspaceIdSchema }).strict(),
    output: WokpackSummarySchema,
  },
  /** Imports the chosen pack all or nothing; assets of another mode need `allowCrossMode`. */
  'wokpack.import': {
    input: z.object({ token: z.string().regex(/^[0-9a-f]{32}$/, { error: 'Not a pack token.' }), workspaceId: WorkspaceIdSchema, allowCrossMode: z.boolean().default(false) }).strict(),
    output: WokpackImportResultSchema,
  },
} as const satisfies Record<`${string}.${string}`, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  /** The workspace list of a mode changed (create, rename, remove, attach). */
  'workspaces.changed': z.object({ mode: ModeIdSchema }),
  /** Preferences changed (possibly from another window). */
  'settings.changed': SettingsSchema,
  /** A provider's key, switch, models or local server changed (Settings → Providers); never carries a key. */
  'providers.changed': ProvidersOverviewSchema,

  /** A generation was accepted and recorded (status `queued`). */
  'jobs.queued': JobSchema,
  /** The job began running (a provider slot may still be waiting its turn). */
  'jobs.started': z.object({ jobId: z.string() }),
  /** Live progress of one batch slot; `overall` averages the slots. */
  'jobs.progress': z.object({
    jobId: z.string(),
    slot: z.number().int(),
    fraction: z.number(),
    overall: z.number(),
    step: z.number().nullable(),
    total: z.number().nullable(),
    /** A small live preview as a data: URL (ComfyUI's latent previews), or null. */
    previewDataUrl: z.string().nullable(),
    /** Text providers (uiux code): the whole answer so far, about ten times a second. */
    partialText: z.string().optional(),
    /** What the provider is doing now ("Loading the model", "In fal.ai's queue, 3 ahead"); absent = unchanged. */
    activity: z.string().max(200).optional(),
  }),
  /** One provider attempt failed; the pipeline may fall back to the next provider. */
  'jobs.attemptFailed': z.object({ jobId: z.string(), slot: z.number().int(), provider: z.string(), error: z.string(), errorKind: z.string() }),
  'jobs.succeeded': z.object({ job: JobSchema, assets: z.array(AssetSchema) }),
  'jobs.failed': z.object({ job: JobSchema, stage: z.string(), error: z.string() }),
  /** `assets`: the slots that had finished before the cancel are kept. */
  'jobs.cancelled': z.object({ job: JobSchema, assets: z.array(AssetSchema) }),
  /** Sign-in progress, profile, plan, credits, staleness (never a token). */
  'account.changed': AccountStatusSchema,
  /** After a hosted job the balance is lower than the delivered generations explain. */
  'account.creditsDiscrepancy': CreditsDiscrepancySchema,
  /** Local ComfyUI was found, lost, or changed (devices, checkpoints, token). */
  'comfyui.status': ComfyUiStatusSchema,
  /** A running export moved on (throttled to about 1% steps). */
  'exports.progress': ExportProgressSchema,
  /** A `.wokpack` was imported into a workspace (its gallery should reload). */
  'wokpack.imported': z.object({ workspaceId: z.string(), count: z.number().int() }),
} as const satisfies Record<`${string}.${string}`, z.ZodType>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What the caller passes (defaults not yet applied). */
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>;
/** What the handler receives (after parsing: defaults applied, strings trimmed). */
export type ChannelParsedInput<K extends ChannelName> = z.output<Channels[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Channels[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
