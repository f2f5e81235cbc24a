/**
 * A text provider for the code-making mode (uiux): one streamed chat completion per slot,
 * returned as UTF-8 text for uiux post-processing (`modes/uiux/post-process.ts`, mime
 * text/plain). The streamed text reaches the studio as progress (`partialText`). Used for
 * Together chat and for local OpenAI-compatible servers (Ollama, LM Studio).
 */
import { ProviderError, type Provider, type ProviderCapabilities, type ProviderOutput, type ProviderProgress, type ProviderRequest } from '../provider';
import { type ChatMessage, type ChatTransport, streamChatCompletion } from './openai-chat';
import { throttledTextProgress } from './progress-throttle';

/** Generous for a full page of Tailwind HTML or a TSX component. */
export const DEFAULT_MAX_TOKENS = 8192;
/** Roughly four characters per token for code (for the progress estimate only). */
const CHARS_PER_TOKEN = 4;
/** The answer as streamed, framing included; the uiux engine caps the code itself. */
export const DEFAULT_MAX_ANSWER_BYTES = 2 * 1024 * 1024;

/** Kept short: the uiux prompt carries the real instructions and the output contract. */
export const CODE_SYSTEM_MESSAGE = 'You write UI code. Follow the request exactly and answer with the code only, in one fenced code block.';

export interface ChatEndpoint {
  readonly baseUrl: string;
  readonly key: string | null;
}

export interface ChatProviderOptions {
  readonly capabilities: ProviderCapabilities;
  readonly transport: ChatTransport;
  /**
   * Where to send this job: resolved per call (the key from the keychain, the local server found
   * last). Throws a ProviderError (`unauthorised`, `unreachable`) when there is nowhere to send it.
   */
  readonly endpoint: () => Promise<ChatEndpoint>;
  readonly maxTokens?: number;
  readonly now?: () => number;
}

export class ChatProvider implements Provider {
  readonly capabilities: ProviderCapabilities;

  constructor(private readonly options: ChatProviderOptions) {
    this.capabilities = options.capabilities;
  }

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    if (request.capability !== 'code') {
      throw new ProviderError('invalid_request', `${this.capabilities.label} writes code; it cannot make ${request.capability} images.`);
    }
    const endpoint = await this.options.endpoint();
    const maxTokens = this.options.maxTokens ?? DEFAULT_MAX_TOKENS;
    const progress = throttledTextProgress(onProgress, maxTokens * CHARS_PER_TOKEN, this.options.now);
    const messages: ChatMessage[] = [
      { role: 'system', content: CODE_SYSTEM_MESSAGE },
      { role: 'user', content: request.prompt },
    ];
    onProgress({ fraction: 0.02, activity: `${this.capabilities.label} is writing the code` });
    const answer = await streamChatCompletion(this.options.transport, {
      baseUrl: endpoint.baseUrl,
      key: endpoint.key,
      model: request.model,
      messages,
      maxTokens,
      seed: request.seed,
      signal,
      onText: (text) => progress.update(text),
    });
    progress.finish(answer.text);
    return { bytes: new TextEncoder().encode(answer.text), mime: 'text/plain', model: answer.model };
  }
}
