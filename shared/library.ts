import { z } from 'zod';
import { ModeIdSchema } from './workspace';

/** Job lifecycle. `interrupted` = the app stopped while the job was queued or running. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const ASSET_KINDS = ['image', 'animation', 'svg', 'code', 'pack'] as const;
export const AssetKindSchema = z.enum(ASSET_KINDS);
export type AssetKind = z.infer<typeof AssetKindSchema>;

export const JobErrorSchema = z.object({ stage: z.string(), code: z.string(), message: z.string() });
export type JobError = z.infer<typeof JobErrorSchema>;

export const JobAttemptSchema = z.object({
  provider: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  ok: z.boolean(),
  error: z.string().nullable(),
  /** Added with the pipeline; defaults keep older rows readable. */
  model: z.string().nullable().default(null),
  /** Batch slot (0–3) the attempt was for. */
  slot: z.number().int().min(0).default(0),
  /** The provider error kind (unreachable, rate_limited…), null on success. */
  errorKind: z.string().nullable().default(null),
});
export type JobAttempt = z.infer<typeof JobAttemptSchema>;

export const JobSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  mode: ModeIdSchema,
  tool: z.string(),
  preset: z.string().nullable(),
  prompt: z.string(),
  negativePrompt: z.string().nullable(),
  provider: z.string().nullable(),
  status: JobStatusSchema,
  seed: z.number().nullable(),
  params: z.record(z.string(), z.unknown()),
  attempts: z.array(JobAttemptSchema),
  error: JobErrorSchema.nullable(),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const AssetSchema = z.object({
  id: z.string(),
  jobId: z.string().nullable(),
  workspaceId: z.string(),
  slot: z.number().int(),
  kind: AssetKindSchema,
  relativePath: z.string(),
  mime: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  bytes: z.number().int(),
  metadata: z.record(z.string(), z.unknown()),
  starred: z.boolean(),
  createdAt: z.number(),
});
export type Asset = z.infer<typeof AssetSchema>;

/** Keyset cursor for the gallery: the last row of the previous page (newest first). */
export const AssetCursorSchema = z.object({ createdAt: z.number(), id: z.string() });
export type AssetCursor = z.infer<typeof AssetCursorSchema>;

export const AssetPageSchema = z.object({ items: z.array(AssetSchema), nextCursor: AssetCursorSchema.nullable() });
export type AssetPage = z.infer<typeof AssetPageSchema>;

export const GALLERY_PAGE_MAX = 200;

/**
 * Gallery filters: facets of the job that made an asset, and full-text prompt search
 * (FTS5 in the core). Absent fields do not filter. Results stay newest first.
 */
export const AssetFilterSchema = z
  .object({
    tool: z.string().min(1).max(64).optional(),
    preset: z.string().min(1).max(64).optional(),
    provider: z.string().min(1).max(64).optional(),
    status: JobStatusSchema.optional(),
    starredOnly: z.boolean().optional(),
    /** Words to find in the prompt (and, weighted lower, the negative prompt). */
    query: z.string().max(200).optional(),
  })
  .strict();
export type AssetFilter = z.infer<typeof AssetFilterSchema>;

/** The values the filter menus offer: what this workspace's assets were actually made with. */
export const AssetFacetsSchema = z.object({ tools: z.array(z.string()), presets: z.array(z.string()), providers: z.array(z.string()) });
export type AssetFacets = z.infer<typeof AssetFacetsSchema>;

/** Most assets one gallery action (star, delete, restore) takes at once. */
export const ASSET_BATCH_MAX = 10_000;
