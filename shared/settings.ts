import { z } from 'zod';
import { MODE_IDS, type ModeId } from './modes';

/**
 * Non-secret preferences. Secrets (API keys, tokens) never live here: they go to the
 * SecretStore (OS keychain). Every field has a default so a missing or partly corrupt
 * settings file never blocks start-up.
 */
export const SettingsSchema = z.object({
  theme: z.enum(['dark', 'light']).default('dark'),
  /** Where new workspaces are proposed; null = `~/WokGen`. */
  workspacesRoot: z.string().min(1).max(4096).nullable().default(null),
  /** The workspace each studio last had open. */
  lastWorkspace: z.partialRecord(z.enum(MODE_IDS), z.string()).default({}),
  reduceMotion: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .object({
    theme: z.enum(['dark', 'light']),
    workspacesRoot: z.string().min(1).max(4096).nullable(),
    lastWorkspace: z.partialRecord(z.enum(MODE_IDS), z.string()),
    reduceMotion: z.boolean(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export type LastWorkspaceMap = Partial<Record<ModeId, string>>;
