/**
 * The token and device-authorization endpoints (RFC 6749 §4.1.3, §6; RFC 8628 §3.1, §3.4):
 * form-encoded requests, JSON answers. Anything that is not an OAuth JSON answer — an HTML
 * login wall, a proxy page, a wrong base URL — is a clear `bad_token_response`, never a token.
 */
import type { z } from 'zod';
import {
  DEVICE_CODE_GRANT,
  DeviceAuthorizationResponseSchema,
  HOSTED_CLIENT_ID,
  HOSTED_PATHS,
  HOSTED_SCOPE,
  OAuthErrorSchema,
  TokenResponseSchema,
  type DeviceAuthorizationResponse,
  type OAuthError,
  type TokenResponse,
} from '../../../shared/hosted-api';
import { originOf } from '../../../shared/url-rules';
import { readLimited } from '../providers/http/read-limited';
import { SignInError } from './sign-in-error';

/** How long one call to the authorization server may take. */
export const OAUTH_REQUEST_TIMEOUT_MS = 20_000;
/** A token or device-code answer is a few hundred bytes; 64 KB leaves room for any error page. */
export const OAUTH_MAX_ANSWER_BYTES = 64 * 1024;

/** The endpoint answered with an OAuth error object (RFC 6749 §5.2 / RFC 8628 §3.5). */
export class OAuthErrorAnswer extends Error {
  constructor(
    readonly oauth: OAuthError,
    readonly status: number,
  ) {
    super(oauth.error_description ? `${oauth.error}: ${oauth.error_description}` : oauth.error);
    this.name = 'OAuthErrorAnswer';
  }
}

export interface OAuthClientOptions {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
}

export class OAuthClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: OAuthClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The URL the system browser opens (RFC 6749 §4.1.1 + RFC 7636 §4.3). */
  authorizationUrl(input: { readonly redirectUri: string; readonly state: string; readonly challenge: string }): string {
    const url = new URL(HOSTED_PATHS.authorize, this.options.baseUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: HOSTED_CLIENT_ID,
      redirect_uri: input.redirectUri,
      scope: HOSTED_SCOPE,
      state: input.state,
      code_challenge: input.challenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  exchangeCode(input: { readonly code: string; readonly verifier: string; readonly redirectUri: string }, signal?: AbortSignal): Promise<TokenResponse> {
    return this.tokenRequest({ grant_type: 'authorization_code', code: input.code, code_verifier: input.verifier, redirect_uri: input.redirectUri }, signal);
  }

  refresh(refreshToken: string, signal?: AbortSignal): Promise<TokenResponse> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, signal);
  }

  /**
   * RFC 8628 §3.2. The page the user is sent to must be on the account server's own origin
   * (security review item 5): an answer cannot send the user to type their code elsewhere.
   */
  async startDeviceAuthorization(signal?: AbortSignal): Promise<DeviceAuthorizationResponse> {
    const answer = await this.post(HOSTED_PATHS.deviceAuthorization, { client_id: HOSTED_CLIENT_ID, scope: HOSTED_SCOPE }, DeviceAuthorizationResponseSchema, signal);
    const expected = originOf(this.options.baseUrl);
    for (const page of [answer.verification_uri, answer.verification_uri_complete]) {
      if (page !== undefined && originOf(page) !== expected) {
        throw new SignInError('bad_token_response', `The sign-in server pointed to a page on another address (${originOf(page) ?? 'not a web address'}); it was not shown. Check the account server address in Settings → Account.`);
      }
    }
    return answer;
  }

  pollDeviceToken(deviceCode: string, signal?: AbortSignal): Promise<TokenResponse> {
    return this.tokenRequest({ grant_type: DEVICE_CODE_GRANT, device_code: deviceCode }, signal);
  }

  /** Best effort (RFC 7009): sign-out never waits on or fails because of the server. */
  async revoke(token: string): Promise<void> {
    try {
      await this.fetchImpl(new URL(HOSTED_PATHS.revoke, this.options.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: HOSTED_CLIENT_ID }).toString(),
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      // Offline sign-out still clears the tokens locally.
    }
  }

  private tokenRequest(form: Record<string, string>, signal?: AbortSignal): Promise<TokenResponse> {
    return this.post(HOSTED_PATHS.token, { ...form, client_id: HOSTED_CLIENT_ID }, TokenResponseSchema, signal);
  }

  private async post<S extends z.ZodType>(path: string, form: Record<string, string>, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    const timeout = AbortSignal.timeout(OAUTH_REQUEST_TIMEOUT_MS);
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.options.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw new SignInError('cancelled', 'Sign-in was cancelled.');
      throw new SignInError('unreachable', `The WokGen account server at ${new URL(this.options.baseUrl).host} could not be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    // Read with a limit: a misconfigured or hostile server streaming without end is cut off.
    let text = '';
    try {
      text = new TextDecoder().decode(await readLimited(response, OAUTH_MAX_ANSWER_BYTES, 'The answer'));
    } catch (error) {
      if (signal?.aborted) throw new SignInError('cancelled', 'Sign-in was cancelled.');
      if (error instanceof Error && /larger than/.test(error.message)) {
        throw new SignInError('bad_token_response', `The WokGen account server's answer is larger than ${OAUTH_MAX_ANSWER_BYTES / 1024} KB, which no OAuth answer is. Check the account server address in Settings → Account.`);
      }
      // A body cut short: handled below as "not JSON".
    }
    const contentType = response.headers.get('content-type') ?? '';
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body === undefined || !/json/i.test(contentType)) {
      const what = /html/i.test(contentType) || /^\s*</.test(text) ? 'an HTML page' : 'something that is not JSON';
      throw new SignInError('bad_token_response', `The WokGen account server answered ${response.status} with ${what} instead of an OAuth answer. Check the account server address in Settings → Account.`);
    }
    if (!response.ok) {
      const oauth = OAuthErrorSchema.safeParse(body);
      if (oauth.success) throw new OAuthErrorAnswer(oauth.data, response.status);
      throw new SignInError('bad_token_response', `The WokGen account server answered ${response.status} without an OAuth error.`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new SignInError('bad_token_response', `The WokGen account server's answer was incomplete (${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message ?? 'invalid'}).`);
    }
    return parsed.data;
  }
}
