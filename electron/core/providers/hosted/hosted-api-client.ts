/**
 * The hosted WokGen API over bearer tokens (docs/hosted-api.md), through the shared provider
 * fetch layer (`ProviderHttp`: timeouts, cancellation, HTML and status mapping, Retry-After).
 * A 401 is answered once with a silent token refresh and a retry; a 402 becomes the top-up
 * message. Every answer is parsed with the contract's zod schema before anyone reads it.
 */
import type { z } from 'zod';
import {
  AccountSchema,
  CreditsResponseSchema,
  HOSTED_PATHS,
  HostedErrorBodySchema,
  HostedGenerateResponseSchema,
  HostedUiuxResponseSchema,
  PromptEnhanceResponseSchema,
  type HostedGenerateRequest,
  type HostedUiuxRequest,
} from '../../../../shared/hosted-api';
import type { ModeId } from '../../../../shared/modes';
import { ProviderError } from '../provider';
import type { Clock } from '../http/clock';
import { joinUrl } from '../http/cloud-client';
import type { DescribeError } from '../http/errors';
import { ProviderHttp, type FetchLike } from '../http/provider-http';
import { TokenBucket } from '../http/token-bucket';

export const HOSTED_LABEL = 'WokGen account';
/** A hosted HD render or code answer can take a while; the account calls are quick. */
export const HOSTED_GENERATE_TIMEOUT_MS = 180_000;
export const HOSTED_ACCOUNT_TIMEOUT_MS = 20_000;

/** What the client needs from the signed-in session (the account service's AccountSession). */
export interface HostedAuth {
  accessToken(): Promise<string>;
  /** The API refused `rejected`: a refreshed token, or a throw when the session is over. */
  afterUnauthorised(rejected: string): Promise<string>;
}

export interface HostedApiClientOptions {
  readonly baseUrl: () => string;
  readonly auth: HostedAuth;
  readonly fetch?: FetchLike;
  readonly clock?: Clock;
}

const describeHostedError: DescribeError = (body) => {
  const parsed = HostedErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  return { message: parsed.data.error.message, ...(parsed.data.error.code === 'no_credits' ? { kind: 'out_of_credits' as const } : {}) };
};

/** The words shown when the account has no HD credits left (402): what to do next. */
export function outOfCreditsMessage(topUpUrl: string): string {
  return `Your WokGen account has no HD credits left. Top up at ${topUpUrl} (Settings → Account → Top up), or add your own fal.ai or Replicate key — HD on your own key costs no credits.`;
}

export class HostedApiClient {
  private http: ProviderHttp;
  private bucket: TokenBucket | null = null;

  constructor(private readonly options: HostedApiClientOptions) {
    this.http = this.makeHttp();
  }

  /** Applies the plan's hosted rate (requests/min × the plan's multiplier); null turns it off. */
  setRateLimit(perMinute: number | null): void {
    this.bucket = perMinute === null ? null : new TokenBucket({ capacity: Math.max(1, Math.min(10, Math.floor(perMinute / 4))), perMinute }, this.options.clock);
    this.http = this.makeHttp();
  }

  me(signal: AbortSignal) {
    return this.call('GET', HOSTED_PATHS.me, undefined, AccountSchema, signal, HOSTED_ACCOUNT_TIMEOUT_MS);
  }

  credits(signal: AbortSignal) {
    return this.call('GET', HOSTED_PATHS.credits, undefined, CreditsResponseSchema, signal, HOSTED_ACCOUNT_TIMEOUT_MS);
  }

  generate(request: HostedGenerateRequest, signal: AbortSignal) {
    return this.call('POST', HOSTED_PATHS.generate, request, HostedGenerateResponseSchema, signal, HOSTED_GENERATE_TIMEOUT_MS, true);
  }

  generateUiux(request: HostedUiuxRequest, signal: AbortSignal) {
    return this.call('POST', HOSTED_PATHS.uiuxGenerate, request, HostedUiuxResponseSchema, signal, HOSTED_GENERATE_TIMEOUT_MS, true);
  }

  enhancePrompt(request: { mode: ModeId; tool: string; preset: string; prompt: string }, signal: AbortSignal) {
    return this.call('POST', HOSTED_PATHS.promptEnhance, request, PromptEnhanceResponseSchema, signal, HOSTED_ACCOUNT_TIMEOUT_MS);
  }

  get topUpUrl(): string {
    return joinUrl(this.options.baseUrl(), HOSTED_PATHS.topUpPage);
  }

  private makeHttp(): ProviderHttp {
    return new ProviderHttp({ label: HOSTED_LABEL, describeError: describeHostedError, timeoutMs: HOSTED_ACCOUNT_TIMEOUT_MS, fetch: this.options.fetch, clock: this.options.clock, bucket: this.bucket });
  }

  private async call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, json: unknown, schema: S, signal: AbortSignal, timeoutMs: number, rateLimited = false): Promise<z.output<S>> {
    let token = await this.token(() => this.options.auth.accessToken());
    for (let attempt = 0; ; attempt += 1) {
      try {
        const answer = await this.http.json({
          url: joinUrl(this.options.baseUrl(), path),
          method,
          headers: { authorization: `Bearer ${token}` },
          ...(json === undefined ? {} : { json }),
          signal,
          timeoutMs,
          rateLimited,
          secrets: [token],
        });
        const parsed = schema.safeParse(answer.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new ProviderError('provider_failure', `${HOSTED_LABEL} sent an answer the studio does not understand (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}).`);
        }
        return parsed.data;
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        // RFC 6750 §3.1 invalid_token: refresh once and retry; a second 401 is final.
        if (error.kind === 'unauthorised' && attempt === 0) {
          const rejected = token;
          token = await this.token(() => this.options.auth.afterUnauthorised(rejected));
          continue;
        }
        if (error.kind === 'out_of_credits') throw new ProviderError('out_of_credits', outOfCreditsMessage(this.topUpUrl));
        if (error.kind === 'unauthorised') throw new ProviderError('unauthorised', 'Your WokGen account refused the request. Sign in again in Settings → Account.');
        throw error;
      }
    }
  }

  /** A session that cannot give a token is an `unauthorised` provider error (never retried elsewhere). */
  private async token(get: () => Promise<string>): Promise<string> {
    try {
      return await get();
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      const name = error instanceof Error ? error.name : '';
      if (name === 'SignInError') throw new ProviderError('unreachable', `Could not renew the WokGen session: ${(error as Error).message}`);
      throw new ProviderError('unauthorised', error instanceof Error ? error.message : 'Sign in to your WokGen account first (Settings → Account).');
    }
  }
}
