/**
 * A loopback WokGen account server implementing docs/hosted-api.md, for unit tests and the
 * end-to-end run: OAuth authorization (auto-approves by redirecting to the loopback redirect
 * with code + state), the token endpoint with PKCE S256 verification, refresh tokens, token
 * expiry on the *server's* clock (which tests can skew), the device grant with pending /
 * slow_down / denied / expired answers, and the account API with credits charged monthly first
 * then top-up — only for generations actually delivered. Faults (401, 402, 429 + Retry-After,
 * 5xx, HTML pages, hangs) come from the shared LoopbackServer.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  chargeCredits,
  creditsRemaining,
  DEVICE_CODE_GRANT,
  HOSTED_CLIENT_ID,
  HOSTED_PATHS,
  hdCreditCost,
  HostedGenerateRequestSchema,
  HostedUiuxRequestSchema,
  PromptEnhanceRequestSchema,
  type Account,
  type HdCredits,
  type PlanId,
  type PlanLimits,
} from '../../../../shared/hosted-api';
import { LoopbackServer, credential, jsonBody, sendJson, type LoopbackRequest } from '../../providers/http/testing/loopback-server';
import { renderTestImage } from '../../providers/http/testing/test-images';
import { verifierMatches } from '../pkce';

/** The seed's plans (facts 1.10–1.11): HD allowance per month, hosted rate multiplier, hosted workspaces per mode. */
export const TEST_PLANS: Readonly<Record<PlanId, PlanLimits>> = {
  free: { hdMonthlyAllowance: 0, rateMultiplier: 1, hostedRequestsPerMinute: 30, workspacesPerMode: 3 },
  plus: { hdMonthlyAllowance: 100, rateMultiplier: 1, hostedRequestsPerMinute: 30, workspacesPerMode: 10 },
  pro: { hdMonthlyAllowance: 500, rateMultiplier: 2, hostedRequestsPerMinute: 30, workspacesPerMode: 25 },
  max: { hdMonthlyAllowance: 2000, rateMultiplier: 4, hostedRequestsPerMinute: 30, workspacesPerMode: 50 },
};

/** How the (auto-approving) authorization endpoint answers the browser. */
export type AuthorizeBehaviour = 'approve' | 'deny' | 'wrong_state' | 'no_code';
/** What the next device-token poll answers (then the queue's next; empty = approved). */
export type DevicePollAnswer = 'authorization_pending' | 'slow_down' | 'access_denied' | 'expired_token' | 'approve';

interface IssuedCode {
  readonly challenge: string;
  readonly redirectUri: string;
  used: boolean;
}

export interface TestAccountOptions {
  readonly plan?: PlanId;
  readonly monthlyUsed?: number;
  readonly topUp?: number;
  readonly accessTokenTtlSec?: number;
}

const json = sendJson;

function oauthError(response: ServerResponse, status: number, error: string, description?: string): void {
  json(response, status, description ? { error, error_description: description } : { error });
}

function apiError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  json(response, status, { error: { code, message } }, headers);
}

function form(request: LoopbackRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString('utf8'));
}

const token = (prefix: string) => `${prefix}_${randomBytes(18).toString('base64url')}`;

export class TestAccountServer {
  readonly account: { id: string; name: string; email: string; plan: PlanId; hdCredits: HdCredits };
  /** Added to real time to make the server's clock (clock-skew tests). */
  clockOffsetMs = 0;
  accessTokenTtlSec: number;
  authorizeBehaviour: AuthorizeBehaviour = 'approve';
  readonly devicePolls: DevicePollAnswer[] = [];
  /** Milliseconds each generation takes (cancel tests). */
  generateDelayMs = 0;
  /** A broken server that charges even generations it did not deliver (discrepancy tests). */
  chargesUndelivered = false;
  /** Overrides the plan's hosted requests per minute (tests that must not wait on the rate limit). */
  requestsPerMinute: number | null = null;
  /** Refresh tokens stop working (an expired or revoked refresh token). */
  refreshRefused = false;
  readonly generated: Array<{ mode: string; charged: number }> = [];
  /** Generation requests the server has finished handling (delivered, charged or dropped). */
  handledGenerations = 0;

  private readonly codes = new Map<string, IssuedCode>();
  private readonly accessTokens = new Map<string, number>();
  private readonly refreshTokens = new Set<string>();
  private readonly deviceCodes = new Map<string, { userCode: string; expiresAt: number }>();

  private constructor(
    readonly server: LoopbackServer,
    options: TestAccountOptions,
  ) {
    const plan = options.plan ?? 'plus';
    this.account = {
      id: 'user_test_1',
      name: 'Ada Test',
      email: 'ada@example.test',
      plan,
      hdCredits: { monthlyAllowance: TEST_PLANS[plan].hdMonthlyAllowance, monthlyUsed: options.monthlyUsed ?? 0, topUpBalance: options.topUp ?? 0 },
    };
    this.accessTokenTtlSec = options.accessTokenTtlSec ?? 3600;
    this.routes();
  }

  static async start(options: TestAccountOptions = {}): Promise<TestAccountServer> {
    return new TestAccountServer(await LoopbackServer.start(), options);
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** The server's clock. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** A valid access token without the OAuth dance (provider tests). */
  mintAccessToken(): string {
    const access = token('at');
    this.accessTokens.set(access, this.now() + this.accessTokenTtlSec * 1000);
    return access;
  }

  /** Makes every access token issued so far expire (server side). */
  expireAccessTokens(): void {
    for (const key of this.accessTokens.keys()) this.accessTokens.set(key, 0);
  }

  setCredits(credits: Partial<HdCredits>): void {
    Object.assign(this.account.hdCredits, credits);
  }

  get totalCredits(): number {
    const left = creditsRemaining(this.account.hdCredits);
    return left.monthly + left.topUp;
  }

  accountBody(): Account {
    const limits = TEST_PLANS[this.account.plan];
    return { ...this.account, hdCredits: { ...this.account.hdCredits }, limits: { ...limits, hostedRequestsPerMinute: this.requestsPerMinute ?? limits.hostedRequestsPerMinute }, periodEnd: null };
  }

  private issueTokens(response: ServerResponse): void {
    const access = token('at');
    const refresh = token('rt');
    this.accessTokens.set(access, this.now() + this.accessTokenTtlSec * 1000);
    this.refreshTokens.add(refresh);
    json(response, 200, { access_token: access, token_type: 'Bearer', expires_in: this.accessTokenTtlSec, refresh_token: refresh, scope: 'account generate' }, { 'cache-control': 'no-store' });
  }

  /** RFC 6750: a missing, unknown or expired bearer token is a 401 with WWW-Authenticate. */
  private authorised(request: LoopbackRequest, response: ServerResponse): boolean {
    const bearer = credential(request.headers, 'Bearer');
    const expiresAt = bearer === null ? undefined : this.accessTokens.get(bearer);
    if (expiresAt === undefined || expiresAt <= this.now()) {
      apiError(response, 401, 'unauthorized', bearer === null ? 'Sign in required.' : 'The access token expired or is not valid.', {
        'www-authenticate': `Bearer error="invalid_token"`,
      });
      return false;
    }
    return true;
  }

  private routes(): void {
    const s = this.server;
    s.route('GET', HOSTED_PATHS.authorize, (request, response) => {
      const q = request.query;
      const redirect = q.get('redirect_uri') ?? '';
      let redirectUrl: URL;
      try {
        redirectUrl = new URL(redirect);
      } catch {
        return oauthError(response, 400, 'invalid_request', 'redirect_uri is missing or invalid');
      }
      // RFC 8252 §7.3: any port, but only the loopback IP literal over http.
      if (redirectUrl.protocol !== 'http:' || redirectUrl.hostname !== '127.0.0.1') return oauthError(response, 400, 'invalid_request', 'redirect_uri must be http://127.0.0.1:<port>/…');
      if (q.get('client_id') !== HOSTED_CLIENT_ID) return oauthError(response, 400, 'unauthorized_client');
      if (q.get('response_type') !== 'code') return oauthError(response, 400, 'unsupported_response_type');
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return oauthError(response, 400, 'invalid_request', 'PKCE S256 is required');
      const state = q.get('state') ?? '';
      const answer = new URLSearchParams();
      if (this.authorizeBehaviour === 'deny') {
        answer.set('error', 'access_denied');
        answer.set('state', state);
      } else {
        const code = token('code');
        this.codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: redirect, used: false });
        if (this.authorizeBehaviour !== 'no_code') answer.set('code', code);
        answer.set('state', this.authorizeBehaviour === 'wrong_state' ? `${state}x` : state);
      }
      response.writeHead(302, { location: `${redirect}?${answer.toString()}` });
      response.end();
    });

    s.route('POST', HOSTED_PATHS.token, (request, response) => {
      const f = form(request);
      if (f.get('client_id') !== HOSTED_CLIENT_ID) return oauthError(response, 401, 'invalid_client');
      const grant = f.get('grant_type');
      if (grant === 'authorization_code') {
        const issued = this.codes.get(f.get('code') ?? '');
        if (!issued || issued.used) return oauthError(response, 400, 'invalid_grant', 'unknown or used authorization code');
        if (issued.redirectUri !== f.get('redirect_uri')) return oauthError(response, 400, 'invalid_grant', 'redirect_uri differs from the authorization request');
        // RFC 7636 §4.6: the verifier must hash to the challenge.
        if (!verifierMatches(f.get('code_verifier') ?? '', issued.challenge)) return oauthError(response, 400, 'invalid_grant', 'PKCE verification failed');
        issued.used = true;
        return this.issueTokens(response);
      }
      if (grant === 'refresh_token') {
        const refresh = f.get('refresh_token') ?? '';
        if (this.refreshRefused || !this.refreshTokens.has(refresh)) return oauthError(response, 400, 'invalid_grant', 'refresh token expired or revoked');
        this.refreshTokens.delete(refresh);
        return this.issueTokens(response);
      }
      if (grant === DEVICE_CODE_GRANT) {
        const device = this.deviceCodes.get(f.get('device_code') ?? '');
        if (!device) return oauthError(response, 400, 'invalid_grant');
        if (device.expiresAt <= this.now()) return oauthError(response, 400, 'expired_token');
        const next = this.devicePolls.shift() ?? 'approve';
        if (next !== 'approve') return oauthError(response, 400, next);
        this.deviceCodes.delete(f.get('device_code') ?? '');
        return this.issueTokens(response);
      }
      return oauthError(response, 400, 'unsupported_grant_type');
    });

    s.route('POST', HOSTED_PATHS.deviceAuthorization, (request, response) => {
      if (form(request).get('client_id') !== HOSTED_CLIENT_ID) return oauthError(response, 401, 'invalid_client');
      const deviceCode = token('dc');
      const userCode = `${randomBytes(2).toString('hex').toUpperCase()}-${randomBytes(2).toString('hex').toUpperCase()}`;
      this.deviceCodes.set(deviceCode, { userCode, expiresAt: this.now() + 600_000 });
      json(response, 200, {
        device_code: deviceCode,
        user_code: userCode,
        verification_uri: `${this.url}/device`,
        verification_uri_complete: `${this.url}/device?user_code=${userCode}`,
        expires_in: 600,
        interval: 5,
      });
    });

    s.route('POST', HOSTED_PATHS.revoke, (request, response) => {
      const revoked = form(request).get('token') ?? '';
      this.accessTokens.delete(revoked);
      this.refreshTokens.delete(revoked);
      response.writeHead(200).end();
    });

    s.route('GET', HOSTED_PATHS.me, (request, response) => {
      if (this.authorised(request, response)) json(response, 200, this.accountBody());
    });
    s.route('GET', HOSTED_PATHS.credits, (request, response) => {
      if (this.authorised(request, response)) json(response, 200, { hdCredits: { ...this.account.hdCredits }, plan: this.account.plan });
    });
    s.route('GET', HOSTED_PATHS.workspaces, (request, response) => {
      if (this.authorised(request, response)) json(response, 200, { workspaces: [], limitPerMode: TEST_PLANS[this.account.plan].workspacesPerMode });
    });

    s.route('POST', HOSTED_PATHS.promptEnhance, (request, response) => {
      if (!this.authorised(request, response)) return;
      const parsed = PromptEnhanceRequestSchema.safeParse(jsonBody(request));
      if (!parsed.success) return apiError(response, 400, 'invalid_request', parsed.error.issues[0]?.message ?? 'invalid');
      json(response, 200, { prompt: `${parsed.data.prompt}, refined by the hosted engine`, notes: ['Hosted prompt engine (test).'] });
    });

    s.route('POST', HOSTED_PATHS.generate, async (request, response) => {
      if (!this.authorised(request, response)) return;
      const parsed = HostedGenerateRequestSchema.safeParse(jsonBody(request));
      if (!parsed.success) return apiError(response, 400, 'invalid_request', `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      const cost = hdCreditCost(parsed.data.mode);
      // The seed's guard (facts 1.11), answered with 402 as the contract says (the seed used 429).
      if (chargeCredits(this.account.hdCredits, cost) === null) return apiError(response, 402, 'no_credits', 'No HD credits remaining. Top up or upgrade your plan.');
      const image = await renderTestImage(parsed.data.width, parsed.data.height, 'png', parsed.data.seed);
      await this.deliver(response, parsed.data.mode, cost, (remaining) => ({
        jobId: token('job'),
        images: [{ mime: 'image/png', base64: image.toString('base64') }],
        model: 'test-flux-hd',
        creditsCharged: cost,
        hdCreditsRemaining: remaining,
      }));
    });

    s.route('POST', HOSTED_PATHS.uiuxGenerate, async (request, response) => {
      if (!this.authorised(request, response)) return;
      const parsed = HostedUiuxRequestSchema.safeParse(jsonBody(request));
      if (!parsed.success) return apiError(response, 400, 'invalid_request', parsed.error.issues[0]?.message ?? 'invalid');
      const cost = hdCreditCost('uiux');
      if (chargeCredits(this.account.hdCredits, cost) === null) return apiError(response, 402, 'no_credits', 'No HD credits remaining. Top up or upgrade your plan.');
      const text = '```html\n<section class="p-8"><h1 class="text-3xl font-bold">Hosted hero</h1><p>Made by the test account server.</p></section>\n```';
      await this.deliver(response, 'uiux', cost, (remaining) => ({ jobId: token('job'), text, model: 'test-llm-hd', creditsCharged: cost, hdCreditsRemaining: remaining }));
    });
  }

  /**
   * Charges only a generation the client is still there to receive: a request the client
   * aborted (cancel) is not charged — unless the server is told to be broken.
   */
  private async deliver(response: ServerResponse, mode: string, cost: number, body: (remaining: { monthly: number; topUp: number }) => unknown): Promise<void> {
    try {
      await this.chargeAndAnswer(response, mode, cost, body);
    } finally {
      this.handledGenerations += 1;
    }
  }

  private async chargeAndAnswer(response: ServerResponse, mode: string, cost: number, body: (remaining: { monthly: number; topUp: number }) => unknown): Promise<void> {
    if (this.generateDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.generateDelayMs));
    const gone = response.destroyed || response.socket === null || response.socket.destroyed;
    if (gone && !this.chargesUndelivered) return;
    const charged = chargeCredits(this.account.hdCredits, cost);
    if (charged === null) return apiError(response, 402, 'no_credits', 'No HD credits remaining.');
    Object.assign(this.account.hdCredits, charged);
    this.generated.push({ mode, charged: cost });
    if (gone) return;
    json(response, 200, body(creditsRemaining(this.account.hdCredits)));
  }
}

/**
 * Plays the user's browser: opens the authorization URL, follows the (auto-approving) server's
 * redirect to the app's loopback listener, and returns that page's status and text.
 */
export async function completeBrowserStep(authorizationUrl: string): Promise<{ status: number; text: string }> {
  const response = await fetch(authorizationUrl, { redirect: 'follow' });
  return { status: response.status, text: await response.text() };
}
