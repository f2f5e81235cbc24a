/**
 * The one fetch layer every cloud client goes through. Each call gets a timeout combined with
 * the job's AbortSignal (cancel → `cancelled`, our own clock running out → `timeout`), waits
 * for a token from the provider's bucket when it creates work, and turns every failure into a
 * typed ProviderError: statuses via `statusError`, network errors as `unreachable`, HTML or
 * non-JSON answers as a clear `provider_failure`. Keys are passed per call so they can be
 * scrubbed from anything that reaches a message.
 */
import { isLoopbackHostname } from '../../../../shared/url-rules';
import { ProviderError } from '../provider';
import { type Clock, systemClock } from './clock';
import { type DescribeError, describeUrl, parseRetryAfter, redact, statusError } from './errors';
import { type CheckedImage, checkImage, sniffImageMime } from './image-check';
import { decodeBase64Image, isDataUrl } from './image-data';
import { readLimited } from './read-limited';
import type { TokenBucket } from './token-bucket';

export type FetchLike = typeof fetch;

export interface ProviderHttpOptions {
  /** The provider's name as the user knows it ("Together AI"). */
  readonly label: string;
  readonly describeError: DescribeError;
  readonly timeoutMs: number;
  readonly fetch?: FetchLike | undefined;
  readonly clock?: Clock | undefined;
  readonly bucket?: TokenBucket | null | undefined;
  /** Largest JSON answer read (base64 images make these big). */
  readonly maxJsonBytes?: number | undefined;
  /**
   * The provider's configured API base URL. Only when it is itself on this machine (a local
   * proxy, a test server) may result downloads use plain http or a loopback host.
   */
  readonly baseUrl?: string | null | undefined;
}

export interface HttpCall {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as a JSON body. */
  readonly json?: unknown;
  /** The job's signal. */
  readonly signal: AbortSignal;
  /** Overrides the client's timeout (Replicate's `Prefer: wait` holds the answer up to 60 s). */
  readonly timeoutMs?: number;
  /** Calls that create work take a token first; polls and cancels do not. */
  readonly rateLimited?: boolean;
  /** Values to scrub from any message (the key). */
  readonly secrets?: ReadonlyArray<string>;
}

export interface HttpAnswer<T> {
  readonly body: T;
  readonly status: number;
  readonly headers: Headers;
}

const MAX_REDIRECTS = 5;
const DEFAULT_MAX_JSON_BYTES = 48 * 1024 * 1024;
/** Error bodies are short; an endless one is not read past this. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

class TimedOut extends Error {
  constructor() {
    super('timed out');
    this.name = 'TimeoutError';
  }
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  return /\bhtml\b/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body|\?xml|[a-z]+[\s>])/i.test(text);
}

export class ProviderHttp {
  readonly label: string;
  private readonly fetchImpl: FetchLike;
  private readonly clock: Clock;

  constructor(private readonly options: ProviderHttpOptions) {
    this.label = options.label;
    this.fetchImpl = options.fetch ?? fetch;
    this.clock = options.clock ?? systemClock;
  }

  /** A JSON request; a 2xx answer that is not JSON is a `provider_failure`. */
  json<T = unknown>(call: HttpCall): Promise<HttpAnswer<T>> {
    return this.send(call, async (response) => {
      const bytes = await readLimited(response, this.options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES, `${this.label}'s answer`);
      const text = new TextDecoder().decode(bytes);
      if (looksLikeHtml(text, response.headers.get('content-type'))) {
        throw new ProviderError('provider_failure', `${this.label} answered with HTML instead of JSON — check the base URL in Settings → Providers.`);
      }
      try {
        return { body: JSON.parse(text) as T, status: response.status, headers: response.headers };
      } catch {
        throw new ProviderError('provider_failure', `${this.label} answered with something that is not JSON (HTTP ${response.status}).`);
      }
    });
  }

  /** A request whose 2xx answer is an image (Hugging Face, Pollinations), checked whole. */
  image(call: HttpCall, maxBytes: number): Promise<HttpAnswer<CheckedImage>> {
    return this.send(call, async (response) => ({ body: await this.readImage(response, maxBytes, `${this.label}'s image`), status: response.status, headers: response.headers }));
  }

  /**
   * Fetches a result URL (a provider CDN) — or decodes it, when the provider inlined the image
   * as a data URI. No key is sent — the URLs are signed or public — and no token is taken: it
   * is not a call to the provider's API.
   */
  async download(url: string, signal: AbortSignal, maxBytes: number): Promise<CheckedImage> {
    if (isDataUrl(url)) return checkImage(decodeBase64Image(url, maxBytes, this.label), this.label);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ProviderError('provider_failure', `${this.label} returned an image address that is not a URL.`);
    }
    // A result URL comes from the provider's answer: it must not point us at plain http or a
    // service on this machine (SSRF), unless the user's configured API is itself local.
    if (!this.localAllowed() && (parsed.protocol !== 'https:' || isLoopbackHostname(parsed.hostname))) {
      throw new ProviderError('provider_failure', `${this.label} returned an image address (${describeUrl(url)}) that is not https on another host; it was not downloaded.`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new ProviderError('provider_failure', `${this.label} returned an image address that is not http(s).`);
    }
    // A CDN's answers say nothing about the API's rate: the bucket is left alone.
    return this.send({ url, signal }, (response) => this.readImage(response, maxBytes, `${this.label}'s image at ${describeUrl(url)}`), false);
  }

  private localAllowed(): boolean {
    try {
      return this.options.baseUrl ? isLoopbackHostname(new URL(this.options.baseUrl).hostname) : false;
    } catch {
      return false;
    }
  }

  private async readImage(response: Response, maxBytes: number, what: string): Promise<CheckedImage> {
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    // Octet-stream is common on CDNs; the bytes are sniffed either way.
    if (contentType !== '' && !contentType.startsWith('image/') && !contentType.startsWith('application/octet-stream')) {
      const bytes = await readLimited(response, MAX_ERROR_BODY_BYTES, what).catch(() => new Uint8Array(0));
      if (sniffImageMime(bytes) === null) {
        const html = looksLikeHtml(new TextDecoder().decode(bytes), contentType);
        throw new ProviderError('provider_failure', html ? `${what} was an HTML page, not an image — check the base URL in Settings → Providers.` : `${what} was ${contentType.split(';')[0]}, not an image.`);
      }
      return checkImage(bytes, this.label);
    }
    const bytes = await readLimited(response, maxBytes, what);
    return checkImage(bytes, this.label);
  }

  private async send<T>(call: HttpCall, read: (response: Response) => Promise<T>, apiCall = true): Promise<T> {
    const bucket = apiCall ? this.options.bucket : null;
    const secrets = call.secrets ?? [];
    const timeoutMs = call.timeoutMs ?? this.options.timeoutMs;
    const timeout = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      if (call.rateLimited && bucket) await bucket.take(call.signal);
      timer = setTimeout(() => timeout.abort(new TimedOut()), timeoutMs);
      const signal = AbortSignal.any([call.signal, timeout.signal]);
      const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
      if (call.json !== undefined) headers['content-type'] = 'application/json';
      const init: RequestInit = {
        method: call.method ?? (call.json === undefined ? 'GET' : 'POST'),
        headers,
        ...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
        signal,
      };
      // A call carrying a key never follows a redirect: the key would go wherever the answer
      // points (security review item 6). Key-less fetches (result images) follow safe hops only.
      const authenticated = secrets.length > 0 || Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
      const response = authenticated ? await this.fetchImpl(call.url, { ...init, redirect: 'error' }) : await this.fetchFollowingSafeRedirects(call.url, init);
      if (!response.ok) throw await this.statusFailure(response, secrets, bucket);
      const result = await read(response);
      bucket?.succeeded();
      return result;
    } catch (error) {
      throw this.failure(error, call, timeout.signal.aborted, timeoutMs, secrets);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  /**
   * Follows at most MAX_REDIRECTS hops by hand, each only to an https address that is not this
   * machine: a provider's CDN may redirect, but an answer must not steer us to a local service
   * or to plain http.
   */
  private async fetchFollowingSafeRedirects(url: string, init: RequestInit): Promise<Response> {
    let current = url;
    for (let hop = 0; ; hop += 1) {
      const response = await this.fetchImpl(current, { ...init, redirect: 'manual' });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) throw new ProviderError('provider_failure', `${this.label} redirected more than ${MAX_REDIRECTS} times.`);
      const next = new URL(location, current);
      if (next.protocol !== 'https:' || isLoopbackHostname(next.hostname)) {
        throw new ProviderError('provider_failure', `${this.label} redirected to ${describeUrl(next.toString())}, which is not an https address on another host; not followed.`);
      }
      current = next.toString();
    }
  }

  private async statusFailure(response: Response, secrets: ReadonlyArray<string>, bucket: TokenBucket | null | undefined): Promise<ProviderError> {
    const bytes = await readLimited(response, MAX_ERROR_BODY_BYTES, 'The error body').catch(() => new Uint8Array(0));
    const text = new TextDecoder().decode(bytes);
    const html = looksLikeHtml(text, response.headers.get('content-type'));
    let body: unknown = undefined;
    if (!html && text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
    if (response.status === 429) bucket?.throttled(retryAfterMs);
    return statusError({
      label: this.label,
      status: response.status,
      body,
      html,
      retryAfterMs,
      describe: (value, status) => (typeof value === 'string' ? { message: value } : this.options.describeError(value, status)),
      secrets,
    });
  }

  private failure(error: unknown, call: HttpCall, timedOut: boolean, timeoutMs: number, secrets: ReadonlyArray<string>): ProviderError {
    if (call.signal.aborted) return new ProviderError('cancelled', 'Cancelled.');
    if (timedOut) return new ProviderError('timeout', `${this.label} did not answer within ${Math.ceil(timeoutMs / 1000)} s.`);
    if (error instanceof ProviderError) return error;
    if (error instanceof TypeError) {
      // undici: TypeError("fetch failed") with the socket error as `cause` (ECONNREFUSED, ENOTFOUND…).
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
      const code = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : error.message;
      return new ProviderError('unreachable', redact(`Could not reach ${this.label} at ${describeUrl(call.url)} (${code}).`, secrets));
    }
    const message = error instanceof Error ? error.message : String(error);
    return new ProviderError('provider_failure', redact(`${this.label}: ${message}`, secrets));
  }
}

