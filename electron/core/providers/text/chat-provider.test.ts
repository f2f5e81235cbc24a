import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { capabilities } from '../../pipeline/testing';
import { ManualClock } from '../http/clock';
import { TokenBucket } from '../http/token-bucket';
import { ProviderError, type ProviderProgress, type ProviderRequest } from '../provider';
import { describeTogetherError } from '../together/together-images';
import { ChatProvider, type ChatEndpoint } from './chat-provider';
import type { ChatTransport } from './openai-chat';
import { startChatTestServer, type ChatTestServer } from './testing/openai-compatible-server';

const KEY = 'tgp_v1_chatTestKey_0123456789abcdef';

let server: ChatTestServer;
beforeAll(async () => {
  server = await startChatTestServer('together', { key: KEY });
});
afterAll(() => server.close());
beforeEach(() => {
  server.server.recover();
  Object.assign(server.controls, { chunkDelayMs: 0, cutAfterChunks: null, errorEvent: null, errorEventCode: null, ignoreStream: false, chunkChars: 8 });
  server.controls.reply = '```html\n<section class="hero"><h1>Hello</h1></section>\n```';
});

function provider(options: { key?: string | null; timeoutMs?: number; maxAnswerBytes?: number; now?: () => number; bucket?: TokenBucket } = {}): ChatProvider {
  const transport: ChatTransport = {
    label: 'Together AI',
    describeError: describeTogetherError,
    timeoutMs: options.timeoutMs ?? 5_000,
    maxAnswerBytes: options.maxAnswerBytes ?? 1024 * 1024,
    bucket: options.bucket ?? null,
  };
  const endpoint = async (): Promise<ChatEndpoint> => ({ baseUrl: server.baseUrl, key: options.key === undefined ? KEY : options.key });
  return new ChatProvider({ capabilities: capabilities('together', { label: 'Together AI' }), transport, endpoint, ...(options.now ? { now: options.now } : {}) });
}

const request: ProviderRequest = {
  mode: 'uiux',
  capability: 'code',
  tier: 'standard',
  model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
  prompt: 'A hero section for a note-taking app.',
  negativePrompt: null,
  width: 1280,
  height: 800,
  steps: 1,
  guidance: 1,
  sampler: '',
  scheduler: '',
  seed: 42,
};

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

describe('ChatProvider (OpenAI-compatible streaming chat)', () => {
  it('streams the answer, reports the text growing, and returns it as UTF-8 text', async () => {
    const seen: ProviderProgress[] = [];
    let clock = 0;
    const output = await provider({ now: () => (clock += 60) }).generate(request, new AbortController().signal, (p) => seen.push(p));
    expect(new TextDecoder().decode(output.bytes)).toBe(server.controls.reply);
    expect(output.mime).toBe('text/plain');
    expect(output.model).toBe(request.model);
    const texts = seen.flatMap((p) => (p.partialText === undefined ? [] : [p.partialText]));
    expect(texts.at(-1)).toBe(server.controls.reply);
    expect(seen.at(-1)?.fraction).toBe(1);
    // Throttled: 8 chunks at 60 ms apart → not one update per chunk.
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.length).toBeLessThan(Math.ceil(server.controls.reply.length / 8) + 1);
    for (let i = 1; i < texts.length; i += 1) expect(texts[i]?.startsWith(texts[i - 1] ?? '')).toBe(true);

    const body = server.chatBodies().at(-1) as { model: string; stream: boolean; messages: Array<{ role: string; content: string }>; seed: number };
    expect(body).toMatchObject({ model: request.model, stream: true, seed: 42 });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]?.content).toBe(request.prompt);
    expect(server.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('accepts a server that ignores stream: true and answers one completion', async () => {
    server.controls.ignoreStream = true;
    const output = await provider().generate(request, new AbortController().signal, () => undefined);
    expect(new TextDecoder().decode(output.bytes)).toBe(server.controls.reply);
  });

  it('maps a wrong key (401) to unauthorised without echoing the key', async () => {
    const wrong = 'tgp_v1_wrongKey_ffffffffffffffff';
    const error = await failure(provider({ key: wrong }).generate(request, new AbortController().signal, () => undefined));
    expect(error.kind).toBe('unauthorised');
    expect(error.message).toMatch(/401/);
    expect(error.message).not.toContain(wrong);
  });

  it.each([
    [{ type: 'status', status: 400, json: { error: { message: 'max_tokens is too large', type: 'invalid_request_error', param: 'max_tokens', code: null } } }, 'invalid_request', /max_tokens/],
    [{ type: 'status', status: 402, json: { error: { message: 'Credit limit exceeded.', type: 'credit_limit' } } }, 'out_of_credits', /Credit limit/],
    [{ type: 'status', status: 429, json: { error: { message: 'You have been rate limited.', type: 'rate_limit' } }, headers: { 'retry-after': '3' } }, 'rate_limited', /rate limited/],
    [{ type: 'status', status: 503, json: { error: { message: 'The model is overloaded.', type: 'server_error' } } }, 'provider_failure', /overloaded/],
    [{ type: 'html', status: 502 }, 'provider_failure', /HTML/],
  ] as const)('maps %j to %s', async (fault, kind, message) => {
    server.server.failNext(1, fault);
    const error = await failure(provider().generate(request, new AbortController().signal, () => undefined));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    if (kind === 'rate_limited') expect(error.retryAfterMs).toBe(3000);
  });

  it('fails clearly when the stream is cut before [DONE]', async () => {
    server.controls.cutAfterChunks = 2;
    const error = await failure(provider().generate(request, new AbortController().signal, () => undefined));
    expect(error.kind).toBe('provider_failure');
    expect(error.message).toMatch(/stopped mid-way|closed/);
  });

  it('fails with the server’s message when it sends an error event mid-stream', async () => {
    server.controls.errorEvent = 'The model crashed while generating.';
    const error = await failure(provider().generate(request, new AbortController().signal, () => undefined));
    expect(error.kind).toBe('provider_failure');
    expect(error.message).toMatch(/model crashed/);
  });

  it('a rate-limit error event mid-stream is rate_limited and slows the provider’s bucket', async () => {
    server.controls.errorEvent = 'You have been rate limited.';
    server.controls.errorEventCode = 429;
    const bucket = new TokenBucket({ capacity: 3, perMinute: 60 }, new ManualClock());
    const error = await failure(provider({ bucket }).generate(request, new AbortController().signal, () => undefined));
    expect(error.kind).toBe('rate_limited');
    expect(bucket.state()).toMatchObject({ perMinute: 30, tokens: 0 });
    expect(bucket.state().blockedUntil).toBeGreaterThan(0);
  });

  it('stops an answer larger than its limit', async () => {
    server.controls.reply = 'x'.repeat(20_000);
    const error = await failure(provider({ maxAnswerBytes: 4096 }).generate(request, new AbortController().signal, () => undefined));
    expect(error.kind).toBe('provider_failure');
    expect(error.message).toMatch(/larger than/);
  });

  it('is cancelled mid-stream by the job’s signal', async () => {
    server.controls.chunkDelayMs = 50;
    const controller = new AbortController();
    const pending = provider().generate(request, controller.signal, (p) => {
      if (p.partialText && p.partialText.length > 0) controller.abort(new Error('user cancelled'));
    });
    expect((await failure(pending)).kind).toBe('cancelled');
  });

  it('times out on a hung connection', async () => {
    server.server.failNext(1, { type: 'hang' });
    const error = await failure(provider({ timeoutMs: 300 }).generate(request, new AbortController().signal, () => undefined));
    expect(error.kind).toBe('timeout');
  });

  it('writes code only: an image request is an invalid request, not a silent text file', async () => {
    const error = await failure(provider().generate({ ...request, capability: 'generate' }, new AbortController().signal, () => undefined));
    expect(error.kind).toBe('invalid_request');
  });
});
