/**
 * What every cloud client builds in its constructor, built once: its ProviderHttp (timeout,
 * rate limit, JSON limit sized for base64 images), its clock, and the limits with their
 * defaults; plus the capability fields all cloud clients share.
 */
import type { Capability, ProviderCapabilities, ProviderId, Tier } from '../provider';
import { type Clock, systemClock } from './clock';
import { type CloudClientOptions, DEFAULT_MAX_IMAGE_BYTES, DEFAULT_TIMEOUT_MS } from './cloud-client';
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
  /** The documented rate (a new bucket per client), or a bucket shared on purpose (Pollinations). */
  readonly rateLimit: TokenBucketOptions | TokenBucket;
  readonly defaultPollIntervalMs?: number;
  readonly defaultJobTimeoutMs?: number;
}

/** Base64 inflates by a third; JSON answers that carry an image may be that much bigger. */
const jsonLimitFor = (maxImageBytes: number) => Math.ceil(maxImageBytes * 1.4) + 64 * 1024;

export function setUpClient(options: Pick<CloudClientOptions, 'limits' | 'fetch' | 'clock'>, spec: ClientSpec): ClientSetup {
  const limits = options.limits ?? {};
  const clock = options.clock ?? systemClock;
  const maxImageBytes = limits.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let bucket: TokenBucket | null;
  if (limits.bucket === null) bucket = null;
  else if (limits.bucket !== undefined) bucket = new TokenBucket(limits.bucket, clock);
  else bucket = spec.rateLimit instanceof TokenBucket ? spec.rateLimit : new TokenBucket(spec.rateLimit, clock);
  return {
    http: new ProviderHttp({ label: spec.label, describeError: spec.describeError, timeoutMs, fetch: options.fetch, clock, bucket, maxJsonBytes: jsonLimitFor(maxImageBytes) }),
    clock,
    timeoutMs,
    maxImageBytes,
    pollIntervalMs: limits.pollIntervalMs ?? spec.defaultPollIntervalMs ?? 1_000,
    jobTimeoutMs: limits.jobTimeoutMs ?? spec.defaultJobTimeoutMs ?? 5 * 60_000,
  };
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
