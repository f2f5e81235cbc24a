/**
 * The table of cloud clients the app is built with: how to make each from its settings and
 * key, and the facts Settings → Providers shows beside it (documented defaults, what it makes).
 * Adding a provider = one entry here; the sources, the key service and the UI follow.
 */
import type { CloudClientOptions, VerifyKeyResult } from './http/cloud-client';
import type { Provider } from './provider';
import { FalClient } from './fal/fal-client';
import { FAL_DEFAULT_BASE_URL, FAL_DEFAULT_MODELS, FAL_KEY_URL } from './fal/fal-defaults';
import { HuggingFaceClient } from './huggingface/huggingface-client';
import { HUGGINGFACE_DEFAULT_BASE_URL, HUGGINGFACE_DEFAULT_MODELS, HUGGINGFACE_KEY_URL } from './huggingface/huggingface-defaults';
import { PollinationsClient } from './pollinations/pollinations-client';
import { POLLINATIONS_DEFAULT_BASE_URL, POLLINATIONS_DEFAULT_MODELS } from './pollinations/pollinations-defaults';
import { ReplicateClient } from './replicate/replicate-client';
import { REPLICATE_DEFAULT_BASE_URL, REPLICATE_DEFAULT_MODELS, REPLICATE_KEY_URL } from './replicate/replicate-defaults';
import { createTogetherProvider } from './together/chat';
import { TOGETHER_DEFAULT_BASE_URL, TOGETHER_DEFAULT_MODELS, TOGETHER_KEY_URL } from './together/together-defaults';

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
    keyUrl: TOGETHER_KEY_URL,
    create(options) {
      const { provider, images } = createTogetherProvider(options);
      return { provider, verifyKey: (key, signal) => images.verifyKey(key, signal) };
    },
  },
  fal: {
    kind: 'Cloud, with your API key',
    makes: ['images'],
    needsKey: true,
    defaultBaseUrl: FAL_DEFAULT_BASE_URL,
    defaultModels: FAL_DEFAULT_MODELS,
    keyUrl: FAL_KEY_URL,
    create(options) {
      const client = new FalClient(options);
      return { provider: client, verifyKey: (key, signal) => client.verifyKey(key, signal) };
    },
  },
  replicate: {
    kind: 'Cloud, with your API key',
    makes: ['images'],
    needsKey: true,
    defaultBaseUrl: REPLICATE_DEFAULT_BASE_URL,
    defaultModels: REPLICATE_DEFAULT_MODELS,
    keyUrl: REPLICATE_KEY_URL,
    create(options) {
      const client = new ReplicateClient(options);
      return { provider: client, verifyKey: (key, signal) => client.verifyKey(key, signal) };
    },
  },
  huggingface: {
    kind: 'Cloud, with your access token',
    makes: ['images'],
    needsKey: true,
    defaultBaseUrl: HUGGINGFACE_DEFAULT_BASE_URL,
    defaultModels: HUGGINGFACE_DEFAULT_MODELS,
    keyUrl: HUGGINGFACE_KEY_URL,
    create(options) {
      const client = new HuggingFaceClient(options);
      return { provider: client, verifyKey: (key, signal) => client.verifyKey(key, signal) };
    },
  },
  pollinations: {
    kind: 'Free public service, no key — prompts are sent to it',
    makes: ['images'],
    needsKey: false,
    defaultBaseUrl: POLLINATIONS_DEFAULT_BASE_URL,
    defaultModels: POLLINATIONS_DEFAULT_MODELS,
    defaultOff: true,
    create({ getKey: _ignored, limits: { bucket: _perSource, ...limits } = {}, ...options }) {
      // No key: Pollinations' anonymous tier (one request at a time, honoured by the client).
      // Its limit is per IP, so it keeps its process-wide bucket rather than the source's.
      return { provider: new PollinationsClient({ ...options, limits }) };
    },
  },
};
