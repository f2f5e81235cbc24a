import { describe, expect, it } from 'vitest';
import { readRedirect, REDIRECT_PATH, startLoopbackRedirect } from './loopback-redirect';
import { SignInError } from './sign-in-error';

async function failure(promise: Promise<unknown>): Promise<SignInError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignInError) return error;
    throw error;
  }
  throw new Error('expected the promise to fail');
}

describe('loopback redirect (RFC 8252 §7.3)', () => {
  it('listens on 127.0.0.1 on an ephemeral port, takes one redirect with the right state, then closes', async () => {
    const loopback = await startLoopbackRedirect({ state: 'st4te', timeoutMs: 10_000 });
    expect(loopback.redirectUri).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${REDIRECT_PATH}$`));
    const favicon = await fetch(new URL('/favicon.ico', loopback.redirectUri));
    expect(favicon.status).toBe(404);
    const page = await fetch(`${loopback.redirectUri}?code=abc&state=st4te`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/close this tab/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    await expect(loopback.code).resolves.toBe('abc');
    await expect(fetch(`${loopback.redirectUri}?code=again&state=st4te`)).rejects.toThrow();
  });

  it.each([
    ['a missing code', 'state=st4te', 'missing_code', /no authorization code/],
    ['an empty code', 'code=&state=st4te', 'missing_code', /no authorization code/],
    ['access_denied', 'error=access_denied&state=st4te', 'access_denied', /declined/],
    ['another error', 'error=server_error&error_description=db%20down&state=st4te', 'authorization_error', /"server_error": db down/],
  ])('refuses %s with a clear page and reason, and stops listening', async (_label, query, kind, message) => {
    const loopback = await startLoopbackRedirect({ state: 'st4te', timeoutMs: 10_000 });
    const page = await fetch(`${loopback.redirectUri}?${query}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/did not complete/);
    const error = await failure(loopback.code);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    await expect(fetch(`${loopback.redirectUri}?code=abc&state=st4te`)).rejects.toThrow();
  });

  it.each([
    ['a wrong state', 'code=evil&state=other'],
    ['no state', 'code=evil'],
    ['an error with a wrong state', 'error=access_denied&state=other'],
  ])('answers %s with 400 and keeps waiting for the real redirect (security review item 8)', async (_label, query) => {
    const loopback = await startLoopbackRedirect({ state: 'st4te', timeoutMs: 10_000 });
    const stray = await fetch(`${loopback.redirectUri}?${query}`);
    expect(stray.status).toBe(400);
    const page = await fetch(`${loopback.redirectUri}?code=abc&state=st4te`);
    expect(page.status).toBe(200);
    await expect(loopback.code).resolves.toBe('abc');
  });

  it('escapes what the error page repeats from the query', async () => {
    const loopback = await startLoopbackRedirect({ state: 's', timeoutMs: 10_000 });
    const page = await fetch(`${loopback.redirectUri}?error=x&error_description=${encodeURIComponent('<script>alert(1)</script>')}&state=s`);
    expect(await page.text()).not.toContain('<script>');
    await failure(loopback.code);
  });

  it('gives up after its timeout and when cancelled', async () => {
    const timedOut = await startLoopbackRedirect({ state: 's', timeoutMs: 30 });
    expect((await failure(timedOut.code)).kind).toBe('expired');
    const controller = new AbortController();
    const cancelled = await startLoopbackRedirect({ state: 's', timeoutMs: 10_000, signal: controller.signal });
    controller.abort();
    expect((await failure(cancelled.code)).kind).toBe('cancelled');
  });

  it('checks the state before anything else in the query', () => {
    const result = readRedirect(new URLSearchParams('error=access_denied&state=evil'), 'good');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('state_mismatch');
  });
});
