/**
 * Hugging Face Inference through the router (hf-inference.ts): `POST {router}/hf-inference/
 * models/{model}` with `{inputs, parameters:{width, height, num_inference_steps,
 * guidance_scale, negative_prompt, seed}}` (the text-to-image task spec) answers the image's
 * bytes. A cold model answers 503 `{"error":"Model … is currently loading","estimated_time":s}`:
 * we wait that long (within a budget, showing it as progress) and ask again.
 *
 * HD only when the user names an HD model in settings: the router has no "pro" tier of its own.
 */
import type { Capability, Provider, ProviderCapabilities, ProviderOutput, ProviderProgress, ProviderRequest, Tier } from '../provider';
import { ProviderError } from '../provider';
import { requireKey } from '../http/api-key';
import { type ClientSetup, cloudCapabilities, setUpClient } from '../http/client-setup';
import { type CloudClientOptions, joinUrl, type VerifyKeyResult } from '../http/cloud-client';
import { type DescribeError, HttpStatusError, numberAt, stringAt } from '../http/errors';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { fitSize, type SizeRules } from '../http/size-rules';
import { verifyKeyWith } from '../http/verify-key';
import { HUGGINGFACE_DEFAULT_BASE_URL, HUGGINGFACE_DEFAULT_MODELS, HUGGINGFACE_HUB_URL } from './huggingface-defaults';

const LABEL = 'Hugging Face';

/** `{error: "..."}` or `{error: ["...", ...]}`; quota: 402 "You have exceeded your monthly included credits…". */
export const describeHuggingFaceError: DescribeError = (body) => {
  const error = (body as { error?: unknown } | null)?.error;
  if (Array.isArray(error)) return { message: error.filter((e): e is string => typeof e === 'string').join('; ') || undefined };
  const message = stringAt(body, 'error') ?? stringAt(body, 'message');
  // A gated model (FLUX.1-dev) answers 403 for a good token that has not accepted its licence.
  return { message: message && /restricted|gated/i.test(message) ? `${message} Accept the model's licence on huggingface.co, or pick another model.` : message, kind: message && /restricted|gated/i.test(message) ? 'invalid_request' : undefined };
};

/** FLUX and SD work in 8/16-px latents; the shared serverless GPUs are kept within 1536 px. */
const SIZE: SizeRules = { multiple: 16, min: 256, max: 1536 };
const isFlux = (model: string) => /flux/i.test(model);
const CAPABILITIES: ReadonlySet<Capability> = new Set(['generate', 'scene', 'animate']);
/** How long a cold model may take to load before we give up (HF's estimates run 20–120 s). */
const DEFAULT_LOAD_BUDGET_MS = 180_000;

export interface HuggingFaceClientOptions extends CloudClientOptions {
  /** The Hub for "Test key" (whoami); default: huggingface.co, or the custom base URL's host. */
  readonly hubUrl?: string;
  readonly loadBudgetMs?: number;
}

export class HuggingFaceClient implements Provider {
  readonly capabilities: ProviderCapabilities;
  readonly baseUrl: string;
  private readonly hubUrl: string;
  private readonly io: ClientSetup;
  private readonly loadBudgetMs: number;

  constructor(private readonly options: HuggingFaceClientOptions) {
    this.baseUrl = options.baseUrl ?? HUGGINGFACE_DEFAULT_BASE_URL;
    // A custom base URL (a proxy, the loopback test server) answers whoami itself: "Test key"
    // never reaches past the host the user configured.
    this.hubUrl = options.hubUrl ?? (options.baseUrl ? new URL(options.baseUrl).origin : HUGGINGFACE_HUB_URL);
    this.io = setUpClient(options, { label: LABEL, describeError: describeHuggingFaceError, rateLimit: DEFAULT_RATE_LIMITS.huggingface });
    this.loadBudgetMs = options.loadBudgetMs ?? DEFAULT_LOAD_BUDGET_MS;
    const standard = options.models?.standard ?? HUGGINGFACE_DEFAULT_MODELS.standard;
    const hd = options.models?.hd ?? undefined;
    this.capabilities = cloudCapabilities({
      id: 'huggingface',
      label: LABEL,
      capabilities: CAPABILITIES,
      tiers: new Set<Tier>(hd ? ['standard', 'hd'] : ['standard']),
      nativeNegative: !isFlux(standard) && (hd === undefined || !isFlux(hd)),
      needsKey: true,
      concurrency: options.limits?.concurrency ?? 2,
      models: hd ? { standard, hd } : { standard },
    });
  }

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    const key = await requireKey(this.options.getKey, LABEL);
    const size = fitSize(request, SIZE);
    const parameters = {
      width: size.width,
      height: size.height,
      // FLUX.1-schnell is distilled for 1–4 steps (its model card; default 4): more only costs time.
      num_inference_steps: Math.min(isFlux(request.model) && /schnell/i.test(request.model) ? 4 : 50, Math.max(1, Math.round(request.steps))),
      guidance_scale: request.guidance,
      seed: request.seed,
      ...(request.negativePrompt && !isFlux(request.model) ? { negative_prompt: request.negativePrompt } : {}),
    };
    const url = joinUrl(this.baseUrl, `models/${request.model.split('/').map(encodeURIComponent).join('/')}`);
    const started = this.io.clock.now();
    onProgress({ fraction: 0.05, activity: `Generating on ${LABEL}` });
    for (let attempt = 0; ; attempt += 1) {
      try {
        const answer = await this.io.http.image(
          { url, json: { inputs: request.prompt, parameters }, headers: { authorization: `Bearer ${key}`, accept: 'image/png, image/jpeg, image/webp' }, signal, rateLimited: attempt === 0, secrets: [key] },
          this.io.maxImageBytes,
        );
        onProgress({ fraction: 1 });
        return { bytes: answer.body.bytes, mime: answer.body.mime, model: request.model };
      } catch (error) {
        const estimate = error instanceof HttpStatusError && error.status === 503 ? numberAt(error.body, 'estimated_time') : undefined;
        if (estimate === undefined) throw error;
        const waited = this.io.clock.now() - started;
        const waitMs = Math.max(1_000, Math.ceil(estimate * 1000));
        if (waited + waitMs > this.loadBudgetMs) {
          throw new ProviderError('timeout', `${LABEL} is still loading ${request.model} (about ${Math.ceil(estimate)} s more); try again shortly or pick another provider.`);
        }
        // Loading is the first half of the bar: the user sees the wait is going somewhere.
        onProgress({
          fraction: Math.min(0.5, 0.05 + (0.45 * (waited + waitMs)) / this.loadBudgetMs),
          activity: `${LABEL} is loading the model (about ${Math.ceil(estimate)} s)`,
        });
        await this.io.clock.sleep(waitMs, signal).catch(() => {
          throw new ProviderError('cancelled', 'Cancelled.');
        });
      }
    }
  }

  /** A cheap authenticated call: the Hub's `GET /api/whoami-v2` (whose token is this). */
  verifyKey(key: string, signal: AbortSignal): Promise<VerifyKeyResult> {
    return verifyKeyWith(key, signal, () => this.io.http.json({ url: joinUrl(this.hubUrl, 'api/whoami-v2'), headers: { authorization: `Bearer ${key}` }, signal, secrets: [key] }));
  }
}
