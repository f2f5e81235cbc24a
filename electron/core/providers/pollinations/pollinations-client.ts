/**
 * Pollinations (no key needed): `GET {base}/prompt/{prompt}?width&height&seed&model&nologo&
 * private&enhance&negative_prompt` answers the image (APIDOCS.md; params in image.pollinations.ai
 * src/params.ts). Its etiquette for anonymous use is one request at a time, one every 5 s per
 * IP: a process-wide one-at-a-time gate and token bucket enforce it across every instance. We
 * ask for `private=true` so prompts stay out of the public feed, and `nologo=true`.
 */
import type { Capability, Provider, ProviderCapabilities, ProviderOutput, ProviderProgress, ProviderRequest, Tier } from '../provider';
import { ProviderError } from '../provider';
import { keyProblem } from '../http/api-key';
import { type ClientSetup, cloudCapabilities, setUpClient } from '../http/client-setup';
import { type CloudClientOptions, joinUrl } from '../http/cloud-client';
import { type DescribeError, stringAt } from '../http/errors';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { fitSize, type SizeRules } from '../http/size-rules';
import { TokenBucket } from '../http/token-bucket';
import { OneAtATime } from './one-at-a-time';
import { POLLINATIONS_DEFAULT_BASE_URL, POLLINATIONS_DEFAULT_MODELS } from './pollinations-defaults';

const LABEL = 'Pollinations';

export const describePollinationsError: DescribeError = (body) => ({ message: stringAt(body, 'message') ?? stringAt(body, 'error') ?? stringAt(body, 'detail') });

const SIZE: SizeRules = { multiple: 16, min: 256, max: 2048 };
const CAPABILITIES: ReadonlySet<Capability> = new Set(['generate', 'scene', 'animate']);
const TIERS: ReadonlySet<Tier> = new Set(['standard']);

/** Shared by every instance: the limits are per IP address. */
const SHARED_GATE = new OneAtATime();
const SHARED_BUCKET = new TokenBucket(DEFAULT_RATE_LIMITS.pollinations);

export interface PollinationsClientOptions extends Omit<CloudClientOptions, 'getKey'> {
  /** Optional key (enter.pollinations.ai) sent as a Bearer token; never put in the URL. */
  readonly getKey?: () => Promise<string | null>;
  /** Tests give each client its own gate. */
  readonly gate?: OneAtATime;
}

export class PollinationsClient implements Provider {
  readonly capabilities: ProviderCapabilities;
  readonly baseUrl: string;
  private readonly io: ClientSetup;
  private readonly gate: OneAtATime;

  constructor(private readonly options: PollinationsClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? POLLINATIONS_DEFAULT_BASE_URL;
    this.io = setUpClient(options, { label: LABEL, describeError: describePollinationsError, rateLimit: SHARED_BUCKET });
    this.gate = options.gate ?? SHARED_GATE;
    this.capabilities = cloudCapabilities({
      id: 'pollinations',
      label: LABEL,
      capabilities: CAPABILITIES,
      tiers: TIERS,
      // params.ts takes `negative_prompt`.
      nativeNegative: true,
      needsKey: false,
      concurrency: 1,
      // The prompt travels in the URL path: long URLs get 414s from proxies. Under 300, the
      // pipeline sends the mode builders' compact prompt.
      maxPromptChars: 250,
      models: { standard: options.models?.standard ?? POLLINATIONS_DEFAULT_MODELS.standard },
    });
  }

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    const key = (await this.options.getKey?.()) ?? null;
    if (key !== null && key !== '') {
      const problem = keyProblem(key);
      if (problem) throw new ProviderError('unauthorised', `The ${LABEL} key ${problem} (Settings → Providers).`);
    }
    if (request.prompt.trim() === '') throw new ProviderError('invalid_request', 'prompt: the prompt is empty.');
    const size = fitSize(request, SIZE);
    const query = new URLSearchParams({
      width: String(size.width),
      height: String(size.height),
      seed: String(request.seed),
      model: request.model,
      nologo: 'true',
      private: 'true',
      enhance: 'false',
      ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
    });
    // encodeURIComponent: a "/", "?" or "#" in the prompt must not change the route.
    const url = `${joinUrl(this.baseUrl, `prompt/${encodeURIComponent(request.prompt)}`)}?${query.toString()}`;
    // One request at a time, one per 5 s app-wide: a second job waits its turn here.
    onProgress({ fraction: 0.02, activity: `Waiting for a free ${LABEL} slot (one request every 5 s)` });
    return this.gate.run(async () => {
      onProgress({ fraction: 0.1, activity: `Generating on ${LABEL}` });
      const answer = await this.io.http.image(
        { url, headers: { accept: 'image/jpeg, image/png, image/webp', ...(key ? { authorization: `Bearer ${key}` } : {}) }, signal, rateLimited: true, ...(key ? { secrets: [key] } : {}) },
        this.io.maxImageBytes,
      );
      onProgress({ fraction: 1 });
      return { bytes: answer.body.bytes, mime: answer.body.mime, model: request.model };
    }, signal).catch((error: unknown) => {
      if (signal.aborted) throw new ProviderError('cancelled', 'Cancelled.');
      throw error;
    });
  }
}
