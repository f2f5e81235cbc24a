/**
 * The signed-in session: hands out a valid access token, refreshing it silently before it
 * expires or after the API refused it (401). Refreshes are single-flight — ten requests that
 * find the token expired cause one refresh, and all ten use its result. A refresh token the
 * server no longer accepts ends the session (tokens deleted; the user signs in again).
 */
import type { TokenResponse } from '../../../shared/hosted-api';
import { OAuthErrorAnswer, type OAuthClient } from './oauth-client';
import { SignInError } from './sign-in-error';
import { tokenSetFrom, type TokenSet, type TokenStore } from './token-store';

/** The session is over: no tokens, or the server refused the refresh token. */
export class SessionEnded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionEnded';
  }
}

export interface AccountSessionDeps {
  readonly store: TokenStore;
  /** Built per use: the base URL may change in settings. */
  readonly oauth: () => OAuthClient;
  /** The current account server's origin: tokens are only ever used with the origin that issued them. */
  readonly issuer: () => string;
  readonly now: () => number;
  /** Told when the session ends by itself (refresh refused), so the UI shows "signed out". */
  readonly onEnded: (reason: string) => void;
}

export class AccountSession {
  private tokens: TokenSet | null = null;
  private loaded = false;
  private refreshing: Promise<TokenSet> | null = null;

  constructor(private readonly deps: AccountSessionDeps) {}

  /** Reads the keychain once; true when tokens are stored. */
  async load(): Promise<boolean> {
    if (!this.loaded) {
      this.tokens = await this.deps.store.load(this.deps.issuer());
      this.loaded = true;
    }
    return this.tokens !== null;
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  /** Stores the tokens of a completed sign-in. */
  async begin(response: TokenResponse, receivedAt: number): Promise<void> {
    const tokens = tokenSetFrom(response, receivedAt, this.deps.issuer());
    await this.deps.store.save(tokens);
    this.tokens = tokens;
    this.loaded = true;
  }

  /** A token to send now: refreshed first when it is due. */
  async accessToken(): Promise<string> {
    await this.load();
    const tokens = this.tokens;
    if (!tokens) throw new SessionEnded('Sign in to your WokGen account first.');
    await this.assertSameIssuer(tokens);
    if (this.deps.now() < tokens.refreshAt) return tokens.accessToken;
    return (await this.refresh(tokens.accessToken)).accessToken;
  }

  /**
   * The API refused `rejected` (401): refresh — unless another request already did, in which
   * case its newer token is used.
   */
  async afterUnauthorised(rejected: string): Promise<string> {
    return (await this.refresh(rejected)).accessToken;
  }

  /** Forgets the tokens (sign-out); returns what was stored so the caller can revoke it. */
  async clear(): Promise<TokenSet | null> {
    // Synchronously when loaded: no request started after this call gets the old token.
    const previous = this.loaded ? this.tokens : await this.deps.store.load(this.deps.issuer());
    this.tokens = null;
    this.loaded = true;
    this.refreshing = null;
    await this.deps.store.clear();
    return previous;
  }

  private refresh(stale: string): Promise<TokenSet> {
    const current = this.tokens;
    if (current && current.accessToken !== stale && this.deps.now() < current.refreshAt) return Promise.resolve(current);
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<TokenSet> {
    const current = this.tokens;
    if (!current?.refreshToken) {
      await this.end('Your WokGen session has expired. Sign in again.');
      throw new SessionEnded('Your WokGen session has expired. Sign in again.');
    }
    await this.assertSameIssuer(current);
    let response: TokenResponse;
    try {
      response = await this.deps.oauth().refresh(current.refreshToken);
    } catch (error) {
      if (error instanceof OAuthErrorAnswer) {
        // invalid_grant: the refresh token expired or was revoked (RFC 6749 §5.2).
        const message = error.oauth.error === 'invalid_grant' ? 'Your WokGen session has ended (the sign-in expired or was revoked). Sign in again.' : `WokGen refused to renew the session (${error.oauth.error}). Sign in again.`;
        await this.end(message);
        throw new SessionEnded(message);
      }
      // Offline or a bad answer: keep the tokens, the next attempt may work.
      throw error instanceof SignInError ? error : new SignInError('unreachable', String(error));
    }
    // The session may have been ended (sign-out) while the refresh was in flight.
    if (this.tokens !== current) throw new SessionEnded('Signed out.');
    const next = tokenSetFrom(response, this.deps.now(), current.issuer, current.refreshToken);
    await this.deps.store.save(next);
    this.tokens = next;
    return next;
  }

  /** Neither the API client nor a refresh ever sends a token to a server that did not issue it. */
  private async assertSameIssuer(tokens: TokenSet): Promise<void> {
    if (tokens.issuer === this.deps.issuer()) return;
    const message = 'Signed out: the account server address changed. Sign in to the new one.';
    await this.end(message);
    throw new SessionEnded(message);
  }

  private async end(reason: string): Promise<void> {
    this.tokens = null;
    await this.deps.store.clear();
    this.deps.onEnded(reason);
  }
}
