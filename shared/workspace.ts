import { z } from 'zod';
import { MODE_IDS } from './modes';

export const ModeIdSchema = z.enum(MODE_IDS);

/**
 * Workspace names: 1–40 characters after trimming (the seed's limit), no control
 * characters, and nothing that cannot become a folder name on every OS we ship to.
 */
export const WorkspaceNameSchema = z
  .string({ error: 'Name is required.' })
  .trim()
  .min(1, { error: 'Name cannot be empty.' })
  .max(40, { error: 'Name must be at most 40 characters.' })
  // eslint-disable-next-line no-control-regex -- the point is to reject control characters
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: 'Name cannot contain control characters.' })
  .refine((name) => !/[<>:"/\\|?*]/.test(name), { error: 'Name cannot contain < > : " / \\ | ? or *.' })
  .refine((name) => name !== '.' && name !== '..', { error: 'Name cannot be "." or "..".' });

/** An absolute folder path as chosen by the user; the core resolves and checks it. */
export const FolderPathSchema = z
  .string({ error: 'Folder is required.' })
  .min(1, { error: 'Folder cannot be empty.' })
  .max(4096, { error: 'Folder path is too long.' })
  .refine((p) => !p.includes('\u0000'), { error: 'Folder path cannot contain NUL.' });

export const WorkspaceIdSchema = z.string().uuid({ error: 'Not a workspace id.' });

export const WorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  mode: ModeIdSchema,
  folder: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The folder or its manifest is gone (unplugged drive, moved folder): re-attach to fix. */
  missing: z.boolean(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** `workspace.json`, the manifest that lets a folder be re-attached on any machine. */
export const WORKSPACE_MANIFEST_FILE = 'workspace.json';
export const WORKSPACE_MANIFEST_FORMAT = 1;
export const WorkspaceManifestSchema = z.object({
  format: z.literal(WORKSPACE_MANIFEST_FORMAT, { error: 'Unknown workspace.json format version.' }),
  app: z.literal('wokgen-studio'),
  id: z.string().uuid(),
  name: WorkspaceNameSchema,
  mode: ModeIdSchema,
  createdAt: z.number().int().nonnegative(),
});
export type WorkspaceManifest = z.infer<typeof WorkspaceManifestSchema>;
