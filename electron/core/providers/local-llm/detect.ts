/**
 * Finding a local text server (issue 5 §2), without any setup:
 * - Ollama on 127.0.0.1:11434 — `GET /api/tags` lists the pulled models (ollama docs/api.md);
 * - LM Studio on 127.0.0.1:1234 — `GET /v1/models` lists the loaded ones (lmstudio.ai/docs/api/openai-api);
 * - a base URL from Settings → Providers — either of the two answers, tried in that order.
 * Both serve OpenAI-compatible `POST /v1/chat/completions`, which is what generation uses.
 */
import type { LocalLlmServer } from '../../../../shared/provider-status';
import { joinUrl } from '../http/cloud-client';
import { stringAt } from '../http/errors';
import { type FetchLike, ProviderHttp } from '../http/provider-http';
import { ProviderError } from '../provider';

export interface LocalLlmTarget {
  readonly kind: LocalLlmServer['kind'];
  readonly label: string;
  /** The server root (no `/v1`). */
  readonly url: string;
}

export const DEFAULT_LOCAL_LLM_TARGETS: ReadonlyArray<LocalLlmTarget> = [
  { kind: 'ollama', label: 'Ollama', url: 'http://127.0.0.1:11434' },
  { kind: 'lmstudio', label: 'LM Studio', url: 'http://127.0.0.1:1234' },
];

/** A local server answers in milliseconds; a probe must never hold up the settings page. */
export const PROBE_TIMEOUT_MS = 2_000;

/** Embedding models are listed beside chat models but cannot write code. */
const isChatModel = (id: string) => !/embed/i.test(id);

function modelIds(list: unknown, key: 'models' | 'data', field: 'name' | 'id'): string[] {
  const items = (list as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(items)) throw new ProviderError('provider_failure', 'answered, but not with a model list');
  return items.flatMap((item: unknown) => {
    const id = stringAt(item, field);
    return id !== undefined && isChatModel(id) ? [id] : [];
  });
}

function probeHttp(label: string, fetchImpl: FetchLike | undefined): ProviderHttp {
  return new ProviderHttp({ label, describeError: (body) => ({ message: stringAt(body, 'error', 'message') ?? stringAt(body, 'error') }), timeoutMs: PROBE_TIMEOUT_MS, fetch: fetchImpl, bucket: null });
}

async function listOllama(http: ProviderHttp, url: string, signal: AbortSignal): Promise<string[]> {
  return modelIds((await http.json({ url: joinUrl(url, 'api/tags'), signal })).body, 'models', 'name');
}

async function listOpenAiModels(http: ProviderHttp, url: string, signal: AbortSignal): Promise<string[]> {
  return modelIds((await http.json({ url: joinUrl(url, 'v1/models'), signal })).body, 'data', 'id');
}

function describeProblem(target: LocalLlmTarget, error: unknown): string {
  if (error instanceof ProviderError && error.kind === 'unreachable') return `Not running — nothing answers at ${target.url}.`;
  if (error instanceof ProviderError && error.kind === 'timeout') return `${target.url} did not answer within ${PROBE_TIMEOUT_MS / 1000} s.`;
  const message = error instanceof Error ? error.message : String(error);
  return `${target.label} at ${target.url} ${message.startsWith(target.label) ? message.slice(target.label.length).trim() : message}`;
}

export async function probeLocalLlm(target: LocalLlmTarget, signal: AbortSignal, fetchImpl?: FetchLike): Promise<LocalLlmServer> {
  const http = probeHttp(target.label, fetchImpl);
  const base = { kind: target.kind, label: target.label, baseUrl: joinUrl(target.url, 'v1') };
  try {
    let models: string[];
    if (target.kind === 'ollama') models = await listOllama(http, target.url, signal);
    else if (target.kind === 'lmstudio') models = await listOpenAiModels(http, target.url, signal);
    else models = await listOllama(http, target.url, signal).catch(() => listOpenAiModels(http, target.url, signal));
    const message = models.length === 0 ? (target.kind === 'ollama' ? 'Running, but no model is pulled yet — run `ollama pull qwen2.5-coder:7b`.' : 'Running, but no model is loaded — load one in LM Studio.') : null;
    return { ...base, reachable: true, models, message };
  } catch (error) {
    if (signal.aborted) throw error;
    return { ...base, reachable: false, models: [], message: describeProblem(target, error) };
  }
}
