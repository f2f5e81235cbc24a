/**
 * A loopback Pollinations image server for tests: `GET /prompt/{prompt}` with the documented
 * query (width, height, seed, model, nologo, private, enhance, negative_prompt) answers a JPEG;
 * a second request while one is running gets the anonymous tier's 429 (one at a time per IP);
 * `GET /models` lists models. Records the highest number of requests it saw at once.
 */
import { LoopbackServer, sendBytes, sendJson } from '../http/testing/loopback-server';
import { renderTestImage, truncatedTestImage } from '../http/testing/test-images';

export class PollinationsTestServer {
  readonly calls: Array<{ prompt: string; query: URLSearchParams; authorization: string | undefined }> = [];
  /** Real time each image takes (to make requests overlap if the client let them). */
  renderMs = 0;
  maxInFlight = 0;
  imageFault: 'truncated' | null = null;
  private inFlight = 0;

  private constructor(readonly server: LoopbackServer) {}

  static async start(): Promise<PollinationsTestServer> {
    const instance = new PollinationsTestServer(await LoopbackServer.start());
    instance.install();
    return instance;
  }

  get baseUrl(): string {
    return this.server.url;
  }

  failNext(count: number, status: number, error = `HTTP ${status}`, headers?: Record<string, string>): this {
    this.server.failNext(count, { type: 'status', status, json: { error, status }, ...(headers ? { headers } : {}) });
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private install(): void {
    this.server.route('GET', '/models', (_request, response) => sendJson(response, 200, ['flux', 'turbo']));
    this.server.route('GET', /^\/prompt\/(.+)$/, async (request, response) => {
      if (this.inFlight > 0) return sendJson(response, 429, { error: 'Too Many Requests', message: 'Queue full for IP: 127.0.0.1. Anonymous users may run 1 request at a time.' }, { 'retry-after': '5' });
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        const auth = request.headers.authorization;
        this.calls.push({ prompt: request.params[0]!, query: request.query, authorization: typeof auth === 'string' ? auth : undefined });
        if (this.renderMs > 0) await new Promise((resolve) => setTimeout(resolve, this.renderMs));
        const width = Number(request.query.get('width') ?? 1024);
        const height = Number(request.query.get('height') ?? 1024);
        const bytes = this.imageFault === 'truncated' ? await truncatedTestImage(width, height, 'jpeg') : await renderTestImage(width, height, 'jpeg', Number(request.query.get('seed') ?? 42));
        sendBytes(response, 200, bytes, 'image/jpeg');
      } finally {
        this.inFlight -= 1;
      }
    });
  }
}
