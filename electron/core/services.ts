/**
 * Builds the core from its ports. Main calls this with Electron-backed ports; the
 * end-to-end harness and integration tests call it with plain Node ones. Same code path.
 */
import { join } from 'node:path';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { createHandlers } from './ipc/handlers';
import type { CoreHandlers } from './ipc/dispatch';
import { openLibrary, type Library } from './library/open-library';
import { noDrag, type DialogPort, type DragPort, type EventSink, type Logger, type ShellPort } from './ports';
import { GalleryService } from './gallery/gallery-service';
import { ExportService } from './exports/export-service';
import type { SecretStore } from './secrets/secret-store';
import type { SettingsStore } from './settings/settings-store';
import { WorkspaceService } from './workspaces/workspace-service';
import { fileAssetStore } from './assets/file-asset-store';
import { applyRebuild, rebuildWorkspaceRows } from './assets/rebuild-library';
import { MODE_ENGINES } from './modes/registry';
import { Pipeline } from './pipeline/pipeline';
import { choosePromptEngine } from './prompt/prompt-engine';
import type { EngineRegistry, ProviderRegistry } from './pipeline/types';
import { AccountService } from './account/account-service';
import type { FetchLike } from './providers/http/provider-http';
import type { LocalLlmTarget } from './providers/local-llm/detect';
import { ProviderService } from './providers/provider-service';
import { ComfyUiService, type ComfyUiServiceDeps } from './providers/comfyui/comfyui-service';
import { guardHostedRun, hostedSource, withSource } from './wiring/hosted-wiring';

export interface CorePorts {
  /** Folder for the library database (the app's user-data folder in production). */
  readonly dataDir: string;
  /** Where drizzle's migrations are (inside app.asar when packaged). */
  readonly migrationsDir: string;
  readonly homeDir: string;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly shell: ShellPort;
  readonly dialogs: DialogPort;
  /** Dragging asset files out of the window; absent = no window to drag from. */
  readonly drag?: DragPort;
  readonly events: EventSink;
  readonly log: Logger;
  readonly appInfo: ChannelOutput<'app.info'>;
  /**
   * The generation providers; default: the cloud clients and the local LLM built from settings
   * and keys (`ProviderService`). Tests pass their own.
   */
  readonly providers?: ProviderRegistry;
  /** The fetch every provider client uses (the e2e harness passes a loopback-only one). */
  readonly providerFetch?: FetchLike;
  /**
   * Where to look for local LLM servers without a base URL in settings. Main passes Ollama
   * :11434 and LM Studio :1234 (`DEFAULT_LOCAL_LLM_TARGETS`); the default, none, keeps tests
   * from probing ports they did not open.
   */
  readonly localLlmTargets?: ReadonlyArray<LocalLlmTarget>;
  /** Defaults to the five real mode engines. */
  readonly engines?: EngineRegistry;
  readonly now?: () => number;
  /**
   * Local ComfyUI: where the built-in workflows are (`resources/comfyui`) and which addresses to
   * probe after the configured one (default 127.0.0.1:8188 and :8000). Detection runs only when
   * the host passes this (main and the e2e harness do; integration tests stay off the network).
   */
  readonly comfyui?: Pick<ComfyUiServiceDeps, 'workflowsDir' | 'defaultUrls' | 'detectionTiming' | 'runTiming' | 'socketBackoff'>;
}

/** No providers configured: the honest state before the provider issues land. */
export const NO_PROVIDERS: ProviderRegistry = { available: () => [], get: () => undefined };

export interface CoreServices {
  readonly ports: CorePorts;
  readonly library: Library;
  readonly settings: SettingsStore;
  readonly workspaces: WorkspaceService;
  readonly pipeline: Pipeline;
  readonly gallery: GalleryService;
  readonly account: AccountService;
  readonly providers: ProviderService;
  readonly comfyui: ComfyUiService;
  readonly exports: ExportService;
}

export interface Core {
  readonly services: CoreServices;
  readonly handlers: CoreHandlers;
  /** Jobs found queued/running at start-up and marked interrupted. */
  readonly interruptedJobs: number;
  close(): Promise<void>;
}

export const LIBRARY_FILE = 'library.sqlite';

export function createCore(ports: CorePorts): Core {
  const { library, interruptedJobs } = openLibrary({
    file: join(ports.dataDir, LIBRARY_FILE),
    migrationsDir: ports.migrationsDir,
    ...(ports.now ? { now: ports.now } : {}),
  });
  if (interruptedJobs > 0) ports.log.warn('jobs interrupted by the last shutdown', { interruptedJobs });
  const unsubscribeSettings = ports.settings.onDidChange((settings) => ports.events.emit('settings.changed', settings));
  const workspaces: WorkspaceService = new WorkspaceService({
    repo: library.workspaces,
    settings: ports.settings,
    events: ports.events,
    trashItem: (path) => ports.shell.trashItem(path),
    log: ports.log,
    homeDir: ports.homeDir,
    protectedDirs: [ports.dataDir],
    rebuildRows: async (folder, workspaceId) => applyRebuild(library, await rebuildWorkspaceRows(folder, workspaceId)),
    beforeRemove: (workspaceId): Promise<void> => pipeline.cancelWorkspace(workspaceId),
    ...(ports.now ? { now: ports.now } : {}),
  });
  const providers = new ProviderService({
    settings: ports.settings,
    secrets: ports.secrets,
    events: ports.events,
    log: ports.log,
    ...(ports.providerFetch ? { fetch: ports.providerFetch } : {}),
    localLlmTargets: ports.localLlmTargets ?? [],
  });
  // Keys are read from the keychain at start (routing's availability cache); errors are logged inside.
  void providers.start().catch((error: unknown) => ports.log.error('providers failed to start', { error: error instanceof Error ? error.name : 'unknown' }));
  const comfyui = new ComfyUiService({
    settings: ports.settings,
    secrets: ports.secrets,
    events: ports.events,
    log: ports.log,
    dataDir: ports.dataDir,
    workflowsDir: join(process.cwd(), 'resources', 'comfyui'),
    ...ports.comfyui,
  });
  if (ports.comfyui) comfyui.start();
  const account = new AccountService({ secrets: ports.secrets, settings: ports.settings, dataDir: ports.dataDir, shell: ports.shell, events: ports.events, log: ports.log, ...(ports.now ? { now: ports.now } : {}) });
  void account.start();
  const pipeline: Pipeline = new Pipeline({
    library,
    engines: ports.engines ?? MODE_ENGINES,
    // The hosted account joins the providers while signed in (HD only, after the user's own keys).
    providers: withSource(ports.providers ?? comfyui.joinRegistry(providers.registry()), hostedSource(account, ports.settings)),
    assets: fileAssetStore,
    // Finished jobs that used the hosted provider trigger the credit sync + reconciliation (stage 12).
    events: { emit: (event, payload) => (ports.events.emit(event, payload), account.onPipelineEvent(event, payload)) },
    log: ports.log,
    promptEngine: () => choosePromptEngine({ setting: ports.settings.get().promptEngine, env: process.env['PROMPT_ENGINE'], hostedAvailable: account.online }),
    beforeQueue: (plan) => guardHostedRun(account, plan),
    refinePrompt: async (input, signal) => (await account.api.enhancePrompt(input, signal)).prompt,
    ...(ports.now ? { now: ports.now } : {}),
  });
  const gallery = new GalleryService({
    library,
    folderOf: (id) => workspaces.folderOf(id),
    shell: ports.shell,
    drag: ports.drag ?? noDrag,
    log: ports.log,
    ...(ports.now ? { now: ports.now } : {}),
  });
  // Deleted assets whose Undo window closed with the last run go for good now; a delete or
  // undo a crash interrupted is finished or rolled back first. In the background: start-up
  // does not wait on the disk.
  const recovery = gallery
    .recover()
    .then((summary) => {
      if (summary.purged + summary.restored + summary.rolledBack > 0) ports.log.info('gallery trash recovered', { ...summary });
    })
    .catch((error: unknown) => ports.log.error('gallery trash recovery failed', { error: String(error) }));
  const exports = new ExportService({
    library,
    dialogs: ports.dialogs,
    shell: ports.shell,
    events: ports.events,
    log: ports.log,
    ...(ports.now ? { now: ports.now } : {}),
  });
  const services: CoreServices = { ports, library, settings: ports.settings, workspaces, pipeline, gallery, account, providers, exports, comfyui };
  return {
    services,
    handlers: createHandlers(services),
    interruptedJobs,
    close: async () => {
      unsubscribeSettings();
      account.close();
      providers.stop();
      comfyui.close();
      await recovery;
      exports.cancelAll();
      // Running jobs end as `interrupted` before the database closes, never left `running`.
      await pipeline.shutdown();
      library.close();
    },
  };
}
