/**
 * Stages 6, 9 and 10, per batch slot: shape the prompt for each provider (compact form,
 * negative encoding, length cap), dispatch under the provider's concurrency limit, and move
 * down the chain on retryable failures. Every attempt is recorded.
 */
import type { JobAttempt } from '../../../shared/library';
import { ENCODED_NEGATIVE_TERMS, encodeNegativesIntoPrompt } from '../prompt/negatives';
import { truncateAtBoundary } from '../prompt/validate-prompt';
import {
  type Provider,
  type ProviderCapabilities,
  type ProviderError,
  type ProviderOutput,
  type ProviderProgress,
  type ProviderRequest,
  promptLimitFor,
  toProviderError,
} from '../providers/provider';
import { capabilityFor } from '../providers/routing';
import type { GenerationPlan, SlotPlan } from './plan';
import { slotSeed } from './seeds';
import type { KeyedSemaphore } from './semaphore';

/** Providers whose prompt limit is below this get the builders' compact form (Pollinations). */
export const COMPACT_PROMPT_BELOW = 300;
/** The seed's rule: a native negative prompt is capped at min(300, maxPromptChars / 2). */
export const NEGATIVE_CAP = 300;
/** A 429 whose Retry-After is within this is waited out once on the same provider. */
export const RETRY_AFTER_BUDGET_MS = 10_000;

export interface ProviderPrompt {
  readonly prompt: string;
  readonly negativePrompt: string | null;
  readonly notes: ReadonlyArray<string>;
}

/** Stage 6 — the prompt and negative exactly as this provider will get them. */
export function promptForProvider(plan: GenerationPlan, slot: SlotPlan, caps: ProviderCapabilities): ProviderPrompt {
  const notes: string[] = [];
  // Per capability: Together's code (chat) takes far longer prompts than its images (FLUX).
  const maxPromptChars = promptLimitFor(caps, capabilityFor(plan.request.mode, plan.request.tool));
  const compact = maxPromptChars < COMPACT_PROMPT_BELOW;
  const built = plan.engine.buildPrompt(plan.request, plan.userPrompt, { compact });
  let prompt = slot.mutation ? `${built}, ${slot.mutation}` : built;
  let negativePrompt: string | null = null;
  if (caps.nativeNegative) {
    const cap = Math.min(NEGATIVE_CAP, Math.floor(maxPromptChars / 2));
    const fitted = truncateAtBoundary(plan.negatives.join(', '), cap);
    negativePrompt = fitted.text;
    if (fitted.truncated) notes.push(`Negative prompt shortened to ${cap} characters for ${caps.label}.`);
  }
  const fitted = truncateAtBoundary(prompt, maxPromptChars);
  if (fitted.truncated) notes.push(`Prompt shortened to ${maxPromptChars} characters for ${caps.label}.`);
  prompt = fitted.text;
  if (!caps.nativeNegative && plan.negatives.length > 0) {
    // The "((avoid: …))" clause goes in whole or with fewer terms — never cut mid-clause.
    for (let terms = Math.min(ENCODED_NEGATIVE_TERMS, plan.negatives.length); terms > 0; terms -= 1) {
      const encoded = encodeNegativesIntoPrompt(prompt, plan.negatives, terms);
      if (encoded.length <= maxPromptChars) {
        prompt = encoded;
        notes.push(`${caps.label} has no negative prompt; ${terms} negative term${terms === 1 ? ' was' : 's were'} folded into the prompt.`);
        break;
      }
    }
  }
  return { prompt, negativePrompt, notes };
}

export function providerRequest(plan: GenerationPlan, slot: SlotPlan, caps: ProviderCapabilities, input?: Pick<ProviderRequest, 'inputImage' | 'mask'>): ProviderRequest {
  const shaped = promptForProvider(plan, slot, caps);
  // Per slot: a pack's parts (brand kit) can each have their own size.
  const profile = slot.slot === 0 ? plan.profile : plan.engine.qualityProfile(plan.request, plan.tier, slot.slot);
  const model = (plan.tier === 'hd' ? caps.models.hd : undefined) ?? caps.models.standard;
  return {
    mode: plan.request.mode,
    capability: capabilityFor(plan.request.mode, plan.request.tool),
    tier: plan.tier,
    model,
    prompt: shaped.prompt,
    negativePrompt: shaped.negativePrompt,
    width: profile.width,
    height: profile.height,
    steps: profile.steps,
    guidance: profile.guidance,
    sampler: profile.sampler,
    scheduler: profile.scheduler,
    seed: slotSeed(slot.seed, slot.slot, caps.seedMax),
    ...(input?.inputImage ? { inputImage: input.inputImage } : {}),
    ...(input?.mask ? { mask: input.mask } : {}),
  };
}

export interface SlotSuccess {
  readonly slot: SlotPlan;
  readonly caps: ProviderCapabilities;
  readonly request: ProviderRequest;
  readonly output: ProviderOutput;
}

/** A slot that could not be generated: which stage gave up and why. */
export class SlotFailure extends Error {
  constructor(
    readonly stage: 'dispatch' | 'fallback' | 'post-process' | 'persist',
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'SlotFailure';
  }
}

export interface SlotRunDeps {
  readonly providers: { get(id: ProviderCapabilities['id']): Provider | undefined };
  readonly semaphore: KeyedSemaphore;
  readonly now: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly onAttempt: (attempt: JobAttempt) => void;
  readonly onProgress: (progress: ProviderProgress) => void;
  /** Called each time a provider slot is granted (the job starts running at the first). */
  readonly onAcquired?: () => void;
  readonly input?: Pick<ProviderRequest, 'inputImage' | 'mask'>;
}

/** Stages 9 and 10 for one slot: the first provider that succeeds wins. */
export async function runSlot(plan: GenerationPlan, slot: SlotPlan, signal: AbortSignal, deps: SlotRunDeps): Promise<SlotSuccess> {
  const failures: string[] = [];
  for (const caps of plan.chain) {
    const provider = deps.providers.get(caps.id);
    if (!provider) continue;
    const request = providerRequest(plan, slot, caps, deps.input);
    let waitedOutRetryAfter = false;
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const release = await deps.semaphore.acquire(caps.id, caps.concurrency, signal);
      deps.onAcquired?.();
      // Replaces the phase of a provider tried before (its queue position, its rate limit).
      deps.onProgress({ activity: `Sending to ${caps.label}` });
      const startedAt = deps.now();
      let result: { readonly output: ProviderOutput } | { readonly failure: ProviderError };
      try {
        result = { output: await provider.generate(request, signal, deps.onProgress) };
      } catch (thrown) {
        result = { failure: toProviderError(thrown, signal) };
      } finally {
        release();
      }
      // Bookkeeping happens outside the try: a failing database write or listener after a
      // successful render must never count as the provider's failure (and re-render elsewhere).
      if ('output' in result) {
        deps.onAttempt({ provider: caps.id, model: result.output.model, slot: slot.slot, startedAt, finishedAt: deps.now(), ok: true, error: null, errorKind: null });
        return { slot, caps, request, output: result.output };
      }
      const { failure } = result;
      if (signal.aborted) throw signal.reason;
      deps.onAttempt({ provider: caps.id, model: request.model, slot: slot.slot, startedAt, finishedAt: deps.now(), ok: false, error: failure.message, errorKind: failure.kind });
      if (failure.kind === 'rate_limited' && !waitedOutRetryAfter && failure.retryAfterMs !== undefined && failure.retryAfterMs <= RETRY_AFTER_BUDGET_MS) {
        waitedOutRetryAfter = true;
        deps.onProgress({ activity: `${caps.label} asked to slow down: trying again in ${Math.max(1, Math.ceil(failure.retryAfterMs / 1000))} s` });
        await deps.sleep(failure.retryAfterMs, signal);
        continue;
      }
      if (!failure.retryable) throw new SlotFailure('dispatch', failure.kind, `${caps.label}: ${failure.message}`);
      failures.push(`${caps.label}: ${failure.message}`);
      break;
    }
  }
  throw new SlotFailure(
    'fallback',
    'all_providers_failed',
    failures.length === 0 ? 'No provider was available.' : `Every provider failed — ${failures.join('; ')}`,
  );
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
