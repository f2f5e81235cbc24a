import { z } from 'zod';
import { MODE_IDS, type ModeId } from './modes';
import { ComfyUiSettingsSchema, ProvidersSettingsSchema } from './providers';

/** An absolute path on any OS we ship to (POSIX `/…` or Windows `C:\…`); shared/ has no `path`. */
const AbsoluteFolderSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => /^(\/|[A-Za-z]:[\\/])/.test(p), { error: 'Choose a full folder path (it must be absolute).' });

/** Remembered workspace ids per studio; the whole map is replaced on update (so entries can be forgotten). */
const LastWorkspaceSchema = z.partialRecord(z.enum(MODE_IDS), z.string().uuid());

/**
 * Non-secret preferences. Secrets (API keys, tokens) never live here: they go to the
 * SecretStore (OS keychain). Every field has a default so a missing or partly corrupt
 * settings file never blocks start-up.
 */
export const SettingsSchema = z.object({
  theme: z.enum(['dark', 'light']).default('dark'),
  /** Where new workspaces are proposed; null = `~/WokGen`. */
  workspacesRoot: AbsoluteFolderSchema.nullable().default(null),
  /** The workspace each studio last had open. */
  lastWorkspace: LastWorkspaceSchema.default({}),
  reduceMotion: z.boolean().default(false),
  /** `oss` = the local prompt builders; `hosted` = the hosted account's engine (PROMPT_ENGINE overrides). */
  promptEngine: z.enum(['oss', 'hosted']).default('oss'),
  /** Per-provider switches, base URLs and default models (keys live in the SecretStore). */
  providers: ProvidersSettingsSchema.default({}),
  comfyui: ComfyUiSettingsSchema.default({ url: null, defaultCheckpoints: {} }),
  /**
   * Consent to keep API keys in safeStorage's plain-text file where no OS keyring exists
   * (Linux `basic_text`); off unless the user confirms it in Settings → Providers.
   */
  allowPlainTextSecrets: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .object({
    theme: z.enum(['dark', 'light']),
    workspacesRoot: AbsoluteFolderSchema.nullable(),
    lastWorkspace: LastWorkspaceSchema,
    reduceMotion: z.boolean(),
    promptEngine: z.enum(['oss', 'hosted']),
    /** Replaced whole, like lastWorkspace: send every provider's entry. */
    providers: ProvidersSettingsSchema,
    comfyui: ComfyUiSettingsSchema,
    allowPlainTextSecrets: z.boolean(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export type LastWorkspaceMap = Partial<Record<ModeId, string>>;
