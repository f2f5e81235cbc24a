import { describe, expect, it } from 'vitest';
import { describeUrl, kindForStatus, parseRetryAfter, redact, statusError } from './errors';

describe('parseRetryAfter', () => {
  it('reads delay-seconds, decimals and HTTP dates', () => {
    const now = Date.parse('Wed, 25 Nov 2026 12:00:00 GMT');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:45 GMT', now)).toBe(45_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('', 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter('-5', 0)).toBeUndefined();
  });
});

describe('redact', () => {
  it('removes the key, auth headers and tokens in query strings', () => {
    const key = 'sk-very-secret-123456';
    const text = redact(`Invalid key ${key}; sent Authorization: Bearer ${key} to https://x.test/a?key=abc123&x=1 and Key abcdefghij`, [key]);
    expect(text).not.toContain(key);
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('abcdefghij');
    expect(text).toContain('x=1');
  });

  it('is case-insensitive and removes each half of an id:secret key (fal)', () => {
    const key = 'a1b2c3d4-e5f6:0123abcdef4567';
    const text = redact('bad key id A1B2C3D4-E5F6, secret 0123ABCDEF4567 (full a1b2c3d4-e5f6:0123abcdef4567) a.b*c', [key, 'a.b*']);
    expect(text.toLowerCase()).not.toContain('a1b2c3d4-e5f6');
    expect(text.toLowerCase()).not.toContain('0123abcdef4567');
    expect(text).toContain('[redacted]c');
  });

  it('describeUrl drops the query string', () => {
    expect(describeUrl('https://api.test/v1/x?token=secret')).toBe('https://api.test/v1/x');
  });
});

describe('statusError', () => {
  const base = { label: 'Acme', html: false, retryAfterMs: undefined, secrets: [], describe: (body: unknown) => ({ message: (body as { m?: string }).m, field: (body as { f?: string }).f }) };

  it('maps statuses to kinds', () => {
    expect([401, 403, 402, 429, 400, 404, 422, 408, 500, 502, 503, 504].map(kindForStatus)).toEqual([
      'unauthorised', 'unauthorised', 'out_of_credits', 'rate_limited', 'invalid_request', 'invalid_request', 'invalid_request', 'timeout', 'provider_failure', 'provider_failure', 'provider_failure', 'timeout',
    ]);
  });

  it('names the field and the provider’s own message for a 422', () => {
    const error = statusError({ ...base, status: 422, body: { m: 'must be ≤ 1440', f: 'width' } });
    expect(error.kind).toBe('invalid_request');
    expect(error.message).toBe('Acme answered 422: width: must be ≤ 1440.');
  });

  it('carries Retry-After on a 429 only', () => {
    const limited = statusError({ ...base, status: 429, body: { m: 'slow down' }, retryAfterMs: 3_000 });
    expect(limited.retryAfterMs).toBe(3_000);
    expect(limited.message).toContain('Retry after 3 s');
    expect(statusError({ ...base, status: 503, body: {}, retryAfterMs: 3_000 }).retryAfterMs).toBeUndefined();
  });

  it('lets the body override the kind (a locked account is out of credits)', () => {
    const error = statusError({ ...base, status: 403, body: {}, describe: () => ({ message: 'Exhausted balance', kind: 'out_of_credits' }) });
    expect(error.kind).toBe('out_of_credits');
  });

  it('says what to do with an HTML error page', () => {
    expect(statusError({ ...base, status: 502, body: undefined, html: true }).message).toMatch(/HTML page instead of JSON — check the base URL/);
  });

  it('never repeats the key the provider echoed', () => {
    const error = statusError({ ...base, status: 401, body: { m: 'Incorrect API key provided: sk-abcdef123456' }, secrets: ['sk-abcdef123456'] });
    expect(error.message).not.toContain('sk-abcdef123456');
    expect(error.message).toContain('Check the key in Settings → Providers');
  });

  it('a describer that throws still gives a status message', () => {
    const error = statusError({ ...base, status: 500, body: {}, describe: () => { throw new Error('bad shape'); } });
    expect(error.message).toBe('Acme answered 500.');
  });
});
