/**
 * Together AI text-to-image: `POST /v1/images/generations` (togethercomputer/openapi,
 * openapi.yaml "/images/generations"). Synchronous — one call answers with the image, as
 * base64 (asked for: no second download) or, from some models, a URL we fetch with the size
 * limit. Errors are `{error:{message, type, param, code}}` (ErrorData).
 */
import type { Capability, Provider, ProviderCapabilities, ProviderOutput, ProviderProgress, ProviderRequest, Tier } from '../provider';
import { ProviderError } from '../provider';
import { requireKey } from '../http/api-key';
import { verifyKeyWith } from '../http/verify-key';
import { type ClientSetup, cloudCapabilities, setUpClient } from '../http/client-setup';
import { type CloudClientOptions, joinUrl, pickModel, type VerifyKeyResult } from '../http/cloud-client';
import { type DescribeError, stringAt } from '../http/errors';
import { checkImage } from '../http/image-check';
import { decodeBase64Image } from '../http/image-data';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { fitSize, type SizeRules } from '../http/size-rules';
import { TOGETHER_DEFAULT_BASE_URL, TOGETHER_DEFAULT_MODELS } from './together-defaults';

const LABEL = 'Together AI';

/** ErrorData `{error:{message, type, param, code}}`; older answers put `message` at the top. */
export const describeTogetherError: DescribeError = (body) => ({
  message: stringAt(body, 'error', 'message') ?? stringAt(body, 'message') ?? stringAt(body, 'error'),
  field: stringAt(body, 'error', 'param'),
});

/**
 * FLUX1.1 [pro] runs on Black Forest Labs' API: 256–1440 px per side in steps of 32
 * (docs.bfl.ml). The open FLUX models work in 16-px patches; Together's playground offers up to
 * 1792 px.
 */
const PRO_SIZE: SizeRules = { multiple: 32, min: 256, max: 1440 };
const OPEN_SIZE: SizeRules = { multiple: 16, min: 64, max: 1792 };

const isPro = (model: string) => /flux[.-]?1\.1-pro|flux\.1-pro|flux-pro/i.test(model);
const isSchnell = (model: string) => /schnell/i.test(model);
const isFlux = (model: string) => /flux/i.test(model);

/**
 * Steps per model family: schnell is timestep-distilled for 1–4 (Together's openapi and model
 * pages: FLUX.1-schnell-Free takes at most 4, default 4 — PROVIDERS.md §2); pro takes none.
 */
function stepsFor(model: string, steps: number): number | undefined {
  if (isPro(model)) return undefined;
  const max = isSchnell(model) ? 4 : 50;
  return Math.min(max, Math.max(1, Math.round(steps)));
}

const TOGETHER_CAPABILITIES: ReadonlySet<Capability> = new Set(['generate', 'scene', 'animate']);
const TIERS: ReadonlySet<Tier> = new Set(['standard', 'hd']);

export interface TogetherImageResponse {
  readonly model?: string;
  readonly data?: ReadonlyArray<{ readonly b64_json?: string; readonly url?: string }>;
}

export class TogetherImageClient implements Provider {
  readonly capabilities: ProviderCapabilities;
  readonly baseUrl: string;
  private readonly io: ClientSetup;

  constructor(private readonly options: CloudClientOptions) {
    this.baseUrl = options.baseUrl ?? TOGETHER_DEFAULT_BASE_URL;
    this.io = setUpClient(options, { label: LABEL, describeError: describeTogetherError, rateLimit: DEFAULT_RATE_LIMITS.together });
    const models = pickModel(options.models, TOGETHER_DEFAULT_MODELS);
    this.capabilities = cloudCapabilities({
      id: 'together',
      label: LABEL,
      capabilities: TOGETHER_CAPABILITIES,
      tiers: TIERS,
      // FLUX ignores `negative_prompt` (guidance-distilled): negatives are folded into the prompt.
      nativeNegative: !isFlux(models.standard) && (models.hd === undefined || !isFlux(models.hd)),
      needsKey: true,
      concurrency: options.limits?.concurrency ?? 2,
      models,
    });
  }

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    const key = await requireKey(this.options.getKey, LABEL);
    const model = request.model;
    const size = fitSize(request, isPro(model) ? PRO_SIZE : OPEN_SIZE);
    const steps = stepsFor(model, request.steps);
    const body = {
      model,
      prompt: request.prompt,
      width: size.width,
      height: size.height,
      n: 1,
      seed: request.seed,
      response_format: 'base64',
      output_format: 'png',
      ...(steps === undefined ? {} : { steps }),
      ...(isPro(model) || isSchnell(model) ? {} : { guidance_scale: request.guidance }),
      ...(request.negativePrompt && !isFlux(model) ? { negative_prompt: request.negativePrompt } : {}),
    };
    onProgress({ fraction: 0.05, activity: `Generating on ${LABEL}` });
    const answer = await this.io.http.json<TogetherImageResponse>({
      url: joinUrl(this.baseUrl, 'images/generations'),
      headers: { authorization: `Bearer ${key}` },
      json: body,
      signal,
      rateLimited: true,
      secrets: [key],
    });
    onProgress({ fraction: 0.9 });
    const first = answer.body.data?.[0];
    let image;
    if (typeof first?.b64_json === 'string') {
      image = await checkImage(decodeBase64Image(first.b64_json, this.io.maxImageBytes, LABEL), LABEL);
    } else if (typeof first?.url === 'string') {
      image = await this.io.http.download(first.url, signal, this.io.maxImageBytes);
    } else {
      throw new ProviderError('provider_failure', `${LABEL} answered without an image.`);
    }
    onProgress({ fraction: 1 });
    return { bytes: image.bytes, mime: image.mime, model: typeof answer.body.model === 'string' ? answer.body.model : model };
  }

  /** A cheap authenticated call: `GET /v1/models` (lists models, costs nothing). */
  verifyKey(key: string, signal: AbortSignal): Promise<VerifyKeyResult> {
    return verifyKeyWith(key, signal, () => this.io.http.json({ url: joinUrl(this.baseUrl, 'models'), headers: { authorization: `Bearer ${key}` }, signal, secrets: [key] }));
  }
}
