/**
 * The `local-llm` provider: UI code from whichever local OpenAI-compatible server the monitor
 * found (Ollama, LM Studio), so the uiux studio works offline. One request at a time — a local
 * model already uses the whole GPU — and no key, no rate limit.
 */
import type { Capability, ProviderCapabilities, Tier } from '../provider';
import { ProviderError } from '../provider';
import { stringAt } from '../http/errors';
import type { FetchLike } from '../http/provider-http';
import { ChatProvider, DEFAULT_MAX_ANSWER_BYTES } from '../text/chat-provider';
import type { LocalLlmMonitor } from './monitor';

/** A 7B model on a laptop CPU writes a full page in minutes, not seconds. */
export const LOCAL_LLM_TIMEOUT_MS = 10 * 60_000;

const CODE: ReadonlySet<Capability> = new Set(['code']);

export interface LocalLlmProviderOptions {
  readonly monitor: LocalLlmMonitor;
  /** The HD model set in Settings; without one the local LLM serves standard only. */
  readonly hdModel: string | null;
  readonly fetch?: FetchLike;
}

/** Null while no server with a model is known (the source is then unavailable). */
export function createLocalLlmProvider({ monitor, hdModel, fetch }: LocalLlmProviderOptions): ChatProvider | null {
  const selected = monitor.status().selected;
  if (selected === null) return null;
  const tiers: ReadonlySet<Tier> = new Set(hdModel === null ? ['standard'] : ['standard', 'hd']);
  const capabilities: ProviderCapabilities = {
    id: 'local-llm',
    label: 'Local LLM',
    capabilities: CODE,
    tiers,
    nativeNegative: false,
    needsKey: false,
    local: true,
    concurrency: 1,
    maxPromptChars: 16_000,
    seedMax: 2_147_483_647,
    models: hdModel === null ? { standard: selected.model } : { standard: selected.model, hd: hdModel },
  };
  return new ChatProvider({
    capabilities,
    transport: {
      label: 'Local LLM',
      // Ollama: {"error":"…"}; LM Studio: {"error":{"message":…}} or {"error":"…"}.
      describeError: (body) => ({ message: stringAt(body, 'error', 'message') ?? stringAt(body, 'error') }),
      timeoutMs: LOCAL_LLM_TIMEOUT_MS,
      maxAnswerBytes: DEFAULT_MAX_ANSWER_BYTES,
      fetch,
      bucket: null,
    },
    endpoint: async () => {
      const now = monitor.status().selected;
      if (now === null) throw new ProviderError('unreachable', 'No local LLM server is running — start Ollama or LM Studio (Settings → Providers → Local LLM).');
      return { baseUrl: now.baseUrl, key: null };
    },
  });
}
