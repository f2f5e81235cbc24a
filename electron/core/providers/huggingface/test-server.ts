/**
 * A loopback Hugging Face for tests: the router's `POST /hf-inference/models/{owner}/{name}`
 * (Bearer token; `{inputs, parameters}`; raw image bytes back), a cold model's 503
 * `{"error":"Model … is currently loading","estimated_time":…}`, `{error}` bodies for the
 * rest (400 validation, 402 monthly credits), and the Hub's `GET /api/whoami-v2`.
 */
import { jsonBody, LoopbackServer, sendBytes, sendJson, credential } from '../http/testing/loopback-server';
import { type TestImageFormat, MIME_OF, renderTestImage, truncatedTestImage } from '../http/testing/test-images';

export const HUGGINGFACE_TEST_KEY = 'hf_LoopbackTestToken0123456789abcdefABCD';

export class HuggingFaceTestServer {
  readonly calls: Array<{ model: string; body: Record<string, unknown> }> = [];
  /** The next N calls find the model cold (503 with `estimated_time`). */
  loadingCalls = 0;
  estimatedTime = 20.5;
  /** Models that need a licence the token has not accepted (FLUX.1-dev is gated). */
  readonly gated = new Set<string>();
  format: TestImageFormat = 'jpeg';
  imageFault: 'truncated' | null = null;

  private constructor(
    readonly server: LoopbackServer,
    readonly key: string,
  ) {}

  static async start(options: { readonly key?: string } = {}): Promise<HuggingFaceTestServer> {
    const instance = new HuggingFaceTestServer(await LoopbackServer.start(), options.key ?? HUGGINGFACE_TEST_KEY);
    instance.install();
    return instance;
  }

  /** The client's base URL (the router's hf-inference provider path). */
  get baseUrl(): string {
    return `${this.server.url}/hf-inference`;
  }

  /** The client's Hub URL. */
  get hubUrl(): string {
    return this.server.url;
  }

  /** The next `count` calls answer `status` with `{error}`. */
  failNext(count: number, status: number, error = `HTTP ${status}`, headers?: Record<string, string>): this {
    this.server.failNext(count, { type: 'status', status, json: { error }, ...(headers ? { headers } : {}) });
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private install(): void {
    const unauthorised = (headers: Parameters<typeof credential>[0]) => credential(headers, 'Bearer') !== this.key;

    this.server.route('POST', /^\/hf-inference\/models\/([\w.-]+\/[\w.-]+)$/, async (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, { error: 'Invalid credentials in Authorization header' });
      const model = request.params[0]!;
      const body = jsonBody(request) as Record<string, unknown> | undefined;
      if (!body || typeof body.inputs !== 'string' || body.inputs.trim() === '') {
        return sendJson(response, 400, { error: 'Input validation error: `inputs` cannot be empty', error_type: 'validation' });
      }
      this.calls.push({ model, body });
      if (this.gated.has(model)) return sendJson(response, 403, { error: `Access to model ${model} is restricted. You must have access to it and be authenticated to access it. Please log in.` });
      if (this.loadingCalls > 0) {
        this.loadingCalls -= 1;
        return sendJson(response, 503, { error: `Model ${model} is currently loading`, estimated_time: this.estimatedTime });
      }
      const parameters = (body.parameters ?? {}) as { width?: number; height?: number; seed?: number };
      const width = parameters.width ?? 1024;
      const height = parameters.height ?? 1024;
      const bytes = this.imageFault === 'truncated' ? await truncatedTestImage(width, height, this.format) : await renderTestImage(width, height, this.format, parameters.seed ?? 0);
      sendBytes(response, 200, bytes, MIME_OF[this.format]);
    });

    this.server.route('GET', '/api/whoami-v2', (request, response) => {
      if (unauthorised(request.headers)) return sendJson(response, 401, { error: 'Invalid credentials in Authorization header' });
      sendJson(response, 200, { type: 'user', name: 'loopback', fullname: 'Loopback Tester', auth: { type: 'access_token', accessToken: { displayName: 'wokgen', role: 'fineGrained' } } });
    });
  }
}
