/**
 * OpenAI-compatible chat completions, streamed: `POST {base}/chat/completions` with
 * `stream: true` answers `text/event-stream`, one `data: {choices:[{delta:{content}}]}` per
 * token batch and `data: [DONE]` at the end (OpenAI API reference "Streaming"; Together
 * openapi.yaml ChatCompletionRequest/ChatCompletionChunk; Ollama docs/openai.md; LM Studio
 * docs/api/openai-api). Servers that ignore `stream` and answer one JSON completion work too.
 *
 * It rides on the cloud clients' ProviderHttp (timeouts, cancel, status → error kind, token
 * bucket, HTML answers, key redaction): the event stream is consumed inside the fetch call
 * ProviderHttp makes, and handed back to it as the small JSON it then parses.
 */
import { ProviderError } from '../provider';
import { joinUrl } from '../http/cloud-client';
import { type DescribeError, numberAt, stringAt } from '../http/errors';
import { type FetchLike, ProviderHttp } from '../http/provider-http';
import type { Clock } from '../http/clock';
import type { TokenBucket } from '../http/token-bucket';
import { formatBytes } from '../http/read-limited';
import { readSseData } from './sse';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatTransport {
  readonly label: string;
  readonly describeError: DescribeError;
  /** The whole answer's time limit (a long page streams for a while on a slow local model). */
  readonly timeoutMs: number;
  /** Largest answer read (the event stream's bytes, framing included). */
  readonly maxAnswerBytes: number;
  readonly fetch?: FetchLike | undefined;
  readonly clock?: Clock | undefined;
  /** Shared across calls so the provider's rate holds; null = no limit (local servers). */
  readonly bucket: TokenBucket | null;
}

export interface ChatCall {
  /** The API base including its version segment (`https://api.together.ai/v1`, `http://127.0.0.1:11434/v1`). */
  readonly baseUrl: string;
  /** Bearer key; null for local servers (no auth). */
  readonly key: string | null;
  readonly model: string;
  readonly messages: ReadonlyArray<ChatMessage>;
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly seed?: number;
  readonly signal: AbortSignal;
  /** The whole text so far, after each streamed piece. */
  readonly onText: (text: string) => void;
}

export interface ChatAnswer {
  readonly text: string;
  /** The model that answered (servers may resolve an alias). */
  readonly model: string;
  /** `stop`, `length` (cut at max_tokens)… or null when the server did not say. */
  readonly finishReason: string | null;
}

/** What the fetch wrapper hands ProviderHttp after consuming a stream. */
interface Collected {
  readonly streamed: true;
  readonly text: string;
  readonly model: string | null;
  readonly finishReason: string | null;
}

export async function streamChatCompletion(transport: ChatTransport, call: ChatCall): Promise<ChatAnswer> {
  const secrets = call.key === null ? [] : [call.key];
  const http = new ProviderHttp({
    label: transport.label,
    describeError: transport.describeError,
    timeoutMs: transport.timeoutMs,
    fetch: collectingFetch(transport, call),
    clock: transport.clock,
    bucket: transport.bucket,
    // The collected text is re-encoded as JSON: escaping (quotes, line breaks) can double it.
    maxJsonBytes: transport.maxAnswerBytes * 2 + 1024,
  });
  const answer = await http.json<unknown>({
    url: joinUrl(call.baseUrl, 'chat/completions'),
    headers: { accept: 'text/event-stream, application/json', ...(call.key === null ? {} : { authorization: `Bearer ${call.key}` }) },
    json: {
      model: call.model,
      messages: call.messages,
      stream: true,
      ...(call.maxTokens === undefined ? {} : { max_tokens: call.maxTokens }),
      ...(call.temperature === undefined ? {} : { temperature: call.temperature }),
      ...(call.seed === undefined ? {} : { seed: call.seed }),
    },
    signal: call.signal,
    rateLimited: true,
    secrets,
  });
  const body = answer.body;
  if (isCollected(body)) {
    if (body.text.trim() === '') throw new ProviderError('provider_failure', `${transport.label} answered with no text.`);
    return { text: body.text, model: body.model ?? call.model, finishReason: body.finishReason };
  }
  // A server that ignored `stream: true`: one ordinary completion.
  const text = stringAt(body, 'choices', 0, 'message', 'content');
  if (text === undefined) throw new ProviderError('provider_failure', `${transport.label} answered without a message.`);
  call.onText(text);
  return { text, model: stringAt(body, 'model') ?? call.model, finishReason: stringAt(body, 'choices', 0, 'finish_reason') ?? null };
}

function isCollected(body: unknown): body is Collected {
  return typeof body === 'object' && body !== null && (body as Partial<Collected>).streamed === true;
}

/**
 * Wraps fetch: a successful `text/event-stream` answer is read here (so ProviderHttp's timeout,
 * cancel and error mapping cover the whole stream) and replaced by a small JSON body.
 */
function collectingFetch(transport: ChatTransport, call: ChatCall): FetchLike {
  const inner = transport.fetch ?? fetch;
  return async (input, init) => {
    const response = await inner(input, init);
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    if (!response.ok || !type.startsWith('text/event-stream') || !response.body) return response;
    const collected = await collectStream(response.body, transport, call);
    return new Response(JSON.stringify(collected), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

async function collectStream(body: ReadableStream<Uint8Array>, transport: ChatTransport, call: ChatCall): Promise<Collected> {
  try {
    return await readChunks(body, transport, call);
  } catch (error) {
    // undici's "terminated" TypeError: the server closed the connection mid-answer. (An abort —
    // cancel or our timeout — is left to ProviderHttp, which knows which one it was.)
    if (error instanceof TypeError && !call.signal.aborted) {
      throw new ProviderError('provider_failure', `${transport.label}'s answer stopped mid-way (the connection closed before the end).`);
    }
    throw error;
  }
}

async function readChunks(body: ReadableStream<Uint8Array>, transport: ChatTransport, call: ChatCall): Promise<Collected> {
  const tooLarge = () => new ProviderError('provider_failure', `${transport.label}'s answer is larger than the ${formatBytes(transport.maxAnswerBytes)} limit; it was stopped.`);
  let text = '';
  let model: string | null = null;
  let finishReason: string | null = null;
  let done = false;
  for await (const data of readSseData(body, transport.maxAnswerBytes, tooLarge)) {
    if (data.trim() === '[DONE]') {
      done = true;
      break;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw new ProviderError('provider_failure', `${transport.label} sent a stream event that is not JSON.`);
    }
    // Errors after the 200 arrive as an event (e.g. the model overloaded mid-answer).
    const streamError = stringAt(chunk, 'error', 'message') ?? stringAt(chunk, 'error');
    if (streamError !== undefined) {
      const status = numberAt(chunk, 'error', 'status') ?? numberAt(chunk, 'error', 'code');
      // A 429 reported inside the stream is the same account limit as a 429 status: slow the bucket.
      if (status === 429) transport.bucket?.throttled();
      const kind = status === 429 ? 'rate_limited' : 'provider_failure';
      throw new ProviderError(kind, `${transport.label} stopped with an error: ${streamError.slice(0, 300)}`);
    }
    model ??= stringAt(chunk, 'model') ?? null;
    const piece = deltaText(chunk);
    if (piece) {
      text += piece;
      call.onText(text);
    }
    finishReason = stringAt(chunk, 'choices', 0, 'finish_reason') ?? finishReason;
  }
  if (!done && finishReason === null) {
    throw new ProviderError('provider_failure', `${transport.label}'s answer stopped mid-way (the connection closed before the end).`);
  }
  return { streamed: true, text, model, finishReason };
}

function deltaText(chunk: unknown): string {
  const choices = (chunk as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return '';
  const first: unknown = choices[0];
  const content = (first as { delta?: { content?: unknown } } | null)?.delta?.content;
  return typeof content === 'string' ? content : '';
}
