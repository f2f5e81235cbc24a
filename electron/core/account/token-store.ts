/**
 * The account's tokens in the SecretStore (the OS keychain): the access token with its expiry
 * under one entry, the refresh token under another. Nothing else in the app stores them, and
 * sign-out deletes both.
 */
import { z } from 'zod';
import type { TokenResponse } from '../../../shared/hosted-api';
import type { SecretStore } from '../secrets/secret-store';

export const ACCESS_TOKEN_ACCOUNT = 'account.access-token';
export const REFRESH_TOKEN_ACCOUNT = 'account.refresh-token';

/** Refresh this long before the expiry the server gave us … */
export const REFRESH_EARLY_MS = 60_000;

export interface TokenSet {
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
export function tokenSetFrom(response: TokenResponse, receivedAt: number, previousRefreshToken: string | null = null): TokenSet {
  const lifetime = response.expires_in * 1000;
  return {
    accessToken: response.access_token,
    // RFC 6749 §6: the server may keep the old refresh token (no new one in the answer).
    refreshToken: response.refresh_token ?? previousRefreshToken,
    expiresAt: receivedAt + lifetime,
    refreshAt: receivedAt + Math.max(lifetime / 2, lifetime - REFRESH_EARLY_MS),
  };
}

const StoredAccessSchema = z.object({ accessToken: z.string().min(1), expiresAt: z.number(), refreshAt: z.number() });

export class TokenStore {
  constructor(private readonly secrets: SecretStore) {}

  async load(): Promise<TokenSet | null> {
    const [access, refresh] = await Promise.all([this.secrets.get(ACCESS_TOKEN_ACCOUNT), this.secrets.get(REFRESH_TOKEN_ACCOUNT)]);
    if (access === null) return null;
    let parsed;
    try {
      parsed = StoredAccessSchema.safeParse(JSON.parse(access));
    } catch {
      return null;
    }
    return parsed.success ? { ...parsed.data, refreshToken: refresh } : null;
  }

  async save(tokens: TokenSet): Promise<void> {
    await this.secrets.set(ACCESS_TOKEN_ACCOUNT, JSON.stringify({ accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, refreshAt: tokens.refreshAt }));
    if (tokens.refreshToken) await this.secrets.set(REFRESH_TOKEN_ACCOUNT, tokens.refreshToken);
    else await this.secrets.delete(REFRESH_TOKEN_ACCOUNT);
  }

  async clear(): Promise<void> {
    await Promise.all([this.secrets.delete(ACCESS_TOKEN_ACCOUNT), this.secrets.delete(REFRESH_TOKEN_ACCOUNT)]);
  }
}
