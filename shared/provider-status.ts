/**
 * What Settings → Providers shows about each provider, as the renderer may see it: switches,
 * models, "key configured" with its last four characters — never a key (issue 5 §4).
 */
import { z } from 'zod';
import { BaseUrlSchema } from './providers';
import { SecretStorageStatusSchema } from './secret-storage';

/** Providers whose key the user manages here (the hosted account signs in instead). */
export const KEYED_PROVIDER_IDS = ['together', 'fal', 'replicate', 'huggingface'] as const;
export const KeyedProviderIdSchema = z.enum(KEYED_PROVIDER_IDS);
/** Providers configured through Settings → Providers cards here (ComfyUI has its own card and settings). */
export const CONFIGURABLE_PROVIDER_IDS = ['together', 'fal', 'replicate', 'huggingface', 'pollinations', 'local-llm'] as const;
export const ConfigurableProviderIdSchema = z.enum(CONFIGURABLE_PROVIDER_IDS);
export type ConfigurableProviderId = z.infer<typeof ConfigurableProviderIdSchema>;

export const KeyTestResultSchema = z.object({
  /** valid: the provider accepted it; invalid: refused (401/403); unverified: could not ask (offline, timeout…). */
  outcome: z.enum(['valid', 'invalid', 'unverified']),
  message: z.string(),
});
export type KeyTestResult = z.infer<typeof KeyTestResultSchema>;

export const ProviderStatusSchema = z.object({
  id: ConfigurableProviderIdSchema,
  label: z.string(),
  /** Where it runs and what it costs, in a few words ("Cloud, with your API key"). */
  kind: z.string(),
  /** What it makes here: image tools and/or code. */
  makes: z.array(z.enum(['images', 'code'])),
  enabled: z.boolean(),
  /** The user's base URL, or null for the documented default shown beside it. */
  baseUrl: z.string().nullable(),
  defaultBaseUrl: z.string().nullable(),
  /** The provider's page where a key is created (opened in the system browser), or null. */
  keyUrl: z.string().nullable(),
  models: z.object({ standard: z.string().nullable(), hd: z.string().nullable() }),
  defaultModels: z.object({ standard: z.string(), hd: z.string().nullable() }),
  /** null for providers that need no key. */
  key: z.object({ configured: z.boolean(), last4: z.string().nullable() }).nullable(),
  /** Routable right now (enabled, key present or none needed, server found). */
  available: z.boolean(),
  /** Why it is not available, worded as what to do; null when available. */
  hint: z.string().nullable(),
});
export type ProviderStatus = z.infer<typeof ProviderStatusSchema>;

export const LocalLlmServerSchema = z.object({
  /** custom: the base URL set in Settings (any OpenAI-compatible server). */
  kind: z.enum(['ollama', 'lmstudio', 'custom']),
  label: z.string(),
  baseUrl: z.string(),
  reachable: z.boolean(),
  models: z.array(z.string()),
  /** Why it was not usable (not running, no models…), or null. */
  message: z.string().nullable(),
});
export type LocalLlmServer = z.infer<typeof LocalLlmServerSchema>;

export const LocalLlmStatusSchema = z.object({
  /** Epoch ms of the last probe; null before the first. */
  checkedAt: z.number().nullable(),
  servers: z.array(LocalLlmServerSchema),
  /** The server and model a code job would use now, or null when none has a model. */
  selected: z.object({ baseUrl: z.string(), model: z.string() }).nullable(),
});
export type LocalLlmStatus = z.infer<typeof LocalLlmStatusSchema>;

export const ProvidersOverviewSchema = z.object({
  providers: z.array(ProviderStatusSchema),
  /** Where keys are kept (keychain, encrypted file…) and whether saving works. */
  storage: SecretStorageStatusSchema,
  localLlm: LocalLlmStatusSchema,
});
export type ProvidersOverview = z.infer<typeof ProvidersOverviewSchema>;

const ModelFieldSchema = z.string().trim().max(256).nullable();

/** One provider's settings change; merged in main so two quick edits never clobber each other. */
export const ProviderConfigPatchSchema = z
  .object({
    enabled: z.boolean(),
    baseUrl: BaseUrlSchema.nullable(),
    /** "" or null = the default model. */
    standardModel: ModelFieldSchema,
    hdModel: ModelFieldSchema,
  })
  .partial()
  .strict();
export type ProviderConfigPatch = z.infer<typeof ProviderConfigPatchSchema>;

/** A pasted key on its way in: loose here, checked (and never echoed) by the core's parseApiKey. */
export const ApiKeyInputSchema = z.string().max(100_000);
