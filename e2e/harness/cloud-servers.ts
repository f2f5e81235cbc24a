/**
 * Loopback stand-ins for the cloud providers an end-to-end spec generates through: Together AI
 * (its key is entered in the Settings page by the spec) and Hugging Face (the next provider in
 * the business chain, keyed by the harness). Settings point the clients at them.
 */
import type { ProvidersSettings } from '../../shared/providers';
import { HuggingFaceTestServer, HUGGINGFACE_TEST_KEY } from '../../electron/core/providers/huggingface/test-server';
import { TogetherTestServer } from '../../electron/core/providers/together/test-server';

export interface CloudServers {
  readonly together: TogetherTestServer;
  readonly huggingface: HuggingFaceTestServer;
  /** Provider settings that send every client to its loopback server. */
  readonly settings: ProvidersSettings;
  /** Keys the harness stores before the core starts (Together's is left for the spec to enter). */
  readonly presetKeys: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export async function startCloudServers(): Promise<CloudServers> {
  const [together, huggingface] = await Promise.all([TogetherTestServer.start(), HuggingFaceTestServer.start()]);
  const at = (baseUrl: string) => ({ enabled: true, baseUrl, standardModel: null, hdModel: null });
  return {
    together,
    huggingface,
    settings: { together: at(together.baseUrl), huggingface: at(huggingface.baseUrl) },
    presetKeys: { huggingface: HUGGINGFACE_TEST_KEY },
    close: async () => {
      await Promise.all([together.close(), huggingface.close()]);
    },
  };
}
