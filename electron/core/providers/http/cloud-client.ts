/**
 * What every cloud client is built from (the keys/providers wiring passes these in from the
 * settings and the keychain), and the small helpers they share.
 */
import type { Clock } from './clock';
import type { FetchLike } from './provider-http';
import type { TokenBucket, TokenBucketOptions } from './token-bucket';

export interface CloudClientLimits {
  /** One HTTP call's time limit. */
  readonly timeoutMs?: number;
  /** The whole job's time limit for async providers (queue wait + run + download). */
  readonly jobTimeoutMs?: number;
  /** Largest image accepted. */
  readonly maxImageBytes?: number;
  /**
   * The rate limit; null turns it off (tests). A TokenBucket instance is used as is: the limit
   * is per account, so clients of one provider share a bucket (Together's images and chat), and
   * a client rebuilt for new settings keeps the throttled state (provider-sources.ts).
   */
  readonly bucket?: TokenBucketOptions | TokenBucket | null;
  /** Requests this client runs at once (the pipeline's semaphore reads it from capabilities). */
  readonly concurrency?: number;
  /** Pause between status polls (fal, Replicate). */
  readonly pollIntervalMs?: number;
}

export interface CloudClientOptions {
  /** null/undefined = the provider's documented base URL. */
  readonly baseUrl?: string | null;
  /** Reads the key from the keychain at the moment of use; null when none is stored. */
  readonly getKey: () => Promise<string | null>;
  /** null/undefined = the client's default model for that tier. */
  readonly models?: { readonly standard?: string | null; readonly hd?: string | null };
  readonly fetch?: FetchLike;
  readonly limits?: CloudClientLimits;
  /** Tests drive time through this. */
  readonly clock?: Clock;
}

export type VerifyKeyResult = { readonly valid: true } | { readonly valid: false; readonly reason: string };

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_IMAGE_BYTES = 32 * 1024 * 1024;

/** `base` + `path`, with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The model for a tier: the user's setting, else the client's default. */
export function pickModel(options: CloudClientOptions['models'], defaults: { readonly standard: string; readonly hd?: string }): { standard: string; hd?: string } {
  const standard = options?.standard ?? defaults.standard;
  const hd = options?.hd ?? defaults.hd;
  return hd === undefined ? { standard } : { standard, hd };
}

/**
 * True when `url` is on the same origin as `baseUrl`. Async APIs hand back follow-up URLs
 * (status, result, cancel) that we call *with the key*: only ones on the configured host are
 * followed, so a tampered or proxied answer can never send the key elsewhere.
 */
export function onSameHost(url: unknown, baseUrl: string): url is string {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}
