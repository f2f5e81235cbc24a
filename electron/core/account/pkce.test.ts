import { describe, expect, it } from 'vitest';
import { createPkcePair, randomState, s256Challenge, verifierMatches } from './pkce';

describe('PKCE (RFC 7636)', () => {
  it('computes the S256 challenge of the RFC 7636 Appendix B example', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a 43-character unreserved verifier whose challenge verifies, and fresh values each time', () => {
    const pair = createPkcePair();
    expect(pair.verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(pair.method).toBe('S256');
    expect(verifierMatches(pair.verifier, pair.challenge)).toBe(true);
    expect(createPkcePair().verifier).not.toBe(pair.verifier);
    expect(randomState()).not.toBe(randomState());
  });

  it('refuses a wrong, short or malformed verifier', () => {
    const pair = createPkcePair();
    expect(verifierMatches(createPkcePair().verifier, pair.challenge)).toBe(false);
    expect(verifierMatches(pair.verifier.slice(0, 42), s256Challenge(pair.verifier.slice(0, 42)))).toBe(false);
    expect(verifierMatches(`${pair.verifier.slice(0, 42)}!`, pair.challenge)).toBe(false);
  });
});
