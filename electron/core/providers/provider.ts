/**
 * The one interface every generation provider implements (ComfyUI, the cloud APIs, the local
 * LLM servers, the hosted account). The pipeline knows nothing else about a provider.
 */
import type { ModeId } from '../../../shared/modes';
import type { ProviderId } from '../../../shared/providers';

export { PROVIDER_IDS, type ProviderId } from '../../../shared/providers';

/**
 * What a provider can be asked to do. Mode tools map onto these (`capabilityFor`): most modes'
 * tools are plain text-to-image `generate`; pixel has its own image tools; uiux needs `code`.
 */
export const CAPABILITIES = ['generate', 'scene', 'animate', 'rotate', 'inpaint', 'code'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type Tier = 'standard' | 'hd';

export interface ProviderCapabilities {
  readonly id: ProviderId;
  readonly label: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly tiers: ReadonlySet<Tier>;
  /** Takes a separate negative prompt; otherwise negatives are encoded into the prompt. */
  readonly nativeNegative: boolean;
  readonly needsKey: boolean;
  /** Runs on this machine (works offline). */
  readonly local: boolean;
  /** Requests it may run at once (a local ComfyUI: 1). */
  readonly concurrency: number;
  /** Longest prompt it takes (characters). */
  readonly maxPromptChars: number;
  /**
   * A different limit for some capabilities: one provider id serving images and code (Together)
   * has an image model's ~2000-character prompt but a chat model's far longer one.
   */
  readonly maxPromptCharsByCapability?: Partial<Record<Capability, number>>;
  /** Largest seed it accepts; seeds wrap within [0, seedMax]. */
  readonly seedMax: number;
  /** This provider's own model ids — never another provider's. */
  readonly models: { readonly standard: string; readonly hd?: string };
}

export interface ProviderRequest {
  readonly mode: ModeId;
  readonly capability: Capability;
  readonly tier: Tier;
  readonly model: string;
  readonly prompt: string;
  /** null when the provider has no native negative (it was encoded into `prompt`). */
  readonly negativePrompt: string | null;
  readonly width: number;
  readonly height: number;
  readonly steps: number;
  readonly guidance: number;
  readonly sampler: string;
  readonly scheduler: string;
  readonly seed: number;
  readonly inputImage?: { readonly bytes: Uint8Array; readonly mime: string };
  readonly mask?: { readonly bytes: Uint8Array; readonly mime: string };
}

export interface ProviderOutput {
  readonly bytes: Uint8Array;
  readonly mime: string;
  /** The model that actually ran (some providers substitute). */
  readonly model: string;
}

export interface ProviderProgress {
  /** 0–1; absent when only the activity changed (the bar stays where it is). */
  readonly fraction?: number;
  readonly step?: number;
  readonly total?: number;
  /** A small live preview (e.g. ComfyUI's latent previews). */
  readonly preview?: { readonly bytes: Uint8Array; readonly mime: string };
  /** Text providers: the whole answer so far (the uiux studio shows the code growing); throttled by the provider. */
  readonly partialText?: string;
  /**
   * What the provider is doing now, as a short phrase the queue shows under the bar ("Loading
   * the model", "In fal.ai's queue, 3 ahead"): the slow phases before the first step — a cold
   * model load, a cloud queue — otherwise look like a frozen bar.
   */
  readonly activity?: string;
}

export interface Provider {
  readonly capabilities: ProviderCapabilities;
  generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput>;
}

/** What the pipeline asks of the app's providers (routing sees only the available ones). */
export interface ProviderRegistry {
  /** Providers configured and reachable now, with their capabilities. */
  available(): ReadonlyArray<ProviderCapabilities>;
  get(id: ProviderId): Provider | undefined;
}

/** The error kinds of ARCHITECTURE.md "Providers". */
export const PROVIDER_ERROR_KINDS = [
  'unreachable',
  'unauthorised',
  'out_of_credits',
  'rate_limited',
  'invalid_request',
  'content_refused',
  'provider_failure',
  'timeout',
  'cancelled',
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

/** Kinds where another provider may well succeed; the others stop the chain with their message. */
const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(['unreachable', 'rate_limited', 'provider_failure', 'timeout']);

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/**
 * Anything a provider throws, as a ProviderError. Only the job's own aborted signal means
 * `cancelled`; an AbortError the provider raised itself (its own timeout) is a `timeout`,
 * which may fall back to the next provider.
 */
/** The longest prompt `caps` takes for `capability`. */
export function promptLimitFor(caps: ProviderCapabilities, capability: Capability): number {
  return caps.maxPromptCharsByCapability?.[capability] ?? caps.maxPromptChars;
}

export function toProviderError(error: unknown, signal?: AbortSignal): ProviderError {
  if (signal?.aborted) return new ProviderError('cancelled', 'Cancelled.');
  if (error instanceof ProviderError) return error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new ProviderError('timeout', 'The provider gave up waiting (timed out).');
  }
  return new ProviderError('provider_failure', error instanceof Error ? error.message : String(error));
}
