/**
 * What every cloud client builds in its constructor, built once: its ProviderHttp (timeout,
 * rate limit, JSON limit sized for base64 images), its clock, and the limits with their
 * defaults; plus the capability fields all cloud clients share.
 */
import type { Capability, ProviderCapabilities, ProviderId, Tier } from '../provider';
import { type Clock, systemClock } from './clock';
import { type CloudClientLimits, type CloudClientOptions, DEFAULT_MAX_IMAGE_BYTES, DEFAULT_TIMEOUT_MS } from './cloud-client';
import type { DescribeError } from './errors';
import { ProviderHttp } from './provider-http';
import { TokenBucket, type TokenBucketOptions } from './token-bucket';

export interface ClientSetup {
  readonly http: ProviderHttp;
  readonly clock: Clock;
  readonly timeoutMs: number;
  readonly maxImageBytes: number;
  readonly pollIntervalMs: number;
  readonly jobTimeoutMs: number;
}

export interface ClientSpec {
  readonly label: string;
  readonly describeError: DescribeError;
  /** The documented rate (a new bucket per client), or a bucket shared on purpose (Pollinations); `limits.bucket` overrides it. */
  readonly rateLimit: TokenBucketOptions | TokenBucket;
  readonly defaultPollIntervalMs?: number;
  readonly defaultJobTimeoutMs?: number;
}

/** Base64 inflates by a third; JSON answers that carry an image may be that much bigger. */
const jsonLimitFor = (maxImageBytes: number) => Math.ceil(maxImageBytes * 1.4) + 64 * 1024;

export function setUpClient(options: Pick<CloudClientOptions, 'limits' | 'fetch' | 'clock' | 'baseUrl'>, spec: ClientSpec): ClientSetup {
  const limits = options.limits ?? {};
  const clock = options.clock ?? systemClock;
  const maxImageBytes = limits.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bucket = bucketFor(limits, spec.rateLimit, clock);
  return {
    http: new ProviderHttp({ label: spec.label, describeError: spec.describeError, timeoutMs, fetch: options.fetch, clock, bucket, maxJsonBytes: jsonLimitFor(maxImageBytes), baseUrl: options.baseUrl }),
    clock,
    timeoutMs,
    maxImageBytes,
    pollIntervalMs: limits.pollIntervalMs ?? spec.defaultPollIntervalMs ?? 1_000,
    jobTimeoutMs: limits.jobTimeoutMs ?? spec.defaultJobTimeoutMs ?? 5 * 60_000,
  };
}

/**
 * The bucket a client uses: none when the limits turn it off, the caller's instance as is (shared
 * on purpose), a new one from the caller's rate, else the client's documented rate.
 */
export function bucketFor(limits: CloudClientLimits, rateLimit: TokenBucketOptions | TokenBucket, clock: Clock = systemClock): TokenBucket | null {
  const chosen = limits.bucket === undefined ? rateLimit : limits.bucket;
  if (chosen === null) return null;
  return chosen instanceof TokenBucket ? chosen : new TokenBucket(chosen, clock);
}

/** Seeds are sent as 32-bit signed integers everywhere we are not sure of more. */
export const INT32_MAX = 2_147_483_647;

/** A cloud client's capabilities: remote, and the prompt/seed limits unless it says otherwise. */
export function cloudCapabilities(fields: {
  readonly id: ProviderId;
  readonly label: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly tiers: ReadonlySet<Tier>;
  readonly nativeNegative: boolean;
  readonly needsKey: boolean;
  readonly concurrency: number;
  readonly models: ProviderCapabilities['models'];
  readonly maxPromptChars?: number;
  readonly seedMax?: number;
}): ProviderCapabilities {
  // FLUX's T5 encoder reads ~512 tokens (~2000 characters); longer prompts are cut by the model anyway.
  return { maxPromptChars: 2000, seedMax: INT32_MAX, ...fields, local: false };
}
