/**
 * The table of cloud clients the app is built with: how to make each from its settings and
 * key, and the facts Settings → Providers shows beside it (documented defaults, what it makes).
 * Adding a provider = one entry here; the sources, the key service and the UI follow.
 */
import type { CloudClientOptions, VerifyKeyResult } from './http/cloud-client';
import type { Provider } from './provider';
import { createTogetherProvider } from './together/chat';
import { TOGETHER_DEFAULT_BASE_URL, TOGETHER_DEFAULT_MODELS } from './together/together-defaults';

export type CloudProviderId = 'together' | 'fal' | 'replicate' | 'huggingface' | 'pollinations';

export interface CloudClient {
  readonly provider: Provider;
  /** A cheap authenticated call for "Test key" (keyed providers). */
  readonly verifyKey?: (key: string, signal: AbortSignal) => Promise<VerifyKeyResult>;
}

export interface CloudClientEntry {
  /** Where it runs and what it costs, as Settings says it. */
  readonly kind: string;
  readonly makes: ReadonlyArray<'images' | 'code'>;
  readonly needsKey: boolean;
  readonly defaultBaseUrl: string;
  readonly defaultModels: { readonly standard: string; readonly hd?: string };
  /** Where the user gets a key (opened in the system browser). */
  readonly keyUrl?: string;
  /**
   * Off until the user turns it on (Pollinations sends prompts to a public service with no
   * account — see README "Providers & keys").
   */
  readonly defaultOff?: boolean;
  create(options: CloudClientOptions): CloudClient;
}

export const CLOUD_CLIENTS: Partial<Record<CloudProviderId, CloudClientEntry>> = {
  together: {
    kind: 'Cloud, with your API key',
    makes: ['images', 'code'],
    needsKey: true,
    defaultBaseUrl: TOGETHER_DEFAULT_BASE_URL,
    defaultModels: TOGETHER_DEFAULT_MODELS,
    keyUrl: 'https://api.together.ai/settings/api-keys',
    create(options) {
      const { provider, images } = createTogetherProvider(options);
      return { provider, verifyKey: (key, signal) => images.verifyKey(key, signal) };
    },
  },
};
