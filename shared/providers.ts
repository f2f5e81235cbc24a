/**
 * Provider identities and their user-facing, non-secret configuration, shared by main and the
 * renderer (Settings → Providers). The provider *interface* lives in the core
 * (`electron/core/providers/provider.ts`); secrets never appear here.
 */
import { z } from 'zod';
import { MODE_IDS } from './modes';
import { secretUrlProblem } from './url-rules';

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

function parsesWithoutExtras(value: string, allowRemoteHttp: boolean): boolean {
  try {
    const url = new URL(value);
    // A query or fragment in a base URL is pasted by mistake, and paths are appended after it.
    if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) return false;
    if (allowRemoteHttp && url.protocol === 'http:') return url.username === '' && url.password === '';
    return secretUrlProblem(value) === null;
  } catch {
    return false;
  }
}

/**
 * A provider's base URL — the API key is sent there, so https, or plain http only to this computer
 * (security review item 1; the same rule as the account server's, `shared/url-rules.ts`).
 */
export const BaseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => parsesWithoutExtras(value, false), {
    error: 'Enter a full https:// URL (plain http:// only for this computer: 127.0.0.1, ::1, localhost), without credentials, ?query or #fragment.',
  });

/**
 * A ComfyUI server's address: it may be another machine on the LAN over plain http; its token is
 * then refused (`ComfyUiService.setToken`) rather than the address.
 */
export const ServerUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => parsesWithoutExtras(value, true), { error: 'Enter a full http:// or https:// URL without credentials, ?query or #fragment, e.g. http://127.0.0.1:8188.' });

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
  url: ServerUrlSchema.nullable().default(null),
  /** Checkpoint file name per mode; a mode without one uses the first installed checkpoint. */
  defaultCheckpoints: z.partialRecord(z.enum(MODE_IDS), z.string().min(1).max(512)).default({}),
});
export type ComfyUiSettings = z.infer<typeof ComfyUiSettingsSchema>;
