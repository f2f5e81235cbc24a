/**
 * One end-to-end fixture (after ComfyUI Desktop's `tests/integration/testApp.ts`): the real
 * core under Node with a temporary data folder, served over a WebSocket, and the built
 * renderer served over HTTP with the bridge. `restart()` keeps the data folder, like
 * quitting and reopening the app.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventHub } from '../../electron/core/events/event-hub';
import { silentLogger, consoleLogger } from '../../electron/core/ports';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import { createCore, type Core } from '../../electron/core/services';
import { JsonFileSettingsStore } from '../../electron/core/settings/json-file-settings-store';
import { RecordingDrag, RecordingShell, ScriptedDialogs } from './node-ports';
import { createStubProviders, type StubControls } from './stub-providers';
import { ComfyUiTestServer } from '../../electron/core/providers/comfyui/testing/comfyui-test-server';
import { RESOURCES_WORKFLOWS_DIR } from '../../electron/core/providers/comfyui/testing/resources-dir';
import { comfyBackedStubControls, registryWithComfyUi } from './comfyui-harness';
import { startCloudServers, type CloudServers } from './cloud-servers';
import { loopbackOnlyFetch } from './loopback-fetch';
import { writeFileAtomicSync } from '../../electron/core/fs/atomic-write';
import { BRIDGE_BUNDLE, MIGRATIONS_DIR, RENDERER_DIR } from './paths';
import { startStaticServer, type StaticServer } from './static-server';
import { WebSocketTransport } from './ws-transport';

const log = process.env['WOKGEN_E2E_VERBOSE'] ? consoleLogger : silentLogger;

export class TestApp implements AsyncDisposable {
  readonly dialogs = new ScriptedDialogs();
  /**
   * Slow or failing generation: ComfyUI is the loopback test server (`comfy`) behind the real
   * client, so these drive the server; the local-LLM stub reads them directly.
   */
  readonly stub: StubControls;
  private readonly providers: ReturnType<typeof createStubProviders>;
  readonly shell: RecordingShell;
  /** Files the gallery asked to drag out (the harness has no window to drag from). */
  readonly drag = new RecordingDrag();
  private running: { core: Core; http: StaticServer; transport: WebSocketTransport } | undefined;

  /**
   * Set with `start({ cloud: true })`: the real provider registry (keys, settings) with Together
   * and Hugging Face answered by loopback test servers, instead of the in-process stub.
   */
  cloud: CloudServers | null = null;
  /** Kept across restarts, like the OS keychain. */
  readonly secrets = new MemorySecretStore();

  private constructor(
    readonly root: string,
    /** The loopback ComfyUI the studio finds (stop/restart it to test a server going away). */
    readonly comfy: ComfyUiTestServer,
  ) {
    this.shell = new RecordingShell(join(root, 'trash'));
    this.stub = comfyBackedStubControls(comfy, { latencyMs: 400, failWith: null });
    this.providers = createStubProviders(this.stub);
  }

  /** Where the library and settings live (the app's user-data folder). */
  get dataDir(): string {
    return join(this.root, 'data');
  }

  /** The fake home folder: default workspaces go to `<home>/WokGen/<mode>/<name>`. */
  get homeDir(): string {
    return join(this.root, 'home');
  }

  get url(): string {
    return `${this.require().http.origin}/`;
  }

  get core(): Core {
    return this.require().core;
  }

  static async start(options: { readonly cloud?: boolean } = {}): Promise<TestApp> {
    const app = new TestApp(mkdtempSync(join(tmpdir(), 'wokgen-e2e-')), await ComfyUiTestServer.start());
    mkdirSync(app.dataDir, { recursive: true });
    mkdirSync(app.homeDir, { recursive: true });
    if (options.cloud) {
      const cloud = await startCloudServers();
      app.cloud = cloud;
      writeFileAtomicSync(join(app.dataDir, 'settings.json'), JSON.stringify({ providers: cloud.settings }));
      for (const [account, key] of Object.entries(cloud.presetKeys)) await app.secrets.set(account, key);
    }
    await app.boot();
    return app;
  }

  /** Stops everything and starts again on the same data folder (a new port, like a new launch). */
  async restart(): Promise<void> {
    await this.stop();
    await this.boot();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const { core, http, transport } = this.running;
    this.running = undefined;
    transport.close();
    await http.close();
    await core.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
    await this.cloud?.close();
    await this.comfy.close();
    rmSync(this.root, { recursive: true, force: true });
  }

  private async boot(): Promise<void> {
    const events = new EventHub();
    const settings = new JsonFileSettingsStore(join(this.dataDir, 'settings.json'), log);
    // The studio finds the loopback ComfyUI at the configured URL; the defaults (8188/8000) are
    // never probed, so a ComfyUI running on the developer's machine cannot join the tests.
    if (settings.get().comfyui.url !== this.comfy.url) settings.update({ comfyui: { ...settings.get().comfyui, url: this.comfy.url } });
    const core: Core = createCore({
      dataDir: this.dataDir,
      migrationsDir: MIGRATIONS_DIR,
      homeDir: this.homeDir,
      settings,
      secrets: this.secrets,
      shell: this.shell,
      dialogs: this.dialogs,
      drag: this.drag,
      events,
      log,
      // Cloud runs route through the app's own registry; the others through the stub.
      ...(this.cloud ? {} : { providers: registryWithComfyUi(this.providers.registry, () => core.services.comfyui.source, this.stub) }),
      comfyui: {
        workflowsDir: RESOURCES_WORKFLOWS_DIR,
        defaultUrls: [],
        // Quick to notice a stopped or restarted server (the app's defaults are 30 s / 5 s).
        detectionTiming: { upMs: 1_000, downMinMs: 300, downMaxMs: 1_000 },
        runTiming: { pollMs: 200, unreachableAfterMs: 1_500 },
        socketBackoff: { initialMs: 100, maxMs: 500 },
      },
      // No provider ever reaches the internet from a test (and local LLM ports are not probed).
      providerFetch: loopbackOnlyFetch,
      ...(this.cloud ? { localLlmTargets: this.cloud.localLlmTargets } : {}),
      appInfo: {
        name: 'WokGen Studio',
        version: '0.0.0-e2e',
        platform: process.platform,
        dataDir: this.dataDir,
        versions: { electron: null, node: process.versions.node, chrome: null },
      },
    });
    const http = await startStaticServer(RENDERER_DIR, BRIDGE_BUNDLE, (id) => core.services.library.workspaces.get(id)?.folder);
    const transport = new WebSocketTransport(http.server, core.handlers, () => http.origin, log);
    events.attach(transport);
    this.running = { core, http, transport };
  }

  private require(): { core: Core; http: StaticServer; transport: WebSocketTransport } {
    if (!this.running) throw new Error('TestApp is not running');
    return this.running;
  }
}
