/**
 * A loopback Replicate for tests (replicate-javascript lib/predictions.js, index.d.ts; the HTTP
 * API docs): `POST /v1/models/{owner}/{name}/predictions` and `POST /v1/predictions` (version)
 * with `Prefer: wait=N`; `GET /v1/predictions/{id}` walks starting → processing (a tqdm
 * progress bar in `logs`) → succeeded | failed; `POST /v1/predictions/{id}/cancel`;
 * `GET /v1/account`. Errors are problem details `{title, detail, status}` (422 adds
 * `invalid_fields`); outputs are URLs on a delivery path served here.
 */
import { jsonBody, LoopbackServer, sendBytes, sendJson, credential } from '../http/testing/loopback-server';
import { renderTestImage, truncatedTestImage } from '../http/testing/test-images';

export const REPLICATE_TEST_KEY = 'r8_LoopbackTestToken0123456789abcdefABCDEF';

interface PredictionState {
  readonly id: string;
  readonly model: string;
  readonly version: string | null;
  readonly input: Record<string, unknown>;
  readonly prefer: string | null;
  polls: number;
  status: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';
}

export function replicateProblem(status: number, title: string, detail: string, invalidFields?: ReadonlyArray<{ type: string; field: string; description: string }>) {
  return { title, detail, status, ...(invalidFields ? { invalid_fields: invalidFields } : {}) };
}

export class ReplicateTestServer {
  readonly predictions: PredictionState[] = [];
  readonly cancelled: string[] = [];
  /**
   * Polls a prediction spends unfinished after it is created (0 = it finishes within the
   * `Prefer: wait` window and the create call answers `succeeded`).
   */
  pendingPolls = 0;
  /** Finish as `failed` with this error instead of succeeding. */
  failWith: string | null = null;
  imageFault: 'truncated' | null = null;
  /** Answer with a single URL string instead of a list (FLUX 1.1 [pro]'s output shape). */
  singleOutput = false;
  private readonly files = new Map<string, Buffer>();

  private constructor(
    readonly server: LoopbackServer,
    readonly key: string,
  ) {}

  static async start(options: { readonly key?: string } = {}): Promise<ReplicateTestServer> {
    const instance = new ReplicateTestServer(await LoopbackServer.start(), options.key ?? REPLICATE_TEST_KEY);
    instance.install();
    return instance;
  }

  get baseUrl(): string {
    return `${this.server.url}/v1`;
  }

  /** The next `count` API calls answer `status` with a problem-details body. */
  failNext(count: number, status: number, detail = `HTTP ${status}`, headers?: Record<string, string>): this {
    const titles: Record<number, string> = { 401: 'Unauthenticated', 402: 'Payment Required', 404: 'Not found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };
    this.server.failNext(count, { type: 'status', status, json: replicateProblem(status, titles[status] ?? `HTTP ${status}`, detail), ...(headers ? { headers } : {}) }, /^\/v1\//);
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async view(state: PredictionState): Promise<Record<string, unknown>> {
    const url = `${this.server.url}/v1/predictions/${state.id}`;
    const done = state.status === 'succeeded';
    let output: unknown = null;
    if (done) {
      const file = `${state.id}-out-0.png`;
      if (!this.files.has(file)) {
        const size = { width: Number(state.input.width) || 1024, height: Number(state.input.height) || 1024 };
        this.files.set(file, this.imageFault === 'truncated' ? await truncatedTestImage(size.width, size.height) : await renderTestImage(size.width, size.height, 'png', Number(state.input.seed) || 0));
      }
      const link = `${this.server.url}/delivery/${file}`;
      output = this.singleOutput ? link : [link];
    }
    const step = Math.max(1, Math.min(4, state.polls));
    return {
      id: state.id,
      model: state.model,
      version: state.version ?? 'dp-loopback',
      input: state.input,
      logs: state.status === 'processing' ? `Using seed: 1\n${step * 25}%|${'█'.repeat(step)}     | ${step}/4 [00:0${step}<00:01, 1.2it/s]` : '',
      output,
      data_removed: false,
      error: state.status === 'failed' ? this.failWith : null,
      status: state.status,
      created_at: '2026-11-25T12:00:00.000Z',
      urls: { get: url, cancel: `${url}/cancel`, stream: `${this.server.url}/stream/${state.id}` },
      metrics: done ? { predict_time: 1.2, total_time: 1.5 } : {},
    };
  }

  private advance(state: PredictionState): void {
    if (state.status === 'canceled' || state.status === 'succeeded' || state.status === 'failed') return;
    state.polls += 1;
    if (state.polls > this.pendingPolls) state.status = this.failWith ? 'failed' : 'succeeded';
    else state.status = 'processing';
  }

  private install(): void {
    const unauthorised = (headers: Parameters<typeof credential>[0]) => credential(headers, 'Bearer') !== this.key;
    const denied = replicateProblem(401, 'Unauthenticated', 'You did not pass a valid authentication token');

    const create = async (model: string, version: string | null, request: Parameters<Parameters<LoopbackServer['route']>[2]>[0], response: Parameters<Parameters<LoopbackServer['route']>[2]>[1]) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, denied);
      const body = jsonBody(request) as { input?: unknown } | undefined;
      const input = body?.input;
      if (input === null || typeof input !== 'object') {
        return sendJson(response, 422, replicateProblem(422, 'Input validation failed', '- input: input is required', [{ type: 'required', field: 'input', description: 'input is required' }]));
      }
      const fields = input as Record<string, unknown>;
      if (typeof fields.prompt !== 'string' || fields.prompt.trim() === '') {
        return sendJson(response, 422, replicateProblem(422, 'Input validation failed', '- input: prompt is required', [{ type: 'required', field: 'input.prompt', description: 'prompt is required' }]));
      }
      const prefer = typeof request.headers.prefer === 'string' ? request.headers.prefer : null;
      const state: PredictionState = { id: `lb${(this.predictions.length + 1).toString().padStart(6, '0')}q0xrg`, model, version, input: fields, prefer, polls: 0, status: 'starting' };
      this.predictions.push(state);
      // With `Prefer: wait` a prediction that finishes in time comes back finished.
      if (prefer?.startsWith('wait') && this.pendingPolls === 0) state.status = this.failWith ? 'failed' : 'succeeded';
      sendJson(response, 201, await this.view(state));
    };

    this.server.route('POST', /^\/v1\/models\/([\w.-]+\/[\w.-]+)\/predictions$/, (request, response) => create(request.params[0]!, null, request, response));
    this.server.route('POST', '/v1/predictions', (request, response) => {
      const version = (jsonBody(request) as { version?: unknown } | undefined)?.version;
      if (typeof version !== 'string') return sendJson(response, 422, replicateProblem(422, 'Invalid version or not permitted', 'The specified version does not exist (or perhaps you don\'t have permission to use it?)'));
      return create('loopback/versioned', version, request, response);
    });

    this.server.route('GET', /^\/v1\/predictions\/(\w+)$/, async (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, denied);
      const state = this.predictions.find((p) => p.id === request.params[0]);
      if (!state) return sendJson(response, 404, replicateProblem(404, 'Not found', 'Not found.'));
      this.advance(state);
      sendJson(response, 200, await this.view(state));
    });

    this.server.route('POST', /^\/v1\/predictions\/(\w+)\/cancel$/, async (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, denied);
      const state = this.predictions.find((p) => p.id === request.params[0]);
      if (!state) return sendJson(response, 404, replicateProblem(404, 'Not found', 'Not found.'));
      this.cancelled.push(state.id);
      if (state.status === 'starting' || state.status === 'processing') state.status = 'canceled';
      sendJson(response, 200, await this.view(state));
    });

    this.server.route('GET', '/v1/account', (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, denied);
      sendJson(response, 200, { type: 'user', username: 'loopback', name: 'Loopback Tester', github_url: null });
    });

    this.server.route('GET', /^\/delivery\/([\w.-]+)$/, (request, response) => {
      const file = this.files.get(request.params[0]!);
      if (!file) return sendJson(response, 404, { detail: 'Not found.' });
      sendBytes(response, 200, file, 'image/png');
    });
  }
}
