/**
 * HTTP to a ComfyUI server, from the main process only. Node's fetch sends no `Origin` header,
 * which is what ComfyUI's origin-only middleware wants (server.py `create_origin_only_middleware`:
 * a browser-origin request from another origin gets 403). An optional bearer token serves
 * servers behind an authenticating proxy. Failures become ProviderErrors with a sentence the
 * user can act on; the token never appears in a message.
 */
import { checkImage } from '../http/image-check';
import { readLimited } from '../http/read-limited';
import { ProviderError } from '../provider';

export interface ComfyHttpOptions {
  readonly baseUrl: string;
  readonly token?: string | null;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST';
  readonly json?: unknown;
  readonly form?: FormData;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** A non-2xx answer, kept whole so callers can read ComfyUI's error body (`/prompt` 400). */
export class ComfyHttpError extends ProviderError {
  constructor(
    kind: ProviderError['kind'],
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(kind, message);
    this.name = 'ComfyHttpError';
  }
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** 100 MB: ComfyUI's own upload limit (`--max-upload-size`); an output bigger than this is refused. */
export const DEFAULT_MAX_OUTPUT_BYTES = 100 * 1024 * 1024;
/**
 * 64 MB: far above the biggest JSON ComfyUI sends (`/object_info` with many custom node packs is
 * a few MB); a server streaming without end is cut off here instead of filling main's memory.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** An error body is only quoted in a message: 64 KB is plenty. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export class ComfyHttp {
  readonly baseUrl: string;
  private readonly token: string | null;

  constructor(options: ComfyHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token ?? null;
  }

  /** The websocket URL for this server (`ws(s)://host/ws?clientId=`). */
  wsUrl(clientId: string): string {
    const url = new URL(`${this.baseUrl}/ws`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('clientId', clientId);
    return url.toString();
  }

  authHeaders(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  async json<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options);
    const text = new TextDecoder().decode(await readLimited(response, MAX_JSON_BYTES, `ComfyUI's answer to ${path.split('?')[0]}`));
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ProviderError('provider_failure', `${this.baseUrl}${path} answered with something that is not JSON — is this ComfyUI?`);
    }
  }

  /** For routes that answer 200 with an empty body (`/interrupt`, `/queue`). */
  async post(path: string, json: unknown, options: Omit<RequestOptions, 'json' | 'method'> = {}): Promise<void> {
    const response = await this.send(path, { ...options, method: 'POST', json });
    await response.arrayBuffer();
  }

  /**
   * An image from `/view`: refused unless it is an image type, and read no further than
   * `maxBytes` (Content-Length checked first, then counted while streaming).
   */
  async image(path: string, maxBytes: number, options: RequestOptions = {}): Promise<{ bytes: Uint8Array; mime: string }> {
    const response = await this.send(path, options);
    const mime = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!IMAGE_TYPES.has(mime)) {
      await response.body?.cancel();
      throw new ProviderError('provider_failure', `ComfyUI sent "${mime || 'no content type'}" instead of an image for ${path.split('?')[0]}.`);
    }
    // The shared streamed reader: Content-Length first, then counted; never more than maxBytes in memory.
    const bytes = await readLimited(response, maxBytes, 'The ComfyUI output');
    // The magic bytes and end marker prove it is a whole image (an error page sent as image/png is not).
    const checked = await checkImage(bytes, `ComfyUI at ${this.baseUrl}`);
    return { bytes: checked.bytes, mime: checked.mime };
  }

  private async send(path: string, options: RequestOptions): Promise<Response> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json, image/*', ...this.authHeaders() };
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, signal, ...(body === undefined ? {} : { body }), redirect: 'error' });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeout.aborted) throw new ProviderError('timeout', `ComfyUI at ${this.baseUrl} did not answer ${path.split('?')[0]} in time.`);
      throw new ProviderError('unreachable', `ComfyUI at ${this.baseUrl} is not answering (${describeNetworkError(error)}).`);
    }
    if (response.ok) return response;
    // Limited like every body: an error page that never ends must not hang or fill memory.
    const text = await readLimited(response, MAX_ERROR_BODY_BYTES, 'The error body')
      .then((bytes) => new TextDecoder().decode(bytes))
      .catch(() => '');
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON (a proxy's HTML page): keep the text.
    }
    throw this.statusError(path, response.status, parsed);
  }

  private statusError(path: string, status: number, body: unknown): ComfyHttpError {
    const route = path.split('?')[0];
    if (status === 401) {
      return new ComfyHttpError('unauthorised', `ComfyUI at ${this.baseUrl} asks for a token (401): set it in Settings → Providers → ComfyUI.`, status, body);
    }
    if (status === 403) {
      return new ComfyHttpError(
        'unauthorised',
        `ComfyUI at ${this.baseUrl} refused the request (403). A proxy may want a token, or ComfyUI was started with a CORS/origin rule that blocks this app.`,
        status,
        body,
      );
    }
    if (status === 400) return new ComfyHttpError('invalid_request', `ComfyUI refused ${route} (400).`, status, body);
    if (status === 404) return new ComfyHttpError('provider_failure', `ComfyUI at ${this.baseUrl} has no ${route} (404) — is it ComfyUI, and up to date?`, status, body);
    if (status === 413) return new ComfyHttpError('invalid_request', 'The image is larger than ComfyUI accepts (--max-upload-size).', status, body);
    return new ComfyHttpError('provider_failure', `ComfyUI answered ${route} with HTTP ${status}.`, status, body);
  }
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  if (code === 'ECONNREFUSED') return 'connection refused — is ComfyUI running on that port?';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection dropped';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
  return code || (cause instanceof Error ? cause.message : 'network error');
}
