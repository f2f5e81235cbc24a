/**
 * A loopback stand-in for OpenAI-compatible chat servers — Together's `/v1/chat/completions`
 * (ErrorData `{error:{message, type, param, code}}`), Ollama (`/api/tags` + `/v1/…`, no auth)
 * and LM Studio (`/v1/models` + `/v1/chat/completions`, no auth). Streams the reply as SSE
 * `data:` chunks ending with `data: [DONE]`, the way the real servers do; tests can make it cut
 * the stream, send an error event, ignore `stream`, or use LoopbackServer's faults.
 */
import type { ServerResponse } from 'node:http';
import { credential, jsonBody, LoopbackServer, sendJson } from '../../http/testing/loopback-server';

export type ChatServerFlavour = 'together' | 'ollama' | 'lmstudio';

export interface ChatServerControls {
  /** The text the model "writes". */
  reply: string;
  /** Characters per streamed chunk. */
  chunkChars: number;
  /** Pause between chunks (lets tests cancel mid-stream). */
  chunkDelayMs: number;
  /** Close the connection after this many chunks, without `[DONE]`. */
  cutAfterChunks: number | null;
  /** Send this error event after the first chunk (Together/OpenAI style `{error:{…}}`). */
  errorEvent: string | null;
  /** The error event's numeric `code` (e.g. 429 for a rate limit hit mid-stream); null = none. */
  errorEventCode: number | null;
  /** Answer one JSON completion even when `stream: true` was asked. */
  ignoreStream: boolean;
  /** Models the server lists. */
  models: string[];
}

export interface ChatTestServer {
  readonly server: LoopbackServer;
  /** The API base a client is configured with (`…/v1`). */
  readonly baseUrl: string;
  /** The server root (Ollama's `/api/tags` lives here). */
  readonly url: string;
  readonly controls: ChatServerControls;
  /** The chat request bodies received. */
  chatBodies(): unknown[];
  close(): Promise<void>;
}

export async function startChatTestServer(flavour: ChatServerFlavour, options: { key?: string | null } = {}): Promise<ChatTestServer> {
  const server = await LoopbackServer.start();
  const key = options.key ?? null;
  const controls: ChatServerControls = {
    reply: '```html\n<section class="hero"><h1>Hello</h1></section>\n```',
    chunkChars: 8,
    chunkDelayMs: 0,
    cutAfterChunks: null,
    errorEvent: null,
    errorEventCode: null,
    ignoreStream: false,
    models: flavour === 'together' ? ['meta-llama/Llama-3.3-70B-Instruct-Turbo'] : flavour === 'ollama' ? ['qwen2.5-coder:7b'] : ['qwen2.5-coder-7b-instruct'],
  };

  const unauthorised = (response: ServerResponse) =>
    sendJson(response, 401, { error: { message: 'Invalid API key provided. You can find your API key at https://api.together.ai/settings/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });

  server.route('POST', '/v1/chat/completions', async (request, response) => {
    if (key !== null && credential(request.headers, 'Bearer') !== key) return unauthorised(response);
    const body = jsonBody(request) as { model?: unknown; messages?: unknown; stream?: unknown } | undefined;
    if (!body || typeof body.model !== 'string' || body.model === '') {
      return sendJson(response, 400, { error: { message: 'model is required', type: 'invalid_request_error', param: 'model', code: null } });
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return sendJson(response, 400, { error: { message: 'messages must be a non-empty array', type: 'invalid_request_error', param: 'messages', code: null } });
    }
    if (flavour !== 'together' && !controls.models.includes(body.model)) {
      // Ollama: {"error":"model \"x\" not found, try pulling it first"} (docs/api.md errors).
      return sendJson(response, 404, { error: { message: `model "${body.model}" not found, try pulling it first`, type: 'not_found_error', param: null, code: null } });
    }
    const id = `chatcmpl-${Date.now()}`;
    const created = Math.floor(Date.now() / 1000);
    if (body.stream !== true || controls.ignoreStream) {
      return sendJson(response, 200, {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: controls.reply }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
      });
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, string>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    response.write(chunk({ role: 'assistant', content: '' }, null));
    const pieces: string[] = [];
    for (let i = 0; i < controls.reply.length; i += controls.chunkChars) pieces.push(controls.reply.slice(i, i + controls.chunkChars));
    for (const [index, piece] of pieces.entries()) {
      if (response.destroyed) return;
      if (controls.cutAfterChunks !== null && index >= controls.cutAfterChunks) {
        // Let what was written reach the client first: the cut happens mid-answer, not before it.
        await new Promise((resolve) => setTimeout(resolve, 30));
        response.destroy();
        return;
      }
      response.write(chunk({ content: piece }, null));
      if (index === 0 && controls.errorEvent !== null) {
        response.end(`data: ${JSON.stringify({ error: { message: controls.errorEvent, type: 'server_error', param: null, code: controls.errorEventCode } })}\n\n`);
        return;
      }
      if (controls.chunkDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, controls.chunkDelayMs));
    }
    response.write(': keep-alive\n\n');
    response.write(chunk({}, 'stop'));
    response.end('data: [DONE]\n\n');
  });

  server.route('GET', '/v1/models', (request, response) => {
    if (key !== null && credential(request.headers, 'Bearer') !== key) return unauthorised(response);
    const data = controls.models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: flavour === 'lmstudio' ? 'organization_owner' : 'library' }));
    // Together answers a bare array of model objects; OpenAI-style servers wrap it in a list.
    return sendJson(response, 200, flavour === 'together' ? data.map((m) => ({ ...m, type: 'chat' })) : { object: 'list', data });
  });

  if (flavour === 'ollama') {
    server.route('GET', '/api/tags', (_request, response) =>
      sendJson(response, 200, {
        models: controls.models.map((name) => ({
          name,
          model: name,
          modified_at: '2026-11-01T10:00:00.000000Z',
          size: 4_683_087_332,
          digest: 'a'.repeat(64),
          details: { format: 'gguf', family: 'qwen2', families: ['qwen2'], parameter_size: '7.6B', quantization_level: 'Q4_K_M' },
        })),
      }),
    );
  }

  return {
    server,
    url: server.url,
    baseUrl: `${server.url}/v1`,
    controls,
    chatBodies: () => server.requestsTo(/\/v1\/chat\/completions$/, 'POST').map((r) => JSON.parse(r.body.toString('utf8')) as unknown),
    close: () => server.close(),
  };
}
