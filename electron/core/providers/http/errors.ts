/**
 * HTTP answers → the pipeline's error kinds (ARCHITECTURE.md "Providers"): which status means
 * what, the provider's own message pulled out of its error shape, Retry-After honoured, and no
 * secret ever copied into a message.
 */
import { ProviderError, type ProviderErrorKind } from '../provider';

/** What a provider's error body says, in its own words (each client knows its shape). */
export interface ErrorDetail {
  readonly message?: string | undefined;
  /** The request field at fault (422s), when the provider names one. */
  readonly field?: string | undefined;
  /** The provider's body overrides the status (fal's 403 "Exhausted balance" is out of credits). */
  readonly kind?: ProviderErrorKind | undefined;
}

export type DescribeError = (body: unknown, status: number) => ErrorDetail;

/** A non-2xx answer, kept whole for clients that branch on it (Hugging Face's 503 "loading"). */
export class HttpStatusError extends ProviderError {
  constructor(
    kind: ProviderErrorKind,
    message: string,
    readonly status: number,
    readonly body: unknown,
    retryAfterMs?: number,
  ) {
    super(kind, message, retryAfterMs);
    this.name = 'HttpStatusError';
  }
}

/**
 * Retry-After (RFC 9110 §10.2.3) is either delay-seconds or an HTTP-date; some APIs send a
 * decimal. Returns milliseconds from `nowMs`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP-date names a weekday and month; anything else (e.g. "-5") is not one.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

const REDACTED = '[redacted]';

/**
 * Removes secrets from text that may reach the user or a log: the key itself (some APIs echo
 * "Invalid API key: sk-…"), bearer/key headers, and credentials in URL query strings.
 */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined> = []): string {
  let out = text;
  // Whole secrets first, then each part of a `:`-split one (fal keys are `key_id:key_secret`
  // and an API may echo only one half); case-insensitive, since some APIs upper-case what they echo.
  const parts = secrets.flatMap((secret) => (secret ? [secret, ...secret.split(':')] : []));
  for (const secret of parts) {
    if (secret.length >= 4) out = replaceIgnoringCase(out, secret, REDACTED);
  }
  return out
    .replace(/\b(Bearer|Key|Token)\s+[A-Za-z0-9._~+/:=-]{8,}/g, `$1 ${REDACTED}`)
    .replace(/([?&](?:key|token|api_key|apikey|access_token|auth)=)[^&#\s]+/gi, `$1${REDACTED}`);
}

function replaceIgnoringCase(text: string, needle: string, replacement: string): string {
  // Keys are ASCII, so lower-casing keeps every index where it was.
  const haystack = text.toLowerCase();
  const lower = needle.toLowerCase();
  let out = '';
  let from = 0;
  for (let at = haystack.indexOf(lower); at !== -1; at = haystack.indexOf(lower, from)) {
    out += text.slice(from, at) + replacement;
    from = at + needle.length;
  }
  return out + text.slice(from);
}

/** A URL safe to show: origin and path, never the query (it may carry a token). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(an invalid URL)';
  }
}

const MAX_MESSAGE_CHARS = 300;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS - 1)}…` : flat;
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'unauthorised';
  if (status === 402) return 'out_of_credits';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'provider_failure';
  return 'invalid_request';
}

const ADVICE: Partial<Record<ProviderErrorKind, string>> = {
  unauthorised: 'Check the key in Settings → Providers.',
  out_of_credits: 'Add credit on the provider’s billing page, or use another provider.',
};

export interface StatusErrorInput {
  readonly label: string;
  readonly status: number;
  readonly body: unknown;
  /** The body was an HTML page (a proxy, a login wall or a wrong base URL). */
  readonly html: boolean;
  readonly retryAfterMs: number | undefined;
  readonly describe: DescribeError;
  readonly secrets: ReadonlyArray<string | null | undefined>;
}

/** The typed error for a non-2xx answer, worded for the person at the keyboard. */
export function statusError({ label, status, body, html, retryAfterMs, describe, secrets }: StatusErrorInput): HttpStatusError {
  const detail = html || body === undefined ? {} : safeDescribe(describe, body, status);
  const kind = detail.kind ?? kindForStatus(status);
  const parts = [`${label} answered ${status}`];
  if (detail.message) parts.push(`: ${detail.field ? `${detail.field}: ` : ''}${clip(redact(detail.message, secrets))}`);
  else if (html) parts.push(' with an HTML page instead of JSON — check the base URL in Settings → Providers');
  let message = `${parts.join('')}.`;
  const advice = ADVICE[kind];
  if (advice) message += ` ${advice}`;
  if (kind === 'rate_limited' && retryAfterMs !== undefined) message += ` Retry after ${Math.ceil(retryAfterMs / 1000)} s.`;
  return new HttpStatusError(kind, message, status, body, kind === 'rate_limited' ? retryAfterMs : undefined);
}

function safeDescribe(describe: DescribeError, body: unknown, status: number): ErrorDetail {
  try {
    return describe(body, status);
  } catch {
    return {};
  }
}

/** A string field of an unknown JSON value, or undefined. */
export function stringAt(value: unknown, ...path: ReadonlyArray<string | number>): string | undefined {
  let node: unknown = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

/** A number field of an unknown JSON value, or undefined. */
export function numberAt(value: unknown, ...path: ReadonlyArray<string | number>): number | undefined {
  let node: unknown = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}
