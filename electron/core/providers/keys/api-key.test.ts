import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import { MAX_KEY_CHARS, parseApiKey } from './api-key';

function failure(raw: string): AppFailure {
  try {
    parseApiKey(raw);
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected parseApiKey to refuse the key');
}

describe('parseApiKey', () => {
  it('trims surrounding whitespace (a copied trailing newline) and keeps the key', () => {
    expect(parseApiKey('  tgp_v1_abcDEF123456\n')).toBe('tgp_v1_abcDEF123456');
    expect(parseApiKey('3f1c2a9e-0000-4b8e-9c1d-abcdef012345:0123456789abcdef0123456789abcdef')).toContain(':');
  });

  it.each([
    ['', /empty/],
    ['   \n\t', /empty/],
    ['tgp_v1_abc DEF123456', /spaces or line breaks/],
    ['tgp_v1_abc\nDEF123456', /spaces or line breaks/],
    ['tgp_v1_abc\rDEF123456', /spaces or line breaks/],
    ['tgp_v1_abc\u0000DEF123456', /cannot be part of a key/],
    ['tgp_v1_abc\u007fDEF123456', /cannot be part of a key/],
    ['tgp_v1_abcdéf123456', /cannot be part of a key/],
    ['tgp_v1_abc\u200bdef123456', /cannot be part of a key/],
    ['k3y_0', /too short/],
    ['x'.repeat(MAX_KEY_CHARS + 1), /far longer/],
  ])('refuses %j with a typed error on field "key" that does not echo it', (raw, message) => {
    const error = failure(raw);
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('key');
    expect(error.message).toMatch(message);
    const core = raw.trim();
    if (core.length >= 4) expect(error.message).not.toContain(core);
  });
});
