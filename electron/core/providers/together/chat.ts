/**
 * Together AI chat completions for UI code (`POST /v1/chat/completions`, stream: true;
 * togethercomputer/openapi ChatCompletionRequest), and the `together` provider that serves both
 * its image tools (the image client beside this file) and `code` (this chat client).
 */
import type { Capability, Provider, ProviderCapabilities, Tier } from '../provider';
import { requireKey } from '../http/api-key';
import { type CloudClientOptions, DEFAULT_TIMEOUT_MS } from '../http/cloud-client';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { bucketFor } from '../http/client-setup';
import { ChatProvider, DEFAULT_MAX_ANSWER_BYTES } from '../text/chat-provider';
import { ImageAndCodeProvider } from '../text/by-capability';
import { TOGETHER_DEFAULT_BASE_URL } from './together-defaults';
import { describeTogetherError, TogetherImageClient } from './together-images';

const LABEL = 'Together AI';

/**
 * Serverless chat models on Together (docs.together.ai/docs/serverless-models): Llama 3.3 70B
 * Turbo writes solid HTML/TSX quickly; Qwen2.5-Coder 32B is the code-specialised model for HD.
 */
export const TOGETHER_CHAT_MODELS = {
  standard: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
  hd: 'Qwen/Qwen2.5-Coder-32B-Instruct',
} as const;

const CODE: ReadonlySet<Capability> = new Set(['code']);
const TIERS: ReadonlySet<Tier> = new Set(['standard', 'hd']);

export function createTogetherChat(options: CloudClientOptions): ChatProvider {
  const baseUrl = options.baseUrl ?? TOGETHER_DEFAULT_BASE_URL;
  const capabilities: ProviderCapabilities = {
    id: 'together',
    label: LABEL,
    capabilities: CODE,
    tiers: TIERS,
    nativeNegative: false,
    needsKey: true,
    local: false,
    concurrency: options.limits?.concurrency ?? 2,
    // ~4 000 tokens: well inside both chat models' context windows (Llama 3.3 70B Turbo 131 072,
    // Qwen2.5-Coder-32B 32 768 tokens — docs.together.ai/docs/serverless-models), leaving room
    // for the page it writes. The image side keeps FLUX's ~2000 (by-capability.ts).
    maxPromptChars: 16_000,
    seedMax: 2_147_483_647,
    models: TOGETHER_CHAT_MODELS,
  };
  return new ChatProvider({
    capabilities,
    transport: {
      label: LABEL,
      describeError: describeTogetherError,
      timeoutMs: options.limits?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxAnswerBytes: DEFAULT_MAX_ANSWER_BYTES,
      fetch: options.fetch,
      clock: options.clock,
      bucket: bucketFor(options.limits ?? {}, DEFAULT_RATE_LIMITS.together, options.clock),
    },
    endpoint: async () => ({ baseUrl, key: await requireKey(options.getKey, LABEL) }),
  });
}

/** The `together` provider: FLUX images and streamed code, one Provider for the registry. */
export function createTogetherProvider(options: CloudClientOptions): { provider: Provider; images: TogetherImageClient } {
  // Together's rate limit is per account (docs.together.ai/docs/rate-limits): images and chat
  // take from one bucket, so a 429 on either slows both.
  const shared = { ...options, limits: { ...options.limits, bucket: bucketFor(options.limits ?? {}, DEFAULT_RATE_LIMITS.together, options.clock) } };
  const images = new TogetherImageClient(shared);
  return { provider: new ImageAndCodeProvider(images, createTogetherChat(shared), TOGETHER_CHAT_MODELS), images };
}
