/**
 * The hosted WokGen account on this machine: sign-in (browser + PKCE loopback, or device code),
 * the session's tokens (keychain only), the profile, plan and HD credits with when they were
 * last synced, the hosted HD provider, and the credit reconciliation after every hosted job.
 *
 * Sync happens at start, after every job that used the hosted provider, and on demand. Offline,
 * the last known figures (kept in `account.json`, nothing secret) are shown marked as stale.
 * What the renderer gets (`status()`, the `account.changed` event) never contains a token.
 */
import { AppFailure } from '../../../shared/errors';
import {
  DEFAULT_HOSTED_BASE_URL,
  HOSTED_PATHS,
  PLAN_LABELS,
  creditsRemaining,
  hdCreditCost,
  type Account,
  type AccountStatus,
  type CreditsRemaining,
  type SignInFlow,
} from '../../../shared/hosted-api';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { ModeId } from '../../../shared/modes';
import { isLoopbackHostname, originOf } from '../../../shared/url-rules';
import { assertSafeExternalUrl } from '../security/external-url';
import type { EventSink, Logger, ShellPort } from '../ports';
import { systemClock, type Clock } from '../providers/http/clock';
import { joinUrl } from '../providers/http/cloud-client';
import { redact } from '../providers/http/errors';
import type { FetchLike } from '../providers/http/provider-http';
import { HostedApiClient } from '../providers/hosted/hosted-api-client';
import { HostedProvider } from '../providers/hosted/hosted-provider';
import { ProviderError } from '../providers/provider';
import { SecretStorageRefusedError } from '../secrets/choose-secret-store';
import { storageStatusOf, type SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { AccountSession } from './account-session';
import { AccountSnapshotFile, type AccountSnapshot } from './account-snapshot';
import { CreditLedger, totalCredits } from './credit-ledger';
import { OAuthClient } from './oauth-client';
import { SignInError } from './sign-in-error';
import { browserSignIn, deviceSignIn } from './sign-in-flows';
import { TokenStore } from './token-store';

export interface AccountServiceDeps {
  readonly secrets: SecretStore;
  readonly settings: SettingsStore;
  readonly dataDir: string;
  readonly shell: ShellPort;
  readonly events: EventSink;
  readonly log: Logger;
  readonly now?: () => number;
  readonly clock?: Clock;
  readonly fetch?: FetchLike;
  /** The browser step's time limit (tests shorten it). */
  readonly browserTimeoutMs?: number;
}

interface SignInAttempt {
  readonly flow: SignInFlow;
  readonly controller: AbortController;
  /** Until the device code arrives: our own limit; then the server's `expires_in`. */
  expiresAt: number;
  userCode: string | null;
  verificationUri: string | null;
  verificationUriComplete: string | null;
}

/** A sync's own time limit, so a hung server never leaves the panel spinning. */
const SYNC_TIMEOUT_MS = 20_000;
const DEVICE_CODE_WAIT_MS = 600_000;

/** Only https — or plain http to this machine (a local test or development server). */
export function assertAccountUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppFailure('invalid_input', 'The account server address is not a valid URL. Check it in Settings → Account.', 'url');
  }
  if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) return url.toString();
  return assertSafeExternalUrl(raw);
}

export class AccountService {
  readonly api: HostedApiClient;
  readonly provider: HostedProvider;
  private readonly session: AccountSession;
  private readonly snapshotFile: AccountSnapshotFile;
  private readonly ledger = new CreditLedger();
  private readonly now: () => number;
  private readonly clock: Clock;
  private known: AccountSnapshot | null = null;
  private stale = false;
  private message: string | null = null;
  private attempt: SignInAttempt | null = null;
  private syncing: Promise<AccountStatus> | null = null;
  private closed = false;
  private readonly unsubscribeSettings: () => void;

  constructor(private readonly deps: AccountServiceDeps) {
    // The panel shows the service's address and links: follow a changed address at once.
    let baseUrl = this.baseUrl();
    let plainTextConsent = deps.settings.get().allowPlainTextSecrets;
    this.unsubscribeSettings = deps.settings.onDidChange((next) => {
      const consentWithdrawn = plainTextConsent && !next.allowPlainTextSecrets;
      plainTextConsent = next.allowPlainTextSecrets;
      // The plain-text key file is emptied when consent is withdrawn (ProviderService): the
      // session kept there ends with it (security review item 3).
      if (consentWithdrawn && storageStatusOf(deps.secrets).kind === 'plain-text-file' && (this.session.signedIn || this.attempt)) {
        void this.signOut(this.baseUrl(), 'Signed out: you stopped storing keys in plain text, so the sign-in kept there was deleted. Sign in again once a keyring is available.');
        return;
      }
      if (this.baseUrl() === baseUrl) return;
      const previous = baseUrl;
      baseUrl = this.baseUrl();
      // Tokens belong to the server that issued them: never send them to another address.
      if (this.session.signedIn || this.attempt) void this.signOut(previous, 'Signed out: the account server address changed. Sign in to the new one.');
      else this.emitChanged();
    });
    this.now = deps.now ?? Date.now;
    this.clock = deps.clock ?? systemClock;
    this.snapshotFile = new AccountSnapshotFile(deps.dataDir);
    this.session = new AccountSession({
      store: new TokenStore(deps.secrets),
      oauth: () => this.oauth(),
      issuer: () => originOf(this.baseUrl()) ?? this.baseUrl(),
      now: this.now,
      onEnded: (reason) => this.sessionEnded(reason),
    });
    this.api = new HostedApiClient({ baseUrl: () => this.baseUrl(), auth: this.session, ...(deps.fetch ? { fetch: deps.fetch } : {}), clock: this.clock });
    this.provider = new HostedProvider(this.api, {
      callStarted: () => this.ledger.callStarted(),
      callEnded: () => this.ledger.callEnded(),
      charged: ({ credits, remaining }) => this.charged(credits, remaining),
    });
  }

  /** Start-up: the stored session and last known figures, then a sync in the background. */
  async start(): Promise<void> {
    this.known = this.snapshotFile.read();
    const signedIn = await this.session.load().catch((error: unknown) => {
      this.deps.log.warn('account tokens could not be read from the keychain', { error: String(error) });
      return false;
    });
    // Closed while the keychain was read (the app quit during start-up): no sync after close.
    if (this.closed) return;
    if (!signedIn) {
      // Figures without a session are someone's old account: not shown.
      this.known = null;
      return;
    }
    this.stale = true;
    this.emitChanged();
    void this.sync().catch(() => undefined);
  }

  baseUrl(): string {
    return this.deps.settings.get().providers.hosted?.baseUrl ?? DEFAULT_HOSTED_BASE_URL;
  }

  /** Routing may use the hosted provider: a session exists (a stale one still tries, and fails clearly). */
  get signedIn(): boolean {
    return this.session.signedIn;
  }

  /** HD credits left as last known; null when unknown (signed out, not synced yet). */
  get creditsLeft(): number | null {
    const credits = this.session.signedIn ? this.known?.account.hdCredits : undefined;
    return credits ? totalCredits(credits) : null;
  }

  /** Signed in and the last sync reached the server (the hosted prompt engine needs it online). */
  get online(): boolean {
    return this.session.signedIn && !this.stale;
  }

  status(): AccountStatus {
    const baseUrl = this.baseUrl();
    const account = this.session.signedIn ? this.known?.account ?? null : null;
    return {
      state: this.attempt ? 'signing_in' : this.session.signedIn ? 'signed_in' : 'signed_out',
      signIn: this.attempt
        ? {
            flow: this.attempt.flow,
            userCode: this.attempt.userCode,
            verificationUri: this.attempt.verificationUri,
            verificationUriComplete: this.attempt.verificationUriComplete,
            expiresAt: this.attempt.expiresAt,
          }
        : null,
      account: account ? describeAccount(account) : null,
      lastSyncedAt: account ? this.known?.lastSyncedAt ?? null : null,
      stale: this.session.signedIn && this.stale,
      message: this.message,
      baseUrl,
      plansUrl: joinUrl(baseUrl, HOSTED_PATHS.plansPage),
      topUpUrl: joinUrl(baseUrl, HOSTED_PATHS.topUpPage),
    };
  }

  /**
   * Starts signing in. The browser flow resolves once the browser was asked to open the WokGen
   * page; the device flow once the code to type is known. Completion arrives as `account.changed`.
   */
  async signIn(flow: SignInFlow): Promise<AccountStatus> {
    if (this.attempt) throw new AppFailure('conflict', 'A sign-in is already in progress. Finish it in the browser or cancel it first.');
    if (this.session.signedIn) throw new AppFailure('conflict', 'Already signed in. Sign out first to use another account.');
    const baseUrl = assertAccountUrl(this.baseUrl());
    const controller = new AbortController();
    const attempt: SignInAttempt = {
      flow,
      controller,
      expiresAt: this.now() + (flow === 'browser' ? (this.deps.browserTimeoutMs ?? 5 * 60_000) : DEVICE_CODE_WAIT_MS),
      userCode: null,
      verificationUri: null,
      verificationUriComplete: null,
    };
    this.attempt = attempt;
    this.message = null;
    let ready!: () => void;
    const shown = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const oauth = this.oauth(baseUrl);
    const tokens =
      flow === 'browser'
        ? browserSignIn({
            oauth,
            signal: controller.signal,
            ...(this.deps.browserTimeoutMs ? { timeoutMs: this.deps.browserTimeoutMs } : {}),
            openExternal: async (url) => {
              await this.deps.shell.openExternal(assertAccountUrl(url));
              ready();
            },
          })
        : deviceSignIn({
            oauth,
            clock: this.clock,
            signal: controller.signal,
            onCode: (authorization) => {
              attempt.userCode = authorization.user_code;
              attempt.expiresAt = this.now() + authorization.expires_in * 1000;
              attempt.verificationUri = authorization.verification_uri;
              attempt.verificationUriComplete = authorization.verification_uri_complete ?? null;
              ready();
            },
          });
    const finished = this.completeSignIn(attempt, tokens);
    // Whichever comes first: the page/code is shown, or the attempt already ended (unreachable…).
    await Promise.race([shown, finished]);
    const status = this.status();
    this.emitChanged();
    return status;
  }

  /** Stops a sign-in at once (the answer already says signed out; a late token is discarded). */
  cancelSignIn(): AccountStatus {
    const attempt = this.attempt;
    if (attempt) {
      this.attempt = null;
      this.message = null;
      attempt.controller.abort();
      this.emitChanged();
    }
    return this.status();
  }

  /** `issuer`: where the tokens came from (revoked there); `reason`: shown when not the user's choice. */
  async signOut(issuer = this.baseUrl(), reason: string | null = null): Promise<AccountStatus> {
    this.attempt?.controller.abort();
    this.attempt = null;
    this.known = null;
    this.stale = false;
    this.message = reason;
    const previous = await this.session.clear();
    this.ledger.clear();
    this.snapshotFile.clear();
    this.api.setRateLimit(null);
    // Best effort and in the background: signing out never waits on the network (RFC 7009).
    if (previous?.refreshToken) void this.oauth(issuer).revoke(previous.refreshToken);
    this.emitChanged();
    return this.status();
  }

  /** Fetches profile, plan and credits; offline keeps the last figures marked stale. Single-flight. */
  sync(): Promise<AccountStatus> {
    if (!this.session.signedIn) return Promise.reject(new AppFailure('unauthorised', 'Sign in to your WokGen account first.'));
    this.syncing ??= this.doSync().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  /**
   * Stage 1 guard for hosted HD: with the known balance unable to cover the run, nothing is
   * queued and the user is told how to top up. (The server has the final word: a 402 later
   * fails the job with the same message and charges nothing.)
   */
  assertCanAfford(mode: ModeId, generations: number): void {
    if (!this.session.signedIn) throw new AppFailure('unauthorised', 'HD on the WokGen account needs you to sign in (Settings → Account).', 'hd');
    const credits = this.known?.account.hdCredits;
    if (!credits) return;
    const cost = hdCreditCost(mode, generations);
    const total = totalCredits(credits);
    if (total < cost) {
      throw new AppFailure(
        'out_of_credits',
        `This HD run costs ${cost} credit${cost === 1 ? '' : 's'} and your WokGen account has ${total}. Top up at ${this.status().topUpUrl} (Settings → Account → Top up), or turn HD off.`,
        'hd',
      );
    }
  }

  /** The pipeline's events, watched for finished jobs that used the hosted provider. */
  onPipelineEvent<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (event !== 'jobs.succeeded' && event !== 'jobs.failed' && event !== 'jobs.cancelled') return;
    const job = (payload as EventPayload<'jobs.failed'>).job;
    if (!this.session.signedIn || !job.attempts.some((a) => a.provider === 'hosted')) return;
    void this.sync().catch(() => undefined);
  }

  /** Opens the account's plans or top-up page in the system browser. */
  async openPage(page: 'plans' | 'topUp'): Promise<void> {
    const status = this.status();
    await this.deps.shell.openExternal(assertAccountUrl(page === 'plans' ? status.plansUrl : status.topUpUrl));
  }

  /** Lets pending work finish quietly at shutdown. */
  close(): void {
    this.closed = true;
    this.unsubscribeSettings();
    this.attempt?.controller.abort();
  }

  private oauth(baseUrl = this.baseUrl()): OAuthClient {
    return new OAuthClient({ baseUrl, ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}) });
  }

  private async completeSignIn(attempt: SignInAttempt, tokens: Promise<Awaited<ReturnType<typeof browserSignIn>>>): Promise<void> {
    try {
      const answer = await tokens;
      const receivedAt = this.now();
      // Cancelled (or superseded) meanwhile: the tokens are not kept.
      if (attempt.controller.signal.aborted || this.attempt !== attempt) throw new SignInError('cancelled', 'Sign-in was cancelled.');
      try {
        await this.session.begin(answer, receivedAt);
      } catch (error) {
        // The keychain's own message says what to do (unlock a keyring, allow the fallback…).
        const why = error instanceof SecretStorageRefusedError ? error.message : 'the keychain refused to save them';
        await this.session.clear().catch(() => null);
        throw new SignInError('keychain_failed', `Signed in, but the sign-in could not be kept on this computer: ${why}`);
      }
      this.attempt = null;
      this.stale = true;
      this.deps.log.info('signed in to the WokGen account');
      await this.sync().catch(() => undefined);
    } catch (error) {
      // A cancelled attempt was already cleared (and a newer one may be running).
      if (this.attempt !== attempt) return;
      this.attempt = null;
      const cancelled = error instanceof SignInError && error.kind === 'cancelled';
      const known = error instanceof SignInError || error instanceof AppFailure;
      this.message = cancelled ? null : known ? error.message : 'Sign-in failed unexpectedly (the details are in the log). Try again.';
      if (!known) this.deps.log.error('sign-in failed', { error: redact(String(error)) });
      else if (!cancelled) this.deps.log.warn('sign-in did not complete', { kind: error instanceof SignInError ? error.kind : error.code });
      this.emitChanged();
    }
  }

  private async doSync(): Promise<AccountStatus> {
    const mark = this.ledger.mark();
    try {
      const account = await this.api.me(AbortSignal.timeout(SYNC_TIMEOUT_MS));
      if (!this.session.signedIn) return this.status();
      const syncedAt = this.now();
      this.known = { account, lastSyncedAt: syncedAt };
      this.stale = false;
      this.message = null;
      try {
        this.snapshotFile.write(account, syncedAt);
      } catch (error) {
        this.deps.log.warn('account figures could not be saved for offline use', { error: String(error) });
      }
      this.api.setRateLimit(account.limits.hostedRequestsPerMinute * account.limits.rateMultiplier);
      this.reconcile(account, mark);
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'unauthorised' && !this.session.signedIn) {
        // The session ended during the sync (refresh refused): sessionEnded already said so.
      } else if (error instanceof ProviderError && error.kind === 'unauthorised') {
        this.message = error.message;
      } else {
        this.stale = true;
        const when = this.known ? ` Showing the figures from ${new Date(this.known.lastSyncedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.` : '';
        this.message = `Offline: the WokGen account could not be reached (${error instanceof Error ? error.message : String(error)}).${when}`;
      }
    }
    this.emitChanged();
    return this.status();
  }

  private reconcile(account: Account, mark: ReturnType<CreditLedger['mark']>): void {
    const result = this.ledger.reconcile(account.hdCredits, mark);
    if (!result || result.overcharged === 0) return;
    const message = `HD credits do not add up: ${result.overcharged} more credit${result.overcharged === 1 ? ' was' : 's were'} taken than the finished hosted generations cost (expected ${result.expectedTotal} left, the account has ${result.actualTotal}). Failed or cancelled jobs must not cost credits — contact WokGen support with this message.`;
    this.deps.log.warn('HD credit discrepancy', { expectedTotal: result.expectedTotal, actualTotal: result.actualTotal });
    this.emit('account.creditsDiscrepancy', { expectedTotal: result.expectedTotal, actualTotal: result.actualTotal, message });
  }

  /** A delivered hosted generation: the ledger counts it and the panel shows the new balance at once. */
  private charged(credits: number, remaining: CreditsRemaining): void {
    this.ledger.charged(credits);
    if (this.known) {
      const { hdCredits } = this.known.account;
      const account = { ...this.known.account, hdCredits: { ...hdCredits, monthlyUsed: Math.max(0, hdCredits.monthlyAllowance - remaining.monthly), topUpBalance: remaining.topUp } };
      this.known = { ...this.known, account };
    }
    this.emitChanged();
  }

  private sessionEnded(reason: string): void {
    this.known = null;
    this.stale = false;
    this.message = reason;
    this.ledger.clear();
    this.snapshotFile.clear();
    this.emitChanged();
  }

  private emitChanged(): void {
    if (!this.closed) this.emit('account.changed', this.status());
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    try {
      this.deps.events.emit(event, payload);
    } catch (error) {
      this.deps.log.error('event listener failed', { event, error: String(error) });
    }
  }
}

function describeAccount(account: Account): NonNullable<AccountStatus['account']> {
  const left = creditsRemaining(account.hdCredits);
  return {
    name: account.name,
    email: account.email,
    plan: account.plan,
    planLabel: PLAN_LABELS[account.plan],
    credits: { monthlyAllowance: account.hdCredits.monthlyAllowance, monthlyRemaining: left.monthly, topUp: left.topUp, total: left.monthly + left.topUp },
    limits: account.limits,
    periodEnd: account.periodEnd,
  };
}
