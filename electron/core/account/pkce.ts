/**
 * PKCE (RFC 7636) and the OAuth `state`: a public native client proves at the token endpoint
 * that it started the authorization (RFC 8252 §8.1 — PKCE is mandatory for native apps), and
 * refuses a redirect it did not ask for (RFC 6749 §10.12, CSRF).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PkcePair {
  /** 43–128 characters of [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1); 32 random bytes → 43. */
  readonly verifier: string;
  /** BASE64URL(SHA256(ASCII(verifier))) (§4.2, method S256). */
  readonly challenge: string;
  readonly method: 'S256';
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' };
}

/** An unguessable value bound to one authorization request. */
export function randomState(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares secrets without leaking where they differ through timing. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Checks a verifier against a stored S256 challenge (the server side; our test server uses it). */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  return sameSecret(s256Challenge(verifier), challenge);
}
