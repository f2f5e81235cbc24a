import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { stringAt } from './errors';
import { ProviderHttp } from './provider-http';
import { LoopbackServer, sendBytes, sendJson } from './testing/loopback-server';
import { renderTestImage, truncatedTestImage } from './testing/test-images';
import { waitUntil } from './testing/wait-until';
import { TokenBucket } from './token-bucket';

const KEY = 'sk-loopback-secret-987654321';
let server: LoopbackServer;
const live = () => new AbortController().signal;

function client(overrides: Partial<ConstructorParameters<typeof ProviderHttp>[0]> = {}) {
  return new ProviderHttp({ label: 'Acme', describeError: (body) => ({ message: stringAt(body, 'error', 'message'), field: stringAt(body, 'error', 'param') }), timeoutMs: 5_000, baseUrl: server.url, ...overrides });
}

beforeEach(async () => {
  server = await LoopbackServer.start();
  server.route('POST', '/echo', (request, response) => sendJson(response, 200, { got: JSON.parse(request.body.toString()), auth: request.headers.authorization }));
  server.route('GET', '/text', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('all good');
  });
});
afterEach(async () => server.close());

describe('ProviderHttp.json', () => {
  it('sends JSON with the headers given and parses the answer', async () => {
    const answer = await client().json<{ got: unknown; auth: string }>({ url: `${server.url}/echo`, json: { a: 1 }, headers: { authorization: `Bearer ${KEY}` }, signal: live() });
    expect(answer.body).toEqual({ got: { a: 1 }, auth: `Bearer ${KEY}` });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('an HTML answer is a provider failure that says to check the base URL', async () => {
    server.failNext(1, { type: 'html', status: 200 });
    await expect(client().json({ url: `${server.url}/echo`, json: {}, signal: live() })).rejects.toMatchObject({
      kind: 'provider_failure',
      message: 'Acme answered with HTML instead of JSON — check the base URL in Settings → Providers.',
    });
  });

  it('a non-JSON answer is a provider failure', async () => {
    await expect(client().json({ url: `${server.url}/text`, signal: live() })).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/not JSON/) });
  });

  it('an HTML error page keeps the status kind and explains itself', async () => {
    server.failNext(1, { type: 'html', status: 502 });
    await expect(client().json({ url: `${server.url}/echo`, json: {}, signal: live() })).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/502 with an HTML page/) });
  });

  it.each([
    [401, 'unauthorised'],
    [402, 'out_of_credits'],
    [400, 'invalid_request'],
    [500, 'provider_failure'],
    [503, 'provider_failure'],
    [504, 'timeout'],
  ] as const)('maps %i to %s, with the provider’s message and without the key', async (status, kind) => {
    server.failNext(1, { type: 'status', status, json: { error: { message: `bad thing for ${KEY}`, param: 'width' } } });
    const failure = client().json({ url: `${server.url}/echo`, json: {}, signal: live(), secrets: [KEY] });
    await expect(failure).rejects.toMatchObject({ kind, message: expect.stringContaining('width: bad thing for [redacted]') });
  });

  it('a call with a key never follows a redirect (security review item 6)', async () => {
    server.route('POST', '/moved', (_request, response) => {
      response.writeHead(307, { location: `${server.url}/echo` });
      response.end();
    });
    await expect(client().json({ url: `${server.url}/moved`, json: {}, headers: { authorization: `Bearer ${KEY}` }, secrets: [KEY], signal: live() })).rejects.toMatchObject({ kind: expect.any(String) });
    expect(server.requests.map((r) => r.path)).toEqual(['/moved']);
  });

  it('a plain-text error body becomes the message', async () => {
    server.failNext(1, { type: 'status', status: 500, text: 'upstream exploded' });
    await expect(client().json({ url: `${server.url}/echo`, json: {}, signal: live() })).rejects.toMatchObject({ message: 'Acme answered 500: upstream exploded.' });
  });

  it('a 429 carries Retry-After and throttles the bucket', async () => {
    const clock = new ManualClock(1_000);
    const bucket = new TokenBucket({ capacity: 5, perMinute: 60 }, clock);
    server.failNext(1, { type: 'status', status: 429, json: { error: { message: 'slow down' } }, headers: { 'retry-after': '12' } });
    const http = client({ bucket, clock });
    await expect(http.json({ url: `${server.url}/echo`, json: {}, signal: live(), rateLimited: true })).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
    expect(bucket.state()).toMatchObject({ perMinute: 30, blockedUntil: 13_000 });
    // The next rate-limited call waits the Retry-After out (on the fake clock) before it is sent.
    await http.json({ url: `${server.url}/echo`, json: {}, signal: live(), rateLimited: true });
    expect(clock.sleeps[0]).toBe(12_000);
  });

  it('a connection refused is unreachable, naming the host but no query', async () => {
    const gone = await LoopbackServer.start();
    const url = gone.url;
    await gone.close();
    await expect(client().json({ url: `${url}/x?key=${KEY}`, signal: live(), secrets: [KEY] })).rejects.toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(new RegExp(`^Could not reach Acme at ${url}/x \\(ECONNREFUSED\\)\\.$`)),
    });
  });

  it('a hung connection times out', async () => {
    server.failNext(1, { type: 'hang' });
    await expect(client({ timeoutMs: 150 }).json({ url: `${server.url}/echo`, json: {}, signal: live() })).rejects.toMatchObject({ kind: 'timeout', message: 'Acme did not answer within 1 s.' });
  });

  it('cancelling mid-flight is `cancelled`, not a timeout', async () => {
    server.failNext(1, { type: 'hang' });
    const controller = new AbortController();
    const pending = client().json({ url: `${server.url}/echo`, json: {}, signal: controller.signal });
    await waitUntil(() => server.requests.length === 1, 'the request arrived');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('a cancelled job does not wait for a token', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 1, perMinute: 1 }, clock);
    bucket.throttled(60_000);
    const controller = new AbortController();
    controller.abort();
    await expect(client({ bucket, clock }).json({ url: `${server.url}/echo`, json: {}, signal: controller.signal, rateLimited: true })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(server.requests).toHaveLength(0);
  });

  it('an answer larger than the JSON limit is refused', async () => {
    server.route('GET', '/big', (_request, response) => sendJson(response, 200, { blob: 'x'.repeat(10_000) }));
    await expect(client({ maxJsonBytes: 1_000 }).json({ url: `${server.url}/big`, signal: live() })).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/larger than the 1 KB limit/) });
  });
});

describe('ProviderHttp.download', () => {
  it('downloads a whole image and reads its size', async () => {
    const png = await renderTestImage(40, 30);
    server.route('GET', '/img.png', (_request, response) => sendBytes(response, 200, png, 'image/png'));
    const image = await client().download(`${server.url}/img.png`, live(), 1 << 20);
    expect(image).toMatchObject({ mime: 'image/png', width: 40, height: 30 });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('stops an oversized image while streaming (no Content-Length)', async () => {
    const big = Buffer.concat([await renderTestImage(40, 30), Buffer.alloc(2 << 20)]);
    server.route('GET', '/big.png', (_request, response) => sendBytes(response, 200, big, 'image/png', { chunked: true }));
    await expect(client().download(`${server.url}/big.png`, live(), 1 << 20)).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/larger than the 1 MB limit/) });
  });

  it('refuses by Content-Length before reading', async () => {
    const big = Buffer.concat([await renderTestImage(40, 30), Buffer.alloc(2 << 20)]);
    server.route('GET', '/big.png', (_request, response) => sendBytes(response, 200, big, 'image/png'));
    await expect(client().download(`${server.url}/big.png`, live(), 1 << 20)).rejects.toMatchObject({ message: expect.stringMatching(/larger than/) });
  });

  it('rejects a truncated image', async () => {
    const cut = await truncatedTestImage(64, 64, 'jpeg');
    server.route('GET', '/cut.jpg', (_request, response) => sendBytes(response, 200, cut, 'image/jpeg'));
    await expect(client().download(`${server.url}/cut.jpg`, live(), 1 << 20)).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/truncated JPEG/) });
  });

  it('rejects an HTML page served in place of the image', async () => {
    server.route('GET', '/login', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Sign in</body></html>');
    });
    await expect(client().download(`${server.url}/login`, live(), 1 << 20)).rejects.toMatchObject({ message: expect.stringMatching(/HTML page, not an image/) });
  });

  it('a CDN answering 429 does not slow the API’s bucket', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 2, perMinute: 60 }, clock);
    server.failNext(1, { type: 'status', status: 429, json: {}, headers: { 'retry-after': '30' } });
    await expect(client({ bucket, clock }).download(`${server.url}/img.png`, live(), 1 << 20)).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(bucket.state()).toMatchObject({ perMinute: 60, blockedUntil: 0 });
  });

  it('follows a CDN redirect only to https on another host (security review item 6)', async () => {
    const png = await renderTestImage(8, 8);
    server.route('GET', '/to-local', (_request, response) => {
      response.writeHead(302, { location: `${server.url}/img.png` });
      response.end();
    });
    server.route('GET', '/to-cdn', (_request, response) => {
      response.writeHead(302, { location: 'https://cdn.example.test/img.png' });
      response.end();
    });
    server.route('GET', '/img.png', (_request, response) => sendBytes(response, 200, png, 'image/png'));
    await expect(client().download(`${server.url}/to-local`, live(), 1 << 20)).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/not followed/) });
    expect(server.requests.map((r) => r.path)).toEqual(['/to-local']);
    // The https hop is answered in-process: tests never leave loopback.
    const cdnFetch: typeof fetch = (input, init) => (String(input).startsWith('https://cdn.example.test/') ? Promise.resolve(new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } })) : fetch(input, init));
    expect(await client({ fetch: cdnFetch }).download(`${server.url}/to-cdn`, live(), 1 << 20)).toMatchObject({ width: 8, height: 8 });
  });

  it('downloads only https from another host when the provider is remote (no http, no loopback: SSRF)', async () => {
    const png = await renderTestImage(8, 8);
    server.route('GET', '/img.png', (_request, response) => sendBytes(response, 200, png, 'image/png'));
    const remote = client({ baseUrl: 'https://api.acme.test/v1', fetch: (input, init) => (String(input).startsWith('https://cdn.acme.test/') ? Promise.resolve(new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } })) : fetch(input, init)) });
    for (const url of [`${server.url}/img.png`, 'http://cdn.acme.test/img.png', `https://localhost:${new URL(server.url).port}/img.png`]) {
      await expect(remote.download(url, live(), 1 << 20)).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/not https on another host/) });
    }
    expect(server.requests).toEqual([]);
    expect(await remote.download('https://cdn.acme.test/img.png', live(), 1 << 20)).toMatchObject({ width: 8, height: 8 });
  });

  it('rejects a URL that is not http(s)', async () => {
    await expect(client().download('file:///etc/passwd', live(), 1 << 20)).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/not http/) });
  });
});
