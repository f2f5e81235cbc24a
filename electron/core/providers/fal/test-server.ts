/**
 * A loopback fal.ai queue for tests, following docs.fal.ai/model-endpoints/queue and fal-js:
 * `POST /{endpoint}` (Authorization: Key …) → IN_QUEUE with request_id and the
 * status/response/cancel URLs (app id without sub-path); `GET …/requests/{id}/status` walks
 * IN_QUEUE (queue_position counting down) → IN_PROGRESS → COMPLETED, one step per poll;
 * `GET …/requests/{id}` returns `{images:[{url, width, height, content_type}], seed,
 * has_nsfw_concepts, timings}` or the model's error (`{detail}` / 422 `{detail:[{loc, msg,
 * type}]}`); `PUT …/requests/{id}/cancel` → 202 CANCELLATION_REQUESTED.
 */
import { jsonBody, LoopbackServer, sendBytes, sendJson, credential } from '../http/testing/loopback-server';
import { renderTestImage, truncatedTestImage } from '../http/testing/test-images';

export const FAL_TEST_KEY = '0d1f6b2e-loopback:5f0c2a9b8e7d6c5b4a39281706f5e4d3';

interface FalRequestState {
  readonly id: string;
  readonly endpoint: string;
  readonly appId: string;
  readonly input: Record<string, unknown>;
  polls: number;
  cancelled: boolean;
}

export class FalTestServer {
  /** Submitted requests, in order. */
  readonly submitted: FalRequestState[] = [];
  /** Request ids whose cancel_url was called. */
  readonly cancelled: string[] = [];
  /** Polls spent IN_QUEUE (queue_position counts down from this) and then IN_PROGRESS. */
  queuePolls = 2;
  progressPolls = 2;
  /** The result read answers this instead of the output (a failed model run). */
  resultError: { readonly status: number; readonly body: unknown } | null = null;
  /** fal's safety checker flags the image. */
  nsfw = false;
  imageFault: 'truncated' | null = null;
  /** Answer with the image inline as a data URI (`sync_mode`). */
  inlineImages = false;
  /** Point the returned URLs at another host (the client must not follow them with the key). */
  foreignUrls = false;
  private readonly images = new Map<string, Buffer>();

  private constructor(
    readonly server: LoopbackServer,
    readonly key: string,
  ) {}

  static async start(options: { readonly key?: string } = {}): Promise<FalTestServer> {
    const instance = new FalTestServer(await LoopbackServer.start(), options.key ?? FAL_TEST_KEY);
    instance.install();
    return instance;
  }

  get baseUrl(): string {
    return this.server.url;
  }

  /** The next `count` calls answer `status` with fal's `{detail}` body. */
  failNext(count: number, status: number, detail = `HTTP ${status}`, headers?: Record<string, string>): this {
    this.server.failNext(count, { type: 'status', status, json: { detail }, ...(headers ? { headers } : {}) });
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private requestUrl(state: FalRequestState): string {
    const host = this.foreignUrls ? 'http://198.51.100.7' : this.server.url;
    return `${host}/${state.appId}/requests/${state.id}`;
  }

  private statusOf(state: FalRequestState): Record<string, unknown> {
    const urls = { request_id: state.id, response_url: this.requestUrl(state), status_url: `${this.requestUrl(state)}/status`, cancel_url: `${this.requestUrl(state)}/cancel` };
    if (state.polls < this.queuePolls) return { status: 'IN_QUEUE', queue_position: this.queuePolls - state.polls - 1, ...urls };
    if (state.polls < this.queuePolls + this.progressPolls) return { status: 'IN_PROGRESS', logs: [], ...urls };
    return { status: 'COMPLETED', logs: [], metrics: { inference_time: 0.4 }, ...urls };
  }

  private find(appId: string, id: string): FalRequestState | undefined {
    return this.submitted.find((s) => s.id === id && s.appId === appId);
  }

  private install(): void {
    const unauthorised = (headers: Parameters<typeof credential>[0]) => credential(headers, 'Key') !== this.key;
    const requestPath = /^\/([\w-]+\/[\w.-]+)\/requests\/([\w-]+)$/;
    const statusPath = /^\/([\w-]+\/[\w.-]+)\/requests\/([\w-]+)\/status$/;
    const cancelPath = /^\/([\w-]+\/[\w.-]+)\/requests\/([\w-]+)\/cancel$/;

    this.server.route('GET', statusPath, (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, { detail: 'Unauthorized' });
      const state = this.find(request.params[0]!, request.params[1]!);
      if (!state) return sendJson(response, 404, { detail: 'Request not found' });
      const status = this.statusOf(state);
      if (!state.cancelled) state.polls += 1;
      sendJson(response, 200, status);
    });

    this.server.route('PUT', cancelPath, (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, { detail: 'Unauthorized' });
      const state = this.find(request.params[0]!, request.params[1]!);
      if (!state) return sendJson(response, 404, { status: 'NOT_FOUND' });
      this.cancelled.push(state.id);
      if (this.statusOf(state).status === 'COMPLETED') return sendJson(response, 400, { status: 'ALREADY_COMPLETED' });
      state.cancelled = true;
      sendJson(response, 202, { status: 'CANCELLATION_REQUESTED' });
    });

    this.server.route('GET', requestPath, async (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, { detail: 'Unauthorized' });
      const state = this.find(request.params[0]!, request.params[1]!);
      if (!state) return sendJson(response, 404, { detail: 'Request not found' });
      if (this.statusOf(state).status !== 'COMPLETED') return sendJson(response, 400, { detail: 'Request is still in progress' });
      if (this.resultError) return sendJson(response, this.resultError.status, this.resultError.body);
      const size = (state.input.image_size as { width?: number; height?: number } | undefined) ?? {};
      const width = size.width ?? 1024;
      const height = size.height ?? 768;
      const bytes = this.imageFault === 'truncated' ? await truncatedTestImage(width, height) : await renderTestImage(width, height, 'png', Number(state.input.seed) || 0);
      this.images.set(state.id, bytes);
      const url = this.inlineImages ? `data:image/png;base64,${bytes.toString('base64')}` : `${this.server.url}/files/${state.id}.png`;
      sendJson(response, 200, {
        images: [{ url, width, height, content_type: 'image/png' }],
        seed: state.input.seed ?? 1234,
        has_nsfw_concepts: [this.nsfw],
        prompt: state.input.prompt,
        timings: { inference: 0.4 },
      });
    });

    this.server.route('GET', /^\/files\/([\w-]+)\.png$/, (request, response) => {
      const bytes = this.images.get(request.params[0]!);
      if (!bytes) return sendJson(response, 404, { detail: 'File not found' });
      sendBytes(response, 200, bytes, 'image/png', { chunked: true });
    });

    // Submit: any endpoint id (owner/app[/sub/path]).
    this.server.route('POST', /^\/([\w-]+\/[\w.-]+)((?:\/[\w.-]+)*)$/, (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, { detail: 'Unauthorized' });
      const input = jsonBody(request);
      if (input === null || typeof input !== 'object') return sendJson(response, 422, { detail: [{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' }] });
      const body = input as Record<string, unknown>;
      if (typeof body.prompt !== 'string' || body.prompt.trim() === '') {
        return sendJson(response, 422, { detail: [{ loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' }] });
      }
      const size = body.image_size as { width?: unknown; height?: unknown } | undefined;
      if (size !== undefined && (typeof size.width !== 'number' || typeof size.height !== 'number' || size.width > 14142 || size.height > 14142)) {
        return sendJson(response, 422, { detail: [{ loc: ['body', 'image_size', 'width'], msg: 'Input should be less than or equal to 14142', type: 'less_than_equal' }] });
      }
      const state: FalRequestState = {
        id: `${(this.submitted.length + 1).toString(16).padStart(8, '0')}-fal0-4000-8000-loopback0000`,
        endpoint: `${request.params[0]}${request.params[1] ?? ''}`,
        appId: request.params[0]!,
        input: body,
        polls: 0,
        cancelled: false,
      };
      this.submitted.push(state);
      sendJson(response, 200, { ...this.statusOf(state), status: 'IN_QUEUE', queue_position: this.queuePolls });
    });
  }
}
