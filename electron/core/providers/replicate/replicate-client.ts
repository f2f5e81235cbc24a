/**
 * Replicate predictions (replicate-javascript lib/predictions.js; replicate.com/docs/topics/
 * predictions/create-a-prediction): `POST /v1/models/{owner}/{name}/predictions` (or
 * `/v1/predictions` with a version) with a short `Prefer: wait=N` — the answer holds up to N
 * seconds and may arrive finished — else poll `urls.get` until succeeded / failed / canceled;
 * `urls.cancel` when the job is cancelled or out of time. Auth: `Bearer <token>`.
 */
import type { Capability, Provider, ProviderCapabilities, ProviderOutput, ProviderProgress, ProviderRequest, Tier } from '../provider';
import { ProviderError } from '../provider';
import { requireKey } from '../http/api-key';
import { verifyKeyWith } from '../http/verify-key';
import { type ClientSetup, cloudCapabilities, setUpClient } from '../http/client-setup';
import { type CloudClientOptions, joinUrl, onSameHost, pickModel, type VerifyKeyResult } from '../http/cloud-client';
import { type DescribeError, redact, stringAt } from '../http/errors';
import type { CheckedImage } from '../http/image-check';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { runRemoteJob } from '../http/remote-job';
import { REPLICATE_DEFAULT_BASE_URL, REPLICATE_DEFAULT_MODELS } from './replicate-defaults';
import { replicateInput, replicateModelFor } from './replicate-input';

const LABEL = 'Replicate';

/** Problem details `{title, detail, status}`; payload validation adds `invalid_fields:[{type, field, description}]`. */
export const describeReplicateError: DescribeError = (body) => ({
  message: stringAt(body, 'invalid_fields', 0, 'description') ?? stringAt(body, 'detail') ?? stringAt(body, 'title') ?? stringAt(body, 'error'),
  field: stringAt(body, 'invalid_fields', 0, 'field'),
});

export interface Prediction {
  readonly id?: string;
  readonly status?: string;
  readonly output?: unknown;
  readonly error?: unknown;
  readonly logs?: string | null;
  readonly urls?: { readonly get?: string; readonly cancel?: string };
}

/** The last "n/N" of a progress bar in the logs (`50%|█████     | 2/4 [00:01<00:01]`). */
export function stepsFromLogs(logs: string | null | undefined): { step: number; total: number } | null {
  if (!logs) return null;
  const matches = [...logs.matchAll(/\|\s*(\d+)\/(\d+)\s*\[/g)];
  const last = matches.at(-1);
  if (!last) return null;
  const step = Number(last[1]);
  const total = Number(last[2]);
  return total > 0 && step <= total ? { step, total } : null;
}

const REPLICATE_CAPABILITIES: ReadonlySet<Capability> = new Set(['generate', 'scene', 'animate', 'rotate', 'inpaint']);
const TIERS: ReadonlySet<Tier> = new Set(['standard', 'hd']);
/**
 * `Prefer: wait` may be 1–60 s (predictions.js). Kept short on purpose: while the create call
 * is held open we do not know the prediction's id, so a cancel in that window can only drop
 * the connection — no `urls.cancel` can be sent and the prediction runs on and bills. 5 s still
 * lets a warm schnell finish in one call; anything slower gets its id quickly and is polled
 * (and cancellable) from there.
 */
const DEFAULT_WAIT_SECONDS = 5;
const DEFAULT_POLL_INTERVAL_MS = 1_000;

export class ReplicateClient implements Provider {
  readonly capabilities: ProviderCapabilities;
  readonly baseUrl: string;
  private readonly io: ClientSetup;
  private readonly waitSeconds: number;

  constructor(
    private readonly options: CloudClientOptions & { readonly waitSeconds?: number },
  ) {
    this.baseUrl = options.baseUrl ?? REPLICATE_DEFAULT_BASE_URL;
    this.io = setUpClient(options, { label: LABEL, describeError: describeReplicateError, rateLimit: DEFAULT_RATE_LIMITS.replicate, defaultPollIntervalMs: DEFAULT_POLL_INTERVAL_MS });
    this.waitSeconds = Math.min(60, Math.max(1, Math.round(options.waitSeconds ?? DEFAULT_WAIT_SECONDS)));
    this.capabilities = cloudCapabilities({
      id: 'replicate',
      label: LABEL,
      capabilities: REPLICATE_CAPABILITIES,
      tiers: TIERS,
      nativeNegative: false,
      needsKey: true,
      concurrency: options.limits?.concurrency ?? 4,
      models: pickModel(options.models, REPLICATE_DEFAULT_MODELS),
    });
  }

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    const key = await requireKey(this.options.getKey, LABEL);
    const model = replicateModelFor(request);
    const input = replicateInput(model, request);
    const auth = { authorization: `Bearer ${key}` };
    // owner/name → the model's own route; owner/name:version → the versioned route.
    const [name, version] = model.split(':');
    const created = await this.io.http.json<Prediction>({
      url: version ? joinUrl(this.baseUrl, 'predictions') : joinUrl(this.baseUrl, `models/${name}/predictions`),
      json: version ? { version, input } : { input },
      headers: { ...auth, prefer: `wait=${this.waitSeconds}` },
      // The answer may legitimately take the whole wait.
      timeoutMs: Math.max(this.io.timeoutMs, (this.waitSeconds + 30) * 1000),
      signal,
      rateLimited: true,
      secrets: [key],
    });
    const id = created.body.id;
    if (typeof id !== 'string' || id === '') throw new ProviderError('provider_failure', `${LABEL} accepted the prediction but returned no id.`);
    const urls = this.predictionUrls(id, created.body);
    onProgress({ fraction: 0.05, activity: `Sent to ${LABEL}` });

    let latest: Prediction | null = created.body;
    const output = await runRemoteJob({
      io: this.io,
      signal,
      poll: async () => {
        const prediction = latest ?? (await this.io.http.json<Prediction>({ url: urls.get, headers: auth, signal, secrets: [key] })).body;
        latest = null;
        return this.settle(prediction, onProgress, [key]);
      },
      cancel: { url: urls.cancel, method: 'POST', headers: auth, secrets: [key] },
    });
    const image = await this.image(output, signal);
    onProgress({ fraction: 1 });
    return { bytes: image.bytes, mime: image.mime, model };
  }

  /** A cheap authenticated call: `GET /v1/account` (who the token belongs to). */
  verifyKey(key: string, signal: AbortSignal): Promise<VerifyKeyResult> {
    return verifyKeyWith(key, signal, () => this.io.http.json({ url: joinUrl(this.baseUrl, 'account'), headers: { authorization: `Bearer ${key}` }, signal, secrets: [key] }));
  }

  private settle(prediction: Prediction, onProgress: (progress: ProviderProgress) => void, secrets: ReadonlyArray<string>): { done: true; value: unknown } | { done: false } {
    switch (prediction.status) {
      case 'succeeded':
        return { done: true, value: prediction.output };
      case 'failed': {
        const reason = typeof prediction.error === 'string' && prediction.error.trim() !== '' ? prediction.error.trim().slice(0, 300) : 'no reason given';
        // FLUX's safety checker fails the prediction with "NSFW content detected…".
        if (/nsfw/i.test(reason)) throw new ProviderError('content_refused', `${LABEL}'s safety checker blocked this image; rephrase the prompt.`);
        throw new ProviderError('provider_failure', `${LABEL}: the prediction failed (${redact(reason, secrets)}).`);
      }
      case 'canceled':
      case 'aborted':
        throw new ProviderError('provider_failure', `${LABEL}: the prediction was ${prediction.status} on Replicate's side.`);
      case 'starting':
        // Replicate boots a model that has no warm instance ("cold start"): minutes for big ones.
        onProgress({ fraction: 0.08, activity: `${LABEL} is starting the model (a cold start can take a few minutes)` });
        return { done: false };
      case 'processing': {
        const steps = stepsFromLogs(prediction.logs);
        const activity = `Generating on ${LABEL}`;
        onProgress(steps ? { fraction: 0.1 + 0.8 * (steps.step / steps.total), step: steps.step, total: steps.total, activity } : { fraction: 0.1, activity });
        return { done: false };
      }
      default:
        throw new ProviderError('provider_failure', `${LABEL} reported an unknown prediction status (${String(prediction.status).slice(0, 40)}).`);
    }
  }

  private async image(output: unknown, signal: AbortSignal): Promise<CheckedImage> {
    // Image models answer a list of URLs (flux-schnell/-dev) or one URL (1.1 [pro]).
    const first = Array.isArray(output) ? output[0] : output;
    if (typeof first !== 'string' || first === '') throw new ProviderError('provider_failure', `${LABEL} finished without an image.`);
    return this.io.http.download(first, signal, this.io.maxImageBytes);
  }

  /** `urls.get` / `urls.cancel`, followed only on the configured API host (they carry the key). */
  private predictionUrls(id: string, prediction: Prediction): { get: string; cancel: string } {
    const base = joinUrl(this.baseUrl, `predictions/${encodeURIComponent(id)}`);
    return { get: onSameHost(prediction.urls?.get, this.baseUrl) ? prediction.urls.get : base, cancel: onSameHost(prediction.urls?.cancel, this.baseUrl) ? prediction.urls.cancel : `${base}/cancel` };
  }
}
