/**
 * Each provider's default request rate, from its own documentation. Only calls that create
 * work take a token (a generation, a queue submit, a prediction); polls do not.
 */
import type { TokenBucketOptions } from './token-bucket';

export type CloudProviderId = 'together' | 'fal' | 'replicate' | 'huggingface' | 'pollinations';

export const DEFAULT_RATE_LIMITS: Readonly<Record<CloudProviderId, TokenBucketOptions>> = {
  // docs.together.ai/docs/rate-limits: dynamic per-model limits; the 429 body of the classic
  // limit reads "Your rate limit is 60 queries per minute" (togethercomputer/MoA#27).
  together: { capacity: 3, perMinute: 60 },
  // fal.ai/docs/model-apis/faq: no request rate, a per-account concurrency (2 for new
  // accounts); extra requests wait in fal's own queue. A modest burst keeps submits polite.
  fal: { capacity: 4, perMinute: 120 },
  // replicate.com/docs/topics/predictions/rate-limits: 600 prediction creates per minute
  // (accounts without a payment method: 6/min — their 429s slow the bucket down).
  replicate: { capacity: 10, perMinute: 600 },
  // Hugging Face documents no per-minute rate for the router; this is deliberately modest.
  huggingface: { capacity: 2, perMinute: 60 },
  // Pollinations APIDOCS: anonymous image requests 1 concurrent / 5 s per IP.
  pollinations: { capacity: 1, perMinute: 12 },
};
