/**
 * A loopback ComfyUI for unit tests, end-to-end runs and the bench. It follows the real server
 * (Comfy-Org/ComfyUI server.py, execution.py, main.py; PROVIDERS.md §1 incl. the message order
 * observed on v0.3.64): every route also under `/api`, the origin-only 403 middleware, `/prompt`
 * validation with ComfyUI's 400 bodies, one prompt at a time with the websocket events in the
 * real order, binary preview frames, history entries, `/view`, `/upload/image`, interrupt and
 * queue delete. Controls make it slow, fail, stall, restart or stop, lose its checkpoints or
 * pretend to be some other server.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import sharp from 'sharp';
import { WebSocketServer, type WebSocket } from 'ws';
import { GraphSchema, type Graph } from '../workflows/graph';
import { parseObjectInfo } from '../workflows/object-info';
import { executionOrder, validateGraph } from '../workflows/validate-graph';
import { previewFrame, previewFrameWithMetadata, renderPreview, renderSeedPng, textFrame } from './test-images';
import { testObjectInfo } from './test-object-info';

export interface ComfyTestControls {
  /** Milliseconds per sampler step. */
  stepMs: number;
  /** Run this many sampler steps whatever the graph says (a long run for preview measurements); null = the graph's. */
  steps: number | null;
  /** Renders each output instead of the seed-coloured disc (the bench uses the pipeline bench's picture). */
  render: ((seed: number, width: number, height: number) => Promise<Buffer>) | null;
  /** Send a binary preview frame after each step (a server started with `--preview-method`). */
  previews: boolean;
  previewFormat: 'jpeg' | 'png';
  /** Also send malformed frames (bad JSON, short binary, unknown type) to prove clients ignore them. */
  junkFrames: boolean;
  /** Runs end in `execution_error` at the first sampler step. */
  failWith: 'execution_error' | null;
  /**
   * Milliseconds between `execution_success` and the history entry (then `executing null`): the
   * real gap, as execution.py sends success inside execute and main.py stores history after it.
   */
  historyDelayMs: number;
  /** Send no `executed` events (a client that missed them must read the outputs from history). */
  skipExecuted: boolean;
  /** Ignore the client's `prompt_id` and make one up (ComfyUI before client-supplied ids). */
  ignoreClientPromptId: boolean;
  /** `GET /queue` answers something unreadable: 'shape' = JSON of another shape, 'html' = an HTML page (a proxy). */
  brokenQueue: 'shape' | 'html' | null;
  /** Runs stop reporting after `execution_start` until this is turned off. */
  stall: boolean;
  checkpoints: string[];
  /** `/system_stats` answers without `system.comfyui_version`, other routes 404: some other server. */
  notComfy: boolean;
  /** Websocket upgrades are refused (HTTP still answers): clients must fall back to polling history. */
  refuseSockets: boolean;
  /** When set, every request needs `Authorization: Bearer <token>` (a protected server behind a proxy). */
  token: string | null;
  /** The device list `/system_stats` reports. */
  devices: Array<{ name: string; type: string; vram_total: number; vram_free: number }>;
}

export const DEFAULT_TEST_CONTROLS: ComfyTestControls = {
  stepMs: 5,
  steps: null,
  render: null,
  refuseSockets: false,
  previews: true,
  previewFormat: 'jpeg',
  junkFrames: false,
  failWith: null,
  historyDelayMs: 0,
  skipExecuted: false,
  ignoreClientPromptId: false,
  brokenQueue: null,
  stall: false,
  checkpoints: ['sd_xl_base_1.0.safetensors', 'pixel-art-xl.safetensors'],
  notComfy: false,
  token: null,
  devices: [{ name: 'cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync', type: 'cuda', vram_total: 25_757_220_864, vram_free: 24_000_000_000 }],
};

export const TEST_COMFYUI_VERSION = '0.3.64';

interface QueueItem {
  readonly number: number;
  readonly promptId: string;
  readonly graph: Graph;
  readonly clientId: string | null;
  interrupted: boolean;
  /** The last `executing` node sent for this run (server.py keeps `last_node_id` for reconnects). */
  lastNode: string | null;
}

interface HistoryEntry {
  prompt: [number, string, Graph, Record<string, unknown>, string[]];
  outputs: Record<string, { images: Array<{ filename: string; subfolder: string; type: string }> }>;
  meta: Record<string, unknown>;
  status: { status_str: 'success' | 'error'; completed: boolean; messages: Array<[string, Record<string, unknown>]> };
}

interface Client {
  readonly ws: WebSocket;
  supportsMetadata: boolean;
  firstMessage: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ComfyUiTestServer {
  readonly controls: ComfyTestControls;
  /** Every HTTP request, in order (tests assert on routes, bodies and headers). */
  readonly requests: RecordedRequest[] = [];
  /** Graphs accepted by `POST /prompt`, by prompt id. */
  readonly prompts = new Map<string, Graph>();
  /** Called as each websocket event is sent (the bench times `execution_success` from here). */
  onEvent: ((type: string, data: Record<string, unknown>) => void) | null = null;
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private readonly connections = new Set<Socket>();
  private readonly clients = new Map<string, Client>();
  private readonly pending: QueueItem[] = [];
  private running: QueueItem | undefined;
  private readonly history = new Map<string, HistoryEntry>();
  private readonly files = new Map<string, Buffer>();
  private readonly uploads = new Map<string, { width: number; height: number }>();
  private counter = 0;
  private number = 0;
  /** Bumped by restart/stop: a run from an older generation ends silently (the process died). */
  private generation = 0;
  private port = 0;

  private constructor(controls: Partial<ComfyTestControls>) {
    this.controls = { ...DEFAULT_TEST_CONTROLS, ...controls, checkpoints: [...(controls.checkpoints ?? DEFAULT_TEST_CONTROLS.checkpoints)] };
  }

  static async start(controls: Partial<ComfyTestControls> = {}, port = 0): Promise<ComfyUiTestServer> {
    const server = new ComfyUiTestServer(controls);
    await server.listen(port);
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isListening(): boolean {
    return this.server !== undefined;
  }

  /** The prompt running now, if any. */
  get runningPromptId(): string | null {
    return this.running?.promptId ?? null;
  }

  get pendingPromptIds(): string[] {
    return this.pending.map((p) => p.promptId);
  }

  connectedClientIds(): string[] {
    return [...this.clients.keys()];
  }

  /** Resolves once a prompt is running (tests that cancel or stop mid-job). */
  async whenRunning(timeoutMs = 10_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.running) return this.running.promptId;
      await sleep(5);
    }
    throw new Error('no prompt started running');
  }

  /** Drops every websocket (HTTP keeps answering), e.g. with `refuseSockets` to keep them out. */
  dropSockets(): void {
    for (const client of this.clients.values()) client.ws.terminate();
    this.clients.clear();
  }

  /** The process dies: the port refuses connections and every socket drops. */
  async stop(): Promise<void> {
    this.generation += 1;
    this.running = undefined;
    this.pending.length = 0;
    const server = this.server;
    this.server = undefined;
    for (const client of this.clients.values()) client.ws.terminate();
    this.clients.clear();
    this.wss?.close();
    this.wss = undefined;
    for (const socket of this.connections) socket.destroy();
    this.connections.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Starts again on the same port with an empty queue and history, like a restarted ComfyUI. */
  async restart(downMs = 0): Promise<void> {
    await this.stop();
    this.history.clear();
    if (downMs > 0) await sleep(downMs);
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    await this.stop();
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.json(res, 500, { error: String(error) });
        else res.destroy();
      });
    });
    server.on('connection', (socket) => {
      this.connections.add(socket);
      socket.on('close', () => this.connections.delete(socket));
    });
    const wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname.replace(/^\/api(?=\/)/, '');
      const refusal = this.refusal(req);
      if (this.controls.refuseSockets && refusal === null && path === '/ws') {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      if (path !== '/ws' || refusal !== null || this.controls.notComfy) {
        socket.end(`HTTP/1.1 ${refusal ?? 404} ${refusal === 401 ? 'Unauthorized' : refusal === 403 ? 'Forbidden' : 'Not Found'}\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws, url.searchParams.get('clientId') ?? randomUUID().replace(/-/g, '')));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.wss = wss;
  }

  /**
   * server.py `create_origin_only_middleware`: a loopback Host with a different Origin gets 403
   * (empty body). The token check stands in for a reverse proxy guarding a shared server.
   */
  private refusal(req: IncomingMessage): 401 | 403 | null {
    const origin = req.headers.origin;
    const host = req.headers.host;
    if (origin && host) {
      let originHost: string | null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost !== host) return 403;
    }
    if (this.controls.token !== null && req.headers.authorization !== `Bearer ${this.controls.token}`) return 401;
    return null;
  }

  private onSocket(ws: WebSocket, sid: string): void {
    const client: Client = { ws, supportsMetadata: false, firstMessage: true };
    this.clients.set(sid, client);
    ws.on('close', () => {
      if (this.clients.get(sid) === client) this.clients.delete(sid);
    });
    ws.on('message', (data, isBinary) => {
      // server.py: only the first message may negotiate feature flags.
      const first = client.firstMessage;
      client.firstMessage = false;
      if (!first || isBinary) return;
      try {
        const message = JSON.parse(String(data)) as { type?: string; data?: Record<string, unknown> };
        if (message.type === 'feature_flags') {
          client.supportsMetadata = message.data?.['supports_preview_metadata'] === true;
          this.send(sid, 'feature_flags', { supports_preview_metadata: true, max_upload_size: 104857600 });
        }
      } catch {
        // ComfyUI logs and ignores a malformed first message.
      }
    });
    this.send(sid, 'status', { status: { exec_info: { queue_remaining: this.queueRemaining() } }, sid });
    // server.py websocket_handler: a reconnecting client whose run is active gets the current
    // node only — `{"node": last_node_id}`, no prompt_id (clients must not take it as the end).
    if (this.running && this.running.clientId === sid && this.running.lastNode !== null) this.send(sid, 'executing', { node: this.running.lastNode });
  }

  private queueRemaining(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  private send(sid: string | null, type: string, data: Record<string, unknown>): void {
    this.onEvent?.(type, data);
    const targets = sid === null ? [...this.clients.values()] : [this.clients.get(sid)].filter((c): c is Client => c !== undefined);
    for (const client of targets) client.ws.send(JSON.stringify({ type, data }));
  }

  private sendBytes(sid: string | null, bytes: Buffer): void {
    const client = sid === null ? undefined : this.clients.get(sid);
    client?.ws.send(bytes, { binary: true });
  }

  private broadcastStatus(): void {
    this.send(null, 'status', { status: { exec_info: { queue_remaining: this.queueRemaining() } } });
  }

  private async readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private empty(res: ServerResponse, status: number): void {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await this.readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    // server.py `add_routes`: every route is also served under /api.
    const path = url.pathname.replace(/^\/api(?=\/)/, '');
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: `${path}${url.search}`, headers: req.headers, body: body.toString('utf8').slice(0, 10_000) });
    const refusal = this.refusal(req);
    if (refusal !== null) return this.empty(res, refusal);
    if (this.controls.notComfy) {
      if (path === '/system_stats') return this.json(res, 200, { status: 'ok', service: 'some other server' });
      return this.empty(res, 404);
    }
    const route = `${method} ${path}`;
    if (route === 'GET /system_stats') return this.json(res, 200, this.systemStats());
    if (route === 'GET /features') return this.json(res, 200, { supports_preview_metadata: true, max_upload_size: 104857600 });
    if (route === 'GET /object_info') return this.json(res, 200, this.objectInfo());
    if (method === 'GET' && path.startsWith('/object_info/')) {
      const name = decodeURIComponent(path.slice('/object_info/'.length));
      const info = this.objectInfo()[name];
      return this.json(res, 200, info ? { [name]: info } : {});
    }
    if (route === 'GET /models') return this.json(res, 200, ['checkpoints', 'loras', 'vae']);
    if (method === 'GET' && path.startsWith('/models/')) {
      const folder = path.slice('/models/'.length);
      if (folder === 'checkpoints') return this.json(res, 200, this.checkpoints());
      if (folder === 'loras' || folder === 'vae') return this.json(res, 200, []);
      return this.empty(res, 404);
    }
    if (route === 'GET /prompt') return this.json(res, 200, { exec_info: { queue_remaining: this.queueRemaining() } });
    if (route === 'POST /prompt') return this.postPrompt(res, body);
    if (route === 'GET /queue' && this.controls.brokenQueue === 'shape') return this.json(res, 200, { queue_running: 'busy', queue_pending: null });
    if (route === 'GET /queue' && this.controls.brokenQueue === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html><body>Bad gateway, retrying</body></html>');
    }
    if (route === 'GET /queue') {
      const item = (q: QueueItem) => [q.number, q.promptId, q.graph, { client_id: q.clientId }, []];
      return this.json(res, 200, { queue_running: this.running ? [item(this.running)] : [], queue_pending: this.pending.map(item) });
    }
    if (route === 'POST /queue') return this.postQueue(res, body);
    if (route === 'POST /interrupt') return this.postInterrupt(res, body);
    if (route === 'POST /free') return this.empty(res, 200);
    if (route === 'GET /history') return this.json(res, 200, Object.fromEntries(this.history));
    if (method === 'GET' && path.startsWith('/history/')) {
      const id = decodeURIComponent(path.slice('/history/'.length));
      const entry = this.history.get(id);
      return this.json(res, 200, entry ? { [id]: entry } : {});
    }
    if (route === 'GET /view') return this.view(res, url.searchParams);
    if (route === 'POST /upload/image') return this.upload(req, res, body);
    return this.empty(res, 404);
  }

  private checkpoints(): string[] {
    return [...this.controls.checkpoints];
  }

  private systemStats(): Record<string, unknown> {
    return {
      system: {
        os: 'posix',
        ram_total: 68_719_476_736,
        ram_free: 40_000_000_000,
        comfyui_version: TEST_COMFYUI_VERSION,
        required_frontend_version: '1.28.7',
        python_version: '3.12.3 (main)',
        pytorch_version: '2.8.0+cu128',
        embedded_python: false,
        argv: ['main.py', '--port', String(this.port)],
      },
      devices: this.controls.devices.map((d, index) => ({ ...d, index, torch_vram_total: d.vram_total, torch_vram_free: d.vram_free })),
    };
  }

  private objectInfo(): Record<string, Record<string, unknown>> {
    return testObjectInfo(this.checkpoints(), [...this.uploads.keys()]);
  }

  private postPrompt(res: ServerResponse, body: Buffer): void {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return this.json(res, 400, { error: { type: 'invalid_json', message: 'Invalid JSON', details: '', extra_info: {} }, node_errors: {} });
    }
    if (!('prompt' in raw)) {
      return this.json(res, 400, { error: { type: 'no_prompt', message: 'No prompt provided', details: 'No prompt provided', extra_info: {} }, node_errors: {} });
    }
    const parsed = GraphSchema.safeParse(raw['prompt']);
    if (!parsed.success) {
      return this.json(res, 400, { error: { type: 'invalid_prompt', message: 'Cannot execute because a node is missing the class_type property.', details: '', extra_info: {} }, node_errors: {} });
    }
    const graph = parsed.data;
    const issues = validateGraph(graph, parseObjectInfo(this.objectInfo()).info);
    const unknownClass = issues.find((i) => i.type === 'invalid_prompt');
    if (unknownClass) return this.json(res, 400, { error: { type: 'invalid_prompt', ...unknownClass.comfy, extra_info: {} }, node_errors: {} });
    const noOutputs = issues.find((i) => i.type === 'prompt_no_outputs');
    if (noOutputs) return this.json(res, 400, { error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '', extra_info: {} }, node_errors: {} });
    if (issues.length > 0) {
      const outputs = Object.keys(graph).filter((id) => graph[id]!.class_type === 'SaveImage' || graph[id]!.class_type === 'PreviewImage');
      const nodeErrors: Record<string, unknown> = {};
      for (const issue of issues) {
        const id = issue.nodeId ?? '';
        const entry = (nodeErrors[id] ??= { errors: [] as unknown[], dependent_outputs: outputs, class_type: issue.classType }) as { errors: unknown[] };
        entry.errors.push({ type: issue.type, message: issue.comfy.message, details: issue.comfy.details, extra_info: { input_name: issue.input, received_value: issue.received } });
      }
      return this.json(res, 400, { error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} }, node_errors: nodeErrors });
    }
    const promptId = typeof raw['prompt_id'] === 'string' && !this.controls.ignoreClientPromptId ? raw['prompt_id'] : randomUUID();
    const clientId = typeof raw['client_id'] === 'string' ? raw['client_id'] : null;
    const number = (this.number += 1);
    this.prompts.set(promptId, graph);
    this.pending.push({ number, promptId, graph, clientId, interrupted: false, lastNode: null });
    this.json(res, 200, { prompt_id: promptId, number, node_errors: {} });
    this.broadcastStatus();
    this.pump();
  }

  private postQueue(res: ServerResponse, body: Buffer): void {
    const raw = safeJson(body);
    if (raw['clear'] === true) this.pending.length = 0;
    if (Array.isArray(raw['delete'])) {
      for (const id of raw['delete']) {
        const index = this.pending.findIndex((p) => p.promptId === id);
        if (index >= 0) this.pending.splice(index, 1);
      }
    }
    this.empty(res, 200);
    this.broadcastStatus();
  }

  private postInterrupt(res: ServerResponse, body: Buffer): void {
    const raw = safeJson(body);
    const id = raw['prompt_id'];
    // server.py: with a prompt_id only that prompt is interrupted, and only if it is running.
    if (this.running && (id === undefined || id === this.running.promptId)) this.running.interrupted = true;
    this.empty(res, 200);
  }

  private view(res: ServerResponse, params: URLSearchParams): void {
    const filename = params.get('filename') ?? '';
    const subfolder = params.get('subfolder') ?? '';
    const type = params.get('type') ?? 'output';
    if (filename === '' || filename.includes('..') || filename.startsWith('/')) return this.empty(res, 400);
    if (subfolder.includes('..')) return this.empty(res, 403);
    const bytes = this.files.get(`${type}/${subfolder}/${filename}`);
    if (!bytes) return this.empty(res, 404);
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length, 'content-disposition': `filename="${filename}"` });
    res.end(bytes);
  }

  private async upload(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
    } catch {
      return this.empty(res, 400);
    }
    const image = form.get('image');
    if (!(image instanceof Blob)) return this.empty(res, 400);
    const type = String(form.get('type') ?? 'input');
    const subfolder = String(form.get('subfolder') ?? '');
    const name = (image as File).name || 'image.png';
    if (name.includes('/') || name.includes('..')) return this.empty(res, 400);
    const bytes = Buffer.from(await image.arrayBuffer());
    const meta = await sharp(bytes).metadata().catch(() => null);
    if (!meta?.width || !meta.height) return this.empty(res, 400);
    this.files.set(`${type}/${subfolder}/${name}`, bytes);
    if (type === 'input') this.uploads.set(subfolder ? `${subfolder}/${name}` : name, { width: meta.width, height: meta.height });
    this.json(res, 200, { name, subfolder, type });
  }

  private pump(): void {
    if (this.running || this.pending.length === 0) return;
    const item = this.pending.shift()!;
    this.running = item;
    void this.execute(item, this.generation);
  }

  /** Waits `ms`, or while stalled; false when the run must stop (interrupted or the server died). */
  private async tick(item: QueueItem, generation: number, ms: number): Promise<boolean> {
    await sleep(ms);
    while (this.controls.stall && !item.interrupted && generation === this.generation) await sleep(10);
    return !item.interrupted && generation === this.generation;
  }

  private async execute(item: QueueItem, generation: number): Promise<void> {
    const sid = item.clientId;
    const pid = item.promptId;
    const messages: Array<[string, Record<string, unknown>]> = [];
    const event = (type: string, data: Record<string, unknown>, to: string | null = sid) => {
      if (generation !== this.generation) return;
      if (type.startsWith('execution_')) messages.push([type, data]);
      if (type === 'executing') item.lastNode = typeof data['node'] === 'string' ? data['node'] : null;
      this.send(to, type, data);
    };
    const alive = () => generation === this.generation;
    const executed: string[] = [];
    const outputs: HistoryEntry['outputs'] = {};
    const sizes = new Map<string, { width: number; height: number; batch: number }>();
    const seedNode = Object.values(item.graph).find((n) => typeof n.inputs['seed'] === 'number');
    const seed = (seedNode?.inputs['seed'] as number | undefined) ?? 0;
    const preview = this.controls.previews ? await renderPreview(seed, this.controls.previewFormat) : null;
    const finish = (status: 'success' | 'error') => {
      if (!alive()) return;
      this.history.set(pid, {
        prompt: [item.number, pid, item.graph, { client_id: sid }, Object.keys(outputs)],
        outputs: status === 'success' ? outputs : {},
        meta: {},
        status: { status_str: status, completed: status === 'success', messages },
      });
      this.running = undefined;
      this.broadcastStatus();
      // main.py: the final `executing {node: null}` comes after success/error/interrupt and status.
      event('executing', { node: null, display_node: null, prompt_id: pid });
      this.pump();
    };

    event('execution_start', { prompt_id: pid, timestamp: Date.now() });
    event('execution_cached', { nodes: [], prompt_id: pid, timestamp: Date.now() });
    for (const id of executionOrder(item.graph)) {
      const node = item.graph[id]!;
      if (!(await this.tick(item, generation, 0))) break;
      event('executing', { node: id, display_node: id, prompt_id: pid });
      const inputSize = this.sizeFromInputs(node.inputs, sizes);
      if (node.class_type === 'KSampler') {
        const steps = this.controls.steps ?? (node.inputs['steps'] as number);
        for (let step = 1; step <= steps; step += 1) {
          if (!(await this.tick(item, generation, this.controls.stepMs))) break;
          if (this.controls.failWith === 'execution_error') {
            event('execution_error', {
              prompt_id: pid,
              node_id: id,
              node_type: node.class_type,
              executed,
              exception_message: 'Allocation on device 0 would exceed allowed memory. (out of memory)',
              exception_type: 'torch.OutOfMemoryError',
              traceback: ['  File "execution.py", line 496, in execute\n'],
              current_inputs: {},
              current_outputs: {},
              timestamp: Date.now(),
            });
            return finish('error');
          }
          if (this.controls.junkFrames && sid) {
            this.clients.get(sid)?.ws.send('{not json');
            this.sendBytes(sid, Buffer.from([0, 0, 0]));
            this.sendBytes(sid, Buffer.from([0, 0, 0, 9, 0, 0, 0, 0, 1, 2]));
            this.sendBytes(sid, textFrame(id, `step ${step}`));
          }
          event('progress', { value: step, max: steps, prompt_id: pid, node: id });
          if (preview && sid) {
            const client = this.clients.get(sid);
            const frame = client?.supportsMetadata
              ? previewFrameWithMetadata(preview, { node_id: id, prompt_id: pid, display_node_id: id, parent_node_id: null, real_node_id: id, image_type: `image/${this.controls.previewFormat}` })
              : previewFrame(preview, this.controls.previewFormat);
            this.sendBytes(sid, frame);
          }
        }
        if (item.interrupted || !alive()) break;
      }
      sizes.set(id, this.nodeSize(node.class_type, node.inputs, inputSize));
      if (node.class_type === 'SaveImage' || node.class_type === 'PreviewImage') {
        const size = inputSize ?? { width: 512, height: 512, batch: 1 };
        const type = node.class_type === 'SaveImage' ? 'output' : 'temp';
        const prefix = typeof node.inputs['filename_prefix'] === 'string' ? node.inputs['filename_prefix'] : 'ComfyUI';
        const images: Array<{ filename: string; subfolder: string; type: string }> = [];
        for (let i = 0; i < size.batch; i += 1) {
          const png = await (this.controls.render ?? renderSeedPng)(seed + i, size.width, size.height);
          this.counter += 1;
          const filename = `${prefix}_${String(this.counter).padStart(5, '0')}_.png`;
          this.files.set(`${type}//${filename}`, png);
          images.push({ filename, subfolder: '', type });
        }
        if (!alive()) return;
        outputs[id] = { images };
        if (!this.controls.skipExecuted) event('executed', { node: id, display_node: id, output: { images }, prompt_id: pid });
      }
      executed.push(id);
    }
    if (!alive()) return;
    if (item.interrupted) {
      const current = this.running === item ? executionOrder(item.graph).find((id) => !executed.includes(id)) : undefined;
      // execution.py: interrupt is broadcast, not only sent to the prompt's client.
      event('execution_interrupted', { prompt_id: pid, node_id: current ?? null, node_type: current ? item.graph[current]!.class_type : null, executed, timestamp: Date.now() }, null);
      return finish('error');
    }
    event('execution_success', { prompt_id: pid, timestamp: Date.now() });
    if (this.controls.historyDelayMs > 0) await sleep(this.controls.historyDelayMs);
    finish('success');
  }

  private sizeFromInputs(inputs: Record<string, unknown>, sizes: Map<string, { width: number; height: number; batch: number }>) {
    // Only inputs that carry pixels or latents decide the size (not MODEL/CLIP/VAE links).
    for (const name of ['latent_image', 'samples', 'pixels', 'images', 'image']) {
      const value = inputs[name];
      if (Array.isArray(value) && typeof value[0] === 'string' && sizes.has(value[0])) return sizes.get(value[0]);
    }
    return undefined;
  }

  /** Image size flowing out of a node: latents from EmptyLatentImage, uploads' own size, upscales. */
  private nodeSize(classType: string, inputs: Record<string, unknown>, from: { width: number; height: number; batch: number } | undefined) {
    const num = (key: string, fallback: number) => (typeof inputs[key] === 'number' ? (inputs[key] as number) : fallback);
    switch (classType) {
      case 'EmptyLatentImage':
      case 'EmptyImage':
        return { width: num('width', 512), height: num('height', 512), batch: num('batch_size', 1) };
      case 'LoadImage': {
        const upload = this.uploads.get(String(inputs['image']));
        return { width: upload?.width ?? 512, height: upload?.height ?? 512, batch: 1 };
      }
      case 'LatentUpscaleBy': {
        const base = from ?? { width: 512, height: 512, batch: 1 };
        const scale = num('scale_by', 1);
        return { width: Math.round((base.width * scale) / 8) * 8, height: Math.round((base.height * scale) / 8) * 8, batch: base.batch };
      }
      case 'ImageScale':
        return { width: num('width', from?.width ?? 512), height: num('height', from?.height ?? 512), batch: from?.batch ?? 1 };
      case 'RepeatLatentBatch': {
        const base = from ?? { width: 512, height: 512, batch: 1 };
        return { ...base, batch: base.batch * num('amount', 1) };
      }
      default:
        return from ?? { width: 512, height: 512, batch: 1 };
    }
  }
}

function safeJson(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
