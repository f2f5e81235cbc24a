/**
 * Loopback stand-ins for the providers an end-to-end spec generates through: Together AI (its
 * key is entered in the Settings page by the spec), Hugging Face (the next provider in the
 * business chain, keyed by the harness) and a local Ollama (UI/UX code, streamed). Settings and
 * the local LLM targets point the clients at them.
 */
import type { ProvidersSettings } from '../../shared/providers';
import { HuggingFaceTestServer, HUGGINGFACE_TEST_KEY } from '../../electron/core/providers/huggingface/test-server';
import { TogetherTestServer } from '../../electron/core/providers/together/test-server';
import type { LocalLlmTarget } from '../../electron/core/providers/local-llm/detect';
import { startChatTestServer, type ChatTestServer } from '../../electron/core/providers/text/testing/openai-compatible-server';

export interface CloudServers {
  readonly together: TogetherTestServer;
  readonly huggingface: HuggingFaceTestServer;
  /** A local Ollama (`/api/tags`, streamed `/v1/chat/completions`). */
  readonly ollama: ChatTestServer;
  /** Where the studio looks for local LLM servers (only the loopback Ollama). */
  readonly localLlmTargets: ReadonlyArray<LocalLlmTarget>;
  /** Provider settings that send every client to its loopback server. */
  readonly settings: ProvidersSettings;
  /** Keys the harness stores before the core starts (Together's is left for the spec to enter). */
  readonly presetKeys: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export async function startCloudServers(): Promise<CloudServers> {
  const [together, huggingface, ollama] = await Promise.all([TogetherTestServer.start(), HuggingFaceTestServer.start(), startChatTestServer('ollama')]);
  const at = (baseUrl: string) => ({ enabled: true, baseUrl, standardModel: null, hdModel: null });
  return {
    together,
    huggingface,
    ollama,
    localLlmTargets: [{ kind: 'ollama', label: 'Ollama', url: ollama.url }],
    settings: { together: at(together.baseUrl), huggingface: at(huggingface.baseUrl) },
    presetKeys: { huggingface: HUGGINGFACE_TEST_KEY },
    close: async () => {
      await Promise.all([together.close(), huggingface.close(), ollama.close()]);
    },
  };
}
