import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOSTED_CLIENT_ID } from '../../../shared/hosted-api';
import { ManualClock } from '../providers/http/clock';
import { OAuthClient, OAuthErrorAnswer } from './oauth-client';
import { SignInError } from './sign-in-error';
import { deviceSignIn } from './sign-in-flows';
import { TestAccountServer } from './testing/test-account-server';

vi.setConfig({ testTimeout: 20_000 });

let server: TestAccountServer;
let oauth: OAuthClient;

beforeEach(async () => {
  server = await TestAccountServer.start();
  oauth = new OAuthClient({ baseUrl: server.url });
});
afterEach(() => server.close());

async function refusal(promise: Promise<unknown>): Promise<SignInError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignInError) return error;
    throw error;
  }
  throw new Error('expected a SignInError');
}

describe('OAuthClient', () => {
  it('builds the authorization URL of RFC 6749 §4.1.1 with PKCE S256', () => {
    const url = new URL(oauth.authorizationUrl({ redirectUri: 'http://127.0.0.1:5000/oauth/callback', state: 'st', challenge: 'ch' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: HOSTED_CLIENT_ID,
      redirect_uri: 'http://127.0.0.1:5000/oauth/callback',
      scope: 'account generate',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('refuses answers that are not OAuth JSON: an HTML page, text/plain JSON, a non-bearer token, a missing field', async () => {
    server.server.failNext(1, { type: 'html', status: 200 });
    expect((await refusal(oauth.refresh('rt'))).message).toMatch(/answered 200 with an HTML page/);
    server.server.failNext(1, { type: 'status', status: 200, text: '{"access_token":"x","token_type":"Bearer","expires_in":60}' });
    expect((await refusal(oauth.refresh('rt'))).kind).toBe('bad_token_response');
    server.server.failNext(1, { type: 'status', status: 200, json: { access_token: 'x', token_type: 'mac', expires_in: 60 } });
    expect((await refusal(oauth.refresh('rt'))).message).toMatch(/token_type/);
    server.server.failNext(1, { type: 'status', status: 200, json: { access_token: 'x', token_type: 'Bearer' } });
    expect((await refusal(oauth.refresh('rt'))).message).toMatch(/expires_in/);
    server.server.failNext(1, { type: 'status', status: 500, json: { detail: 'oops' } });
    expect((await refusal(oauth.refresh('rt'))).message).toMatch(/500 without an OAuth error/);
  });

  it('cuts off an oversized answer instead of reading it whole', async () => {
    // 2 MB of JSON-looking bytes, streamed; the client must stop at its limit and say why.
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 2 * 1024 * 1024) return controller.close();
        sent += 16 * 1024;
        controller.enqueue(new TextEncoder().encode(' '.repeat(16 * 1024)));
      },
    });
    const big = new OAuthClient({ baseUrl: server.url, fetch: () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })) });
    const error = await refusal(big.refresh('rt'));
    expect(error.kind).toBe('bad_token_response');
    expect(error.message).toMatch(/larger than 64 KB/);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it('reports an OAuth error object as such, and an unreachable server as unreachable', async () => {
    await expect(oauth.refresh('rt_unknown')).rejects.toBeInstanceOf(OAuthErrorAnswer);
    const closed = new OAuthClient({ baseUrl: 'http://127.0.0.1:9' });
    expect((await refusal(closed.refresh('rt'))).kind).toBe('unreachable');
  });
});

describe('device authorization answer (security review item 5)', () => {
  const answer = (overrides: Record<string, unknown>) => ({ device_code: 'dc', user_code: 'ABCD-EFGH', verification_uri: `${server.url}/device`, expires_in: 600, interval: 5, ...overrides });
  const reply = (overrides: Record<string, unknown>) => server.server.failNext(1, { type: 'status', status: 200, json: answer(overrides) }, /^\/oauth\/device_authorization$/);

  it('refuses a verification page on another origin or over plain http to another host', async () => {
    for (const page of ['https://phish.example/device', 'http://phish.example/device']) {
      reply({ verification_uri: page });
      await expect(oauth.startDeviceAuthorization()).rejects.toBeInstanceOf(SignInError);
    }
    reply({ verification_uri_complete: 'https://phish.example/device?user_code=x' });
    await expect(oauth.startDeviceAuthorization()).rejects.toMatchObject({ message: expect.stringMatching(/another address/) });
  });

  it('polls at least once a second and waits at most 30 minutes, whatever the server says', async () => {
    reply({ interval: 0.01, expires_in: 86_400 });
    expect(await oauth.startDeviceAuthorization()).toMatchObject({ interval: 1, expires_in: 1800 });
  });
});

describe('device flow polling', () => {
  it('keeps polling while the answer is pending; an HTML page while polling is fatal', async () => {
    server.devicePolls.push('authorization_pending');
    server.server.failNext(1, { type: 'status', status: 400, json: { error: 'authorization_pending' } }, /^\/oauth\/token$/);
    const clock = new ManualClock(0);
    const tokens = await deviceSignIn({ oauth, clock, signal: new AbortController().signal, onCode: () => undefined });
    expect(tokens.token_type).toBe('Bearer');
    server.server.failNext(1, { type: 'html', status: 502 }, /^\/oauth\/token$/);
    expect((await refusal(deviceSignIn({ oauth, clock, signal: new AbortController().signal, onCode: () => undefined }))).kind).toBe('bad_token_response');
  });

  it('gives up at the code’s expiry even if the server keeps saying pending', async () => {
    server.devicePolls.push(...Array.from({ length: 200 }, () => 'authorization_pending' as const));
    const clock = new ManualClock(0);
    const error = await refusal(deviceSignIn({ oauth, clock, signal: new AbortController().signal, onCode: () => undefined }));
    expect(error.kind).toBe('expired');
    expect(clock.now()).toBeGreaterThanOrEqual(600_000);
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const clock = new ManualClock(0);
    const flow = deviceSignIn({ oauth, clock, signal: controller.signal, onCode: () => controller.abort() });
    expect((await refusal(flow)).kind).toBe('cancelled');
  });
});
