/**
 * fal.ai through its queue API (docs.fal.ai/model-endpoints/queue; fal-js queue.ts): submit
 * `POST {queue}/{endpoint}` → `{request_id, status_url, response_url, cancel_url,
 * queue_position}`; poll `status_url` (IN_QUEUE with a position → IN_PROGRESS → COMPLETED);
 * read the output from `response_url` (errors surface there); `PUT cancel_url` when the job is
 * cancelled or runs out of time. Auth is `Authorization: Key <FAL_KEY>`.
 */
import type { Capability, Provider, ProviderCapabilities, ProviderOutput, ProviderProgress, ProviderRequest, Tier } from '../provider';
import { ProviderError } from '../provider';
import { requireKey } from '../http/api-key';
import { verifyKeyWith } from '../http/verify-key';
import { type ClientSetup, cloudCapabilities, setUpClient } from '../http/client-setup';
import { type CloudClientOptions, joinUrl, onSameHost, pickModel, type VerifyKeyResult } from '../http/cloud-client';
import { type DescribeError, HttpStatusError, numberAt, stringAt } from '../http/errors';
import type { CheckedImage } from '../http/image-check';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { runRemoteJob } from '../http/remote-job';
import { FAL_DEFAULT_BASE_URL, FAL_DEFAULT_MODELS } from './fal-defaults';
import { falEndpointFor, falInput } from './fal-input';

const LABEL = 'fal.ai';

/**
 * fal's errors (fal-js response.ts): `{detail: "..."}`, or for 422 `{detail: [{loc, msg, type}]}`.
 * A locked account answers 403 "User is locked. Reason: Exhausted balance…" — out of credits.
 */
export const describeFalError: DescribeError = (body) => {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (Array.isArray(detail)) {
    const first = detail[0] as { loc?: unknown; msg?: unknown } | undefined;
    const loc = Array.isArray(first?.loc) ? first.loc.filter((part) => part !== 'body').join('.') : undefined;
    const messages = detail.map((d) => stringAt(d, 'msg')).filter((m): m is string => m !== undefined);
    return { message: messages.join('; ') || undefined, field: loc || undefined };
  }
  const message = stringAt(body, 'detail') ?? stringAt(body, 'error') ?? stringAt(body, 'message');
  return { message, kind: message && /exhausted balance|top up your balance/i.test(message) ? 'out_of_credits' : undefined };
};

interface QueueStatus {
  readonly status?: string;
  readonly request_id?: string;
  readonly status_url?: string;
  readonly response_url?: string;
  readonly cancel_url?: string;
  readonly queue_position?: number;
}

interface FalOutput {
  readonly images?: ReadonlyArray<{ readonly url?: string; readonly content_type?: string }>;
  readonly has_nsfw_concepts?: ReadonlyArray<boolean>;
}

const FAL_CAPABILITIES: ReadonlySet<Capability> = new Set(['generate', 'scene', 'animate', 'rotate', 'inpaint']);
const TIERS: ReadonlySet<Tier> = new Set(['standard', 'hd']);
const DEFAULT_POLL_INTERVAL_MS = 750;

export class FalClient implements Provider {
  readonly capabilities: ProviderCapabilities;
  readonly baseUrl: string;
  private readonly io: ClientSetup;

  constructor(private readonly options: CloudClientOptions) {
    this.baseUrl = options.baseUrl ?? FAL_DEFAULT_BASE_URL;
    this.io = setUpClient(options, { label: LABEL, describeError: describeFalError, rateLimit: DEFAULT_RATE_LIMITS.fal, defaultPollIntervalMs: DEFAULT_POLL_INTERVAL_MS });
    this.capabilities = cloudCapabilities({
      id: 'fal',
      label: LABEL,
      capabilities: FAL_CAPABILITIES,
      tiers: TIERS,
      nativeNegative: false,
      needsKey: true,
      // fal.ai/docs/model-apis/faq: new accounts run 2 requests at once (more wait in fal's queue).
      concurrency: options.limits?.concurrency ?? 2,
      models: pickModel(options.models, FAL_DEFAULT_MODELS),
    });
  }

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    const key = await requireKey(this.options.getKey, LABEL);
    const endpoint = falEndpointFor(request);
    const input = falInput(endpoint, request);
    const auth = { authorization: `Key ${key}` };
    const submitted = await this.io.http.json<QueueStatus>({ url: joinUrl(this.baseUrl, endpoint), json: input, headers: auth, signal, rateLimited: true, secrets: [key] });
    const requestId = submitted.body.request_id;
    if (typeof requestId !== 'string' || requestId === '') throw new ProviderError('provider_failure', `${LABEL} accepted the request but returned no request id.`);
    const urls = this.queueUrls(endpoint, requestId, submitted.body);
    const firstPosition = Math.max(1, submitted.body.queue_position ?? 1);
    let polls = 0;
    onProgress({ fraction: 0.02, activity: `In ${LABEL}'s queue` });

    await runRemoteJob({
      io: this.io,
      signal,
      poll: async () => {
        const { body } = await this.io.http.json<QueueStatus>({ url: urls.status, headers: auth, signal, secrets: [key] });
        polls += 1;
        switch (body.status) {
          case 'IN_QUEUE': {
            // Queue position 0 = next; moving up the queue fills the first tenth of the bar.
            const position = numberAt(body, 'queue_position') ?? firstPosition;
            onProgress({
              fraction: 0.02 + 0.08 * Math.max(0, 1 - position / firstPosition),
              activity: position <= 0 ? `Next in ${LABEL}'s queue` : `In ${LABEL}'s queue, ${position} ahead`,
            });
            return { done: false };
          }
          case 'IN_PROGRESS':
            // fal reports no steps: creep towards 90 % so the bar shows life without lying about the end.
            onProgress({ fraction: Math.min(0.9, 0.1 + 0.8 * (1 - 0.85 ** polls)), activity: `Generating on ${LABEL}` });
            return { done: false };
          case 'COMPLETED':
            return { done: true, value: undefined };
          default:
            throw new ProviderError('provider_failure', `${LABEL} reported an unknown queue status (${String(body.status).slice(0, 40)}).`);
        }
      },
      cancel: { url: urls.cancel, method: 'PUT', headers: auth, secrets: [key] },
    });

    const result = await this.io.http.json<FalOutput>({ url: urls.response, headers: auth, signal, secrets: [key] });
    if (result.body.has_nsfw_concepts?.[0] === true) {
      throw new ProviderError('content_refused', `${LABEL}'s safety checker blocked this image; rephrase the prompt.`);
    }
    const image = await this.image(result.body, signal);
    onProgress({ fraction: 1 });
    return { bytes: image.bytes, mime: image.mime, model: endpoint };
  }

  /**
   * fal's free, documented way to prove a key: ask the queue for the status of a request that
   * cannot exist. A bad key answers 401/403; a good one 404 (not found). Nothing runs, nothing
   * is billed. (fal has no "who am I" endpoint for keys.)
   */
  verifyKey(key: string, signal: AbortSignal): Promise<VerifyKeyResult> {
    const appId = FAL_DEFAULT_MODELS.standard.split('/').slice(0, 2).join('/');
    return verifyKeyWith(
      key,
      signal,
      () => this.io.http.json({ url: joinUrl(this.baseUrl, `${appId}/requests/00000000-0000-0000-0000-000000000000/status`), headers: { authorization: `Key ${key}` }, signal, secrets: [key] }),
      // "Request not found" (404, or 400 for an id it will not parse) — a JSON body, not a
      // proxy's HTML page — means fal got past the key check.
      (error) => error instanceof HttpStatusError && (error.status === 404 || error.status === 400 || error.status === 422) && error.body !== undefined,
    );
  }

  private async image(output: FalOutput, signal: AbortSignal): Promise<CheckedImage> {
    const url = output.images?.[0]?.url;
    if (typeof url !== 'string' || url === '') throw new ProviderError('provider_failure', `${LABEL} finished without an image.`);
    // `sync_mode` answers carry the image inline as a data URI; download() decodes those.
    return this.io.http.download(url, signal, this.io.maxImageBytes);
  }

  /**
   * The URLs to follow. fal returns them; they are used only when they point at the queue host
   * we were configured with — the key is sent to them, so a foreign host never gets it — and
   * otherwise rebuilt as documented: `{queue}/{owner}/{app}/requests/{id}` (no sub-path).
   */
  private queueUrls(endpoint: string, requestId: string, answer: QueueStatus): { status: string; response: string; cancel: string } {
    const appId = endpoint.split('/').slice(0, 2).join('/');
    const base = joinUrl(this.baseUrl, `${appId}/requests/${encodeURIComponent(requestId)}`);
    return {
      status: onSameHost(answer.status_url, this.baseUrl) ? answer.status_url : `${base}/status`,
      response: onSameHost(answer.response_url, this.baseUrl) ? answer.response_url : base,
      cancel: onSameHost(answer.cancel_url, this.baseUrl) ? answer.cancel_url : `${base}/cancel`,
    };
  }
}
