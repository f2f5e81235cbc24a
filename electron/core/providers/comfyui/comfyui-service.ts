/**
 * Local ComfyUI, put together: detection (status events to the renderer), the websocket to the
 * server found, the provider and its ProviderSource (available only when connected with a
 * checkpoint), the bearer token (SecretStore account `comfyui`; the renderer learns configured +
 * last four) and the user's workflows. `services.ts` builds one; `close()` stops its timers and socket.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppFailure } from '../../../../shared/errors';
import type { ComfyUiStatus, UserWorkflowSummary, WorkflowValidation } from '../../../../shared/comfyui';
import type { ModeId } from '../../../../shared/modes';
import { originOf } from '../../../../shared/url-rules';
import type { EventSink, Logger } from '../../ports';
import type { SecretStore } from '../../secrets/secret-store';
import type { SettingsStore } from '../../settings/settings-store';
import type { LiveProviderRegistry, ProviderSource } from '../provider-registry';
import { ComfyUiClient } from './comfyui-client';
import { ComfyUiDetection, DEFAULT_PROBE_URLS, probeOrder, type DetectionTiming } from './comfyui-detection';
import { ComfyUiProvider, type ComfyUiConnection } from './comfyui-provider';
import { ComfyUiSocket } from './comfyui-socket';
import { parseStoredToken, serializeToken, tokenAddressProblem, tokenForUrl, type BoundToken } from './comfyui-token';
import type { RunTiming } from './prompt-run';
import { TemplateCatalog } from './workflows/templates';
import { checkUserWorkflow, UserWorkflowStore } from './workflows/user-workflows';

export const COMFYUI_SECRET_ACCOUNT = 'comfyui';

export interface ComfyUiServiceDeps {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly events: EventSink;
  readonly log: Logger;
  /** The app's data folder; user workflows go to `<dataDir>/comfyui/workflows`. */
  readonly dataDir: string;
  /** `resources/comfyui` (built-in templates). */
  readonly workflowsDir: string;
  /** Probed after the configured URL (default 127.0.0.1:8188 and :8000; tests pass []). */
  readonly defaultUrls?: ReadonlyArray<string>;
  readonly detectionTiming?: Partial<DetectionTiming>;
  readonly runTiming?: Partial<RunTiming>;
  readonly socketBackoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly maxOutputBytes?: number;
  readonly now?: () => number;
  /** Bench hook: when a preview frame arrives from ComfyUI. */
  readonly onFrameArrived?: (at: number) => void;
}

export class ComfyUiService {
  /** One client id per app run: ComfyUI sends a prompt's events to the socket with this id. */
  readonly clientId = randomUUID().replace(/-/g, '');
  readonly detection: ComfyUiDetection;
  readonly source: ProviderSource;
  private readonly provider: ComfyUiProvider;
  private readonly userWorkflows: UserWorkflowStore;
  private connection: (ComfyUiConnection & { readonly key: string }) | null = null;
  private token: BoundToken | null = null;
  private tokenRead = false;
  private started = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: ComfyUiServiceDeps) {
    const defaults = deps.defaultUrls ?? DEFAULT_PROBE_URLS;
    this.userWorkflows = new UserWorkflowStore(join(deps.dataDir, 'comfyui', 'workflows'));
    this.detection = new ComfyUiDetection({
      urls: () => probeOrder(deps.settings.get().comfyui.url, defaults),
      token: () => this.readToken(),
      onStatus: (status) => {
        this.syncConnection(status);
        deps.events.emit('comfyui.status', status);
      },
      log: deps.log,
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.detectionTiming ? { timing: deps.detectionTiming } : {}),
    });
    this.provider = new ComfyUiProvider({
      connection: () => this.connection,
      settings: () => deps.settings.get().comfyui,
      templates: new TemplateCatalog(deps.workflowsDir),
      userWorkflows: this.userWorkflows,
      clientId: this.clientId,
      log: deps.log,
      ...(deps.runTiming ? { timing: deps.runTiming } : {}),
      ...(deps.onFrameArrived ? { onFrameArrived: deps.onFrameArrived } : {}),
      onUnreachable: () => void this.detection.recheck(),
    });
    this.source = {
      id: 'comfyui',
      provider: () => this.provider,
      // Routing needs an answer now: the last detection result, never a network call.
      isAvailable: () => this.connection !== null && deps.settings.get().providers.comfyui?.enabled !== false,
    };
    // A new address is probed at once, not at the next tick.
    let lastUrl = deps.settings.get().comfyui.url;
    this.unsubscribe = deps.settings.onDidChange((settings) => {
      if (settings.comfyui.url === lastUrl) return;
      lastUrl = settings.comfyui.url;
      if (this.started) void this.detection.recheck();
    });
  }

  start(): void {
    this.started = true;
    this.detection.start();
  }

  /** Adds ComfyUI's source to the app's registry (routing puts a detected ComfyUI first for standard work). */
  joinRegistry(registry: LiveProviderRegistry): LiveProviderRegistry {
    registry.add(this.source);
    return registry;
  }

  status(): ComfyUiStatus {
    return this.detection.status;
  }

  recheck(): Promise<ComfyUiStatus> {
    return this.detection.recheck();
  }

  /** Saved bound to the configured address's origin (security review item 2). */
  async setToken(token: string): Promise<ComfyUiStatus> {
    const url = this.deps.settings.get().comfyui.url;
    const problem = tokenAddressProblem(url);
    const origin = url === null ? null : originOf(url);
    if (problem !== null || origin === null) throw new AppFailure('invalid_input', problem ?? 'The ComfyUI address is not a valid URL.', 'token');
    const bound = { token, origin };
    try {
      await this.deps.secrets.set(COMFYUI_SECRET_ACCOUNT, serializeToken(bound));
    } catch (error) {
      // Never echo the token; say where it could not go.
      throw new AppFailure('io_failed', `The token could not be saved in ${this.deps.secrets.backend} (${error instanceof Error ? error.name : 'error'}). Nothing was changed.`, 'token');
    }
    this.token = bound;
    this.tokenRead = true;
    return this.recheckWithToken();
  }

  async clearToken(): Promise<ComfyUiStatus> {
    try {
      await this.deps.secrets.delete(COMFYUI_SECRET_ACCOUNT);
    } catch (error) {
      throw new AppFailure('io_failed', `The token could not be removed from ${this.deps.secrets.backend} (${error instanceof Error ? error.name : 'error'}).`);
    }
    this.token = null;
    this.tokenRead = true;
    return this.recheckWithToken();
  }

  /**
   * After a token change the status may not change at all (a new token with the same last four
   * characters), and then no status event rebuilds the connection: sync it here, always.
   */
  private async recheckWithToken(): Promise<ComfyUiStatus> {
    const status = await this.recheck();
    this.syncConnection(status);
    return status;
  }

  /** Checks a workflow against the connected ComfyUI's nodes (nothing is saved). */
  async validateWorkflow(text: string): Promise<WorkflowValidation> {
    return checkUserWorkflow(text, await this.objectInfo()).validation;
  }

  /** Saves a mode's workflow; `replaced` is the one it overwrote (name and text), for Undo in the studio. */
  async saveWorkflow(
    mode: ModeId,
    name: string,
    text: string,
  ): Promise<{ validation: WorkflowValidation; saved: UserWorkflowSummary | null; replaced: { name: string; text: string } | null }> {
    const checked = checkUserWorkflow(text, await this.objectInfo());
    if (!checked.validation.ok || !checked.graph) return { validation: checked.validation, saved: null, replaced: null };
    const previous = this.userWorkflows.get(mode);
    const saved = this.userWorkflows.save(mode, name, checked.graph, (this.deps.now ?? Date.now)());
    return { validation: checked.validation, saved, replaced: previous === null ? null : { name: previous.name, text: JSON.stringify(previous.graph) } };
  }

  listWorkflows(): UserWorkflowSummary[] {
    return this.userWorkflows.list();
  }

  /** Removes a mode's workflow; returns its text so the studio can offer Undo (re-save). */
  removeWorkflow(mode: ModeId): { removed: UserWorkflowSummary; text: string } {
    const removed = this.userWorkflows.remove(mode);
    if (!removed) throw new AppFailure('not_found', `There is no custom ${mode} workflow.`, 'mode');
    return { removed: removed.summary, text: JSON.stringify(removed.graph) };
  }

  close(): void {
    this.unsubscribe();
    this.detection.close();
    this.connection?.socket.close();
    this.connection = null;
  }

  /** Read from the keychain once (then kept in memory, like the cloud keys' cache); set/clear update it. */
  private async readToken(): Promise<BoundToken | null> {
    if (this.tokenRead) return this.token;
    try {
      this.token = parseStoredToken(await this.deps.secrets.get(COMFYUI_SECRET_ACCOUNT));
      this.tokenRead = true;
    } catch (error) {
      // The keychain may be locked: probe without a token rather than not at all.
      this.deps.log.warn('comfyui: could not read the token', { error: error instanceof Error ? error.message : String(error) });
    }
    return this.token;
  }

  private async objectInfo() {
    const connection = this.connection;
    if (!connection) {
      throw new AppFailure('no_provider', 'Connect ComfyUI first: a workflow is checked against the nodes your ComfyUI has installed.');
    }
    try {
      return await connection.client.objectInfo(undefined, 10_000);
    } catch (error) {
      throw new AppFailure('no_provider', `ComfyUI did not list its nodes: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Keeps one client + socket for the server found; replaced when the address or token changes. */
  private syncConnection(status: ComfyUiStatus): void {
    if (status.state !== 'connected' || status.url === null) {
      this.connection?.socket.close();
      this.connection = null;
      return;
    }
    const token = tokenForUrl(this.token, status.url);
    const key = `${status.url}\n${token ?? ''}`;
    if (this.connection?.key === key) {
      this.connection = { ...this.connection, status };
      return;
    }
    this.connection?.socket.close();
    const client = new ComfyUiClient({ baseUrl: status.url, token, ...(this.deps.maxOutputBytes ? { maxOutputBytes: this.deps.maxOutputBytes } : {}) });
    const socket = new ComfyUiSocket({
      url: client.http.wsUrl(this.clientId),
      headers: client.http.authHeaders(),
      log: this.deps.log,
      ...(this.deps.socketBackoff ? { backoff: this.deps.socketBackoff } : {}),
    });
    this.connection = { key, status, client, socket };
  }
}
