/**
 * A loopback Together AI for tests and the end-to-end harness, following openapi.yaml:
 * `POST /v1/images/generations` (Bearer auth, required `prompt`/`model`, base64 or URL
 * results), `GET /v1/models`, and ErrorData bodies `{error:{message, type, param, code}}` for
 * every failure. Tests steer it: fail the next N calls with a status (503, 429 + Retry-After…),
 * answer with an HTML page, hang, or send a truncated/oversized image.
 *
 *   const together = await TogetherTestServer.start();
 *   new TogetherImageClient({ baseUrl: together.baseUrl, getKey: async () => together.key });
 *   together.failAlways(503);   // the e2e fallback scenario
 */
import { type Fault, jsonBody, LoopbackServer, sendBytes, sendJson, credential } from '../http/testing/loopback-server';
import { MIME_OF, renderTestImage, truncatedTestImage } from '../http/testing/test-images';

export const TOGETHER_TEST_KEY = 'tgp_v1_loopback-test-key-0123456789';

/** ErrorData as Together sends it. */
export function togetherError(message: string, type: string, param: string | null = null, code: string | null = null) {
  return { error: { message, type, param, code } };
}

const STATUS_ERRORS: Readonly<Record<number, { message: string; type: string }>> = {
  400: { message: 'Input validation error', type: 'invalid_request_error' },
  401: { message: 'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.', type: 'invalid_request_error' },
  402: { message: 'Credit limit exceeded. Please navigate to https://api.together.xyz/settings/billing to add credit or increase your spending limit.', type: 'credit_limit' },
  404: { message: 'Unable to access model. Please visit https://api.together.ai/models to view the list of supported models.', type: 'invalid_request_error' },
  429: { message: 'You have been rate limited. Your rate limit is 60 queries per minute. Please navigate to https://api.together.xyz/settings/billing to upgrade your plan.', type: 'dynamic_request_limited' },
  500: { message: 'Internal server error', type: 'server_error' },
  503: { message: 'The server is overloaded or not ready yet.', type: 'server_error' },
};

export type TogetherImageFault = 'truncated' | 'oversized' | 'html' | null;

export class TogetherTestServer {
  /** Bodies of every `POST /images/generations`, in order. */
  readonly generations: Array<Record<string, unknown>> = [];
  /** `base64` (default, what the client asks for) or `url` (answer with a link to download). */
  answerFormat: 'base64' | 'url' = 'base64';
  /** Breaks the next image: cut off, far too large, or an HTML page instead. */
  imageFault: TogetherImageFault = null;
  /** Size of the "oversized" image in bytes. */
  oversizedBytes = 4 * 1024 * 1024;
  private readonly files = new Map<string, Buffer>();

  private constructor(
    readonly server: LoopbackServer,
    readonly key: string,
  ) {}

  static async start(options: { readonly key?: string } = {}): Promise<TogetherTestServer> {
    const instance = new TogetherTestServer(await LoopbackServer.start(), options.key ?? TOGETHER_TEST_KEY);
    instance.install();
    return instance;
  }

  /** What a client's `baseUrl` should be (with `/v1`, like the real one). */
  get baseUrl(): string {
    return `${this.server.url}/v1`;
  }

  /** The next `count` API calls answer `status` with Together's error body (429 carries Retry-After). */
  failNext(count: number, status: number, options: { readonly retryAfter?: string; readonly message?: string; readonly param?: string } = {}): this {
    this.server.failNext(count, this.statusFault(status, options), /^\/v1\//);
    return this;
  }

  /** Every API call answers `status` until `recover()` (e.g. 503 for the fallback scenario). */
  failAlways(status: number, options: { readonly retryAfter?: string; readonly message?: string } = {}): this {
    this.server.failAlways(this.statusFault(status, options), /^\/v1\//);
    return this;
  }

  /** The next `count` calls get an HTML error page (a proxy in front of a wrong base URL). */
  answerHtmlNext(count: number, status = 502): this {
    this.server.failNext(count, { type: 'html', status }, /^\/v1\//);
    return this;
  }

  /** The next `count` calls are accepted and never answered. */
  hangNext(count: number): this {
    this.server.failNext(count, { type: 'hang' }, /^\/v1\//);
    return this;
  }

  recover(): this {
    this.server.recover();
    this.imageFault = null;
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private statusFault(status: number, options: { readonly retryAfter?: string | undefined; readonly message?: string | undefined; readonly param?: string | undefined }): Fault {
    const known = STATUS_ERRORS[status] ?? { message: `HTTP ${status}`, type: 'server_error' };
    return {
      type: 'status',
      status,
      json: togetherError(options.message ?? known.message, known.type, options.param ?? null),
      ...(options.retryAfter === undefined ? {} : { headers: { 'retry-after': options.retryAfter } }),
    };
  }

  private authorised(headers: Parameters<typeof credential>[0]): boolean {
    return credential(headers, 'Bearer') === this.key;
  }

  private install(): void {
    this.server.route('GET', '/v1/models', (request, response) => {
      if (!this.authorised(request.headers)) return sendJson(response, 401, togetherError(STATUS_ERRORS[401]!.message, 'invalid_request_error', null, 'invalid_api_key'));
      // The real answer is a bare array of model objects.
      sendJson(response, 200, [
        { id: 'black-forest-labs/FLUX.1-schnell', object: 'model', type: 'image', display_name: 'FLUX.1 [schnell]' },
        { id: 'black-forest-labs/FLUX.1.1-pro', object: 'model', type: 'image', display_name: 'FLUX1.1 [pro]' },
      ]);
    });

    this.server.route('POST', '/v1/images/generations', async (request, response) => {
      if (!this.authorised(request.headers)) return sendJson(response, 401, togetherError(STATUS_ERRORS[401]!.message, 'invalid_request_error', null, 'invalid_api_key'));
      const body = jsonBody(request);
      if (body === null || typeof body !== 'object') return sendJson(response, 400, togetherError('Request body must be JSON.', 'invalid_request_error'));
      const input = body as Record<string, unknown>;
      this.generations.push(input);
      for (const field of ['prompt', 'model'] as const) {
        if (typeof input[field] !== 'string' || (input[field] as string).trim() === '') {
          return sendJson(response, 400, togetherError(`${field} is required`, 'invalid_request_error', field));
        }
      }
      const width = input.width ?? 1024;
      const height = input.height ?? 1024;
      for (const [field, value] of [['width', width], ['height', height]] as const) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 64 || value > 1792 || value % 16 !== 0) {
          return sendJson(response, 400, togetherError(`${field} must be a multiple of 16 between 64 and 1792`, 'invalid_request_error', field));
        }
      }
      const format = input.output_format === 'png' ? 'png' : 'jpeg';
      const bytes = await this.image(width as number, height as number, format, typeof input.seed === 'number' ? input.seed : 0);
      if (this.imageFault === 'html') {
        response.writeHead(200, { 'content-type': 'text/html' });
        return void response.end('<html><body>Welcome to nginx!</body></html>');
      }
      const id = `img-${this.generations.length}`;
      if (this.answerFormat === 'url') {
        this.files.set(id, bytes);
        return sendJson(response, 200, { id, model: input.model, object: 'list', data: [{ index: 0, url: `${this.server.url}/files/${id}.${format}`, type: 'url' }] });
      }
      sendJson(response, 200, { id, model: input.model, object: 'list', data: [{ index: 0, b64_json: bytes.toString('base64'), type: 'b64_json' }] });
    });

    this.server.route('GET', /^\/files\/([\w-]+)\.(png|jpeg)$/, (request, response) => {
      const file = this.files.get(request.params[0] ?? '');
      if (!file) return sendJson(response, 404, { error: 'not found' });
      // Sent without Content-Length so the client's streamed limit is what stops an oversized file.
      sendBytes(response, 200, file, MIME_OF[request.params[1] === 'png' ? 'png' : 'jpeg'], { chunked: true });
    });
  }

  private async image(width: number, height: number, format: 'png' | 'jpeg', seed: number): Promise<Buffer> {
    if (this.imageFault === 'truncated') return truncatedTestImage(width, height, format);
    if (this.imageFault === 'oversized') {
      const real = await renderTestImage(width, height, format, seed);
      return Buffer.concat([real, Buffer.alloc(Math.max(0, this.oversizedBytes - real.length))]);
    }
    return renderTestImage(width, height, format, seed);
  }
}
