/**
 * The account's tokens in the SecretStore (the OS keychain): the access token with its expiry
 * under one entry, the refresh token under another. Nothing else in the app stores them, and
 * sign-out deletes both. The access entry also names the ORIGIN that issued the tokens: loaded
 * for another account server (the address changed while the app was closed, an old entry
 * without one), they are deleted rather than sent there (security review item 4).
 */
import { z } from 'zod';
import type { TokenResponse } from '../../../shared/hosted-api';
import type { SecretStore } from '../secrets/secret-store';

export const ACCESS_TOKEN_ACCOUNT = 'account.access-token';
export const REFRESH_TOKEN_ACCOUNT = 'account.refresh-token';

/** Refresh this long before the expiry the server gave us … */
export const REFRESH_EARLY_MS = 60_000;

export interface TokenSet {
  /** The account server's origin (`https://host:port`) that issued these tokens. */
  readonly issuer: string;
  readonly accessToken: string;
  readonly refreshToken: string | null;
  /** Our clock's time when the server says the token ends (receipt + expires_in). */
  readonly expiresAt: number;
  /** Our clock's time from which we refresh before using it. */
  readonly refreshAt: number;
}

/**
 * `expires_in` is relative (RFC 6749 §5.1), so counting from when *we* received it keeps a
 * skewed desktop clock out of the picture; refresh a minute early — or halfway through a
 * token shorter than two minutes.
 */
export function tokenSetFrom(response: TokenResponse, receivedAt: number, issuer: string, previousRefreshToken: string | null = null): TokenSet {
  const lifetime = response.expires_in * 1000;
  return {
    issuer,
    accessToken: response.access_token,
    // RFC 6749 §6: the server may keep the old refresh token (no new one in the answer).
    refreshToken: response.refresh_token ?? previousRefreshToken,
    expiresAt: receivedAt + lifetime,
    refreshAt: receivedAt + Math.max(lifetime / 2, lifetime - REFRESH_EARLY_MS),
  };
}

const StoredAccessSchema = z.object({ issuer: z.string().min(1), accessToken: z.string().min(1), expiresAt: z.number(), refreshAt: z.number() });

export class TokenStore {
  constructor(private readonly secrets: SecretStore) {}

  /** The stored tokens when `issuer` (the current server's origin) issued them; others are deleted. */
  async load(issuer: string): Promise<TokenSet | null> {
    const [access, refresh] = await Promise.all([this.secrets.get(ACCESS_TOKEN_ACCOUNT), this.secrets.get(REFRESH_TOKEN_ACCOUNT)]);
    if (access === null) {
      // A refresh token without its access entry is unusable: not kept for anyone.
      if (refresh !== null) await this.clear();
      return null;
    }
    let parsed;
    try {
      parsed = StoredAccessSchema.safeParse(JSON.parse(access));
    } catch {
      return null;
    }
    if (!parsed.success || parsed.data.issuer !== issuer) {
      await this.clear();
      return null;
    }
    return { ...parsed.data, refreshToken: refresh };
  }

  async save(tokens: TokenSet): Promise<void> {
    await this.secrets.set(ACCESS_TOKEN_ACCOUNT, JSON.stringify({ issuer: tokens.issuer, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, refreshAt: tokens.refreshAt }));
    if (tokens.refreshToken) await this.secrets.set(REFRESH_TOKEN_ACCOUNT, tokens.refreshToken);
    else await this.secrets.delete(REFRESH_TOKEN_ACCOUNT);
  }

  async clear(): Promise<void> {
    await Promise.all([this.secrets.delete(ACCESS_TOKEN_ACCOUNT), this.secrets.delete(REFRESH_TOKEN_ACCOUNT)]);
  }
}
