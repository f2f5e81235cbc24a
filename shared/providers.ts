/**
 * Provider identities and their user-facing, non-secret configuration, shared by main and the
 * renderer (Settings → Providers). The provider *interface* lives in the core
 * (`electron/core/providers/provider.ts`); secrets never appear here.
 */
import { z } from 'zod';
import { MODE_IDS } from './modes';

export const PROVIDER_IDS = ['comfyui', 'together', 'fal', 'replicate', 'huggingface', 'pollinations', 'hosted', 'local-llm'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];
export const ProviderIdSchema = z.enum(PROVIDER_IDS);

export const PROVIDER_LABELS: Readonly<Record<ProviderId, string>> = {
  comfyui: 'ComfyUI (local)',
  together: 'Together AI',
  fal: 'fal.ai',
  replicate: 'Replicate',
  huggingface: 'Hugging Face',
  pollinations: 'Pollinations',
  hosted: 'WokGen account',
  'local-llm': 'Local LLM (Ollama / LM Studio)',
};

/** An `http(s)://` base URL; a user typo is caught here, at the settings boundary. */
export const BaseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, { error: 'Enter a full http:// or https:// URL without credentials, e.g. http://127.0.0.1:8188.' });

const ModelIdSchema = z.string().trim().min(1).max(256);

/** One provider's non-secret settings; every field has a default so old settings files still load. */
export const ProviderSettingsSchema = z.object({
  /** A disabled provider is never routed to, even with a key. */
  enabled: z.boolean().default(true),
  /** null = the provider's documented default base URL. */
  baseUrl: BaseUrlSchema.nullable().default(null),
  /** null = the client's default model for that tier. */
  standardModel: ModelIdSchema.nullable().default(null),
  hdModel: ModelIdSchema.nullable().default(null),
});
export type ProviderSettings = z.infer<typeof ProviderSettingsSchema>;
export const DEFAULT_PROVIDER_SETTINGS: ProviderSettings = ProviderSettingsSchema.parse({});

export const ProvidersSettingsSchema = z.partialRecord(ProviderIdSchema, ProviderSettingsSchema);
export type ProvidersSettings = z.infer<typeof ProvidersSettingsSchema>;

/** A provider's settings with defaults filled in. */
export function providerSettings(all: ProvidersSettings, id: ProviderId): ProviderSettings {
  return all[id] ?? DEFAULT_PROVIDER_SETTINGS;
}

/** ComfyUI-specific settings (issue 4): where to look first and which checkpoint each mode uses. */
export const ComfyUiSettingsSchema = z.object({
  /** Probed before the defaults 127.0.0.1:8188 and 127.0.0.1:8000; null = only the defaults. */
  url: BaseUrlSchema.nullable().default(null),
  /** Checkpoint file name per mode; a mode without one uses the first installed checkpoint. */
  defaultCheckpoints: z.partialRecord(z.enum(MODE_IDS), z.string().min(1).max(512)).default({}),
});
export type ComfyUiSettings = z.infer<typeof ComfyUiSettingsSchema>;
