/**
 * The ComfyUI bearer token is bound to the address it was saved for (security review item 2):
 * the SecretStore value is `{"origin", "token"}`, and the token is sent only to that origin —
 * never to the default ports probed while looking for ComfyUI, nor to a new address.
 */
import { z } from 'zod';
import { originOf, secretUrlProblem } from '../../../../shared/url-rules';

export interface BoundToken {
  readonly token: string;
  /** `http://127.0.0.1:8188`-style origin; null = bound to nothing (sent nowhere). */
  readonly origin: string | null;
}

const StoredSchema = z.object({ origin: z.string().min(1), token: z.string().min(1) });

/** The stored value → token + origin. A value from before binding (a bare token) is sent nowhere until saved again. */
export function parseStoredToken(value: string | null): BoundToken | null {
  if (value === null) return null;
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(value));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: a bare token from an older version.
  }
  return { token: value, origin: null };
}

export function serializeToken(token: BoundToken & { readonly origin: string }): string {
  return JSON.stringify({ origin: token.origin, token: token.token });
}

/** The token to send to `url`: only when `url` is on the origin the token was saved for. */
export function tokenForUrl(bound: BoundToken | null, url: string): string | null {
  return bound !== null && bound.origin !== null && originOf(url) === bound.origin ? bound.token : null;
}

/**
 * Why a token may not be saved for ComfyUI at `url` (the configured address), or null. The token
 * needs an explicit address, and plain http only to this computer — over the LAN it travels readable.
 */
export function tokenAddressProblem(url: string | null): string | null {
  if (url === null) return 'Enter the ComfyUI address first: the token is sent only to that address, never to the default ports.';
  const problem = secretUrlProblem(url);
  return problem === null ? null : `A token is not saved for ${originOf(url) ?? url}: ${problem}. Put ComfyUI behind https, or leave the token empty.`;
}
