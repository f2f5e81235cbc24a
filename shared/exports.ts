/**
 * Exports as data the renderer can show: each mode's export formats and their options, what
 * an export run asks for and what it answers, and the `.wokpack` import steps.
 *
 * The core's per-mode registries (electron/core/exports/registry.ts) are the one source of
 * which formats exist; the renderer only renders what `exports.formats` returns.
 */
import { z } from 'zod';
import { ModeIdSchema, WorkspaceIdSchema } from './workspace';

const Key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,31}$/);
const Label = z.string().min(1).max(120);
const ChoiceSchema = z.object({ value: z.string().max(40), label: Label });

/** One option of an export format, described well enough for a generic form. */
export const ExportOptionSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choice'), key: Key, label: Label, choices: z.array(ChoiceSchema).min(1), default: z.string() }),
  /** Several values at once (sizes, scales); at least one must stay picked. */
  z.object({ type: z.literal('multi'), key: Key, label: Label, choices: z.array(ChoiceSchema).min(1), default: z.array(z.string()).min(1) }),
  z.object({
    type: z.literal('number'),
    key: Key,
    label: Label,
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    default: z.number(),
    unit: z.string().max(10).optional(),
  }),
  z.object({ type: z.literal('boolean'), key: Key, label: Label, default: z.boolean() }),
  z.object({ type: z.literal('text'), key: Key, label: Label, maxLength: z.number().int().positive(), default: z.string() }),
]);
export type ExportOptionSpec = z.infer<typeof ExportOptionSpecSchema>;

export const ExportFormatIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { error: 'Not an export format id.' });

export const ExportFormatInfoSchema = z.object({
  id: ExportFormatIdSchema,
  label: Label,
  description: z.string().max(400),
  /** What the saved file is: one file of this extension, or a zip of several. */
  extension: z.string().regex(/^[a-z0-9]{1,10}$/),
  options: z.array(ExportOptionSpecSchema),
});
export type ExportFormatInfo = z.infer<typeof ExportFormatInfoSchema>;

/** Ids the renderer makes for a run, so it can cancel it and match progress events. */
export const ExportIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'Not an export id.' });

/** More than this many assets in one export is refused (a whole 10k workspace as a zip is fine). */
export const EXPORT_MAX_ASSETS = 20_000;

export const ExportRunInputSchema = z
  .object({
    exportId: ExportIdSchema,
    workspaceId: WorkspaceIdSchema,
    /** The selection, or `all` for the whole workspace. */
    assets: z.union([z.literal('all'), z.array(z.string().min(1).max(64)).min(1, { error: 'Select at least one asset to export.' }).max(EXPORT_MAX_ASSETS)]),
    format: ExportFormatIdSchema,
    /** Checked against the format's own options in the core; unknown keys are refused. */
    options: z.record(z.string(), z.unknown()).default({}),
    /** `dialog`: the save dialog picks the file; `workspace`: the workspace's `exports/` folder. */
    destination: z.enum(['dialog', 'workspace']),
  })
  .strict();

export const ExportResultSchema = z.object({
  exportId: z.string(),
  /** Absolute path of the file written. */
  file: z.string(),
  /** True when the chosen name existed and a free one (`name (2).zip`) was used instead. */
  renamed: z.boolean(),
  bytes: z.number().int(),
  assetCount: z.number().int(),
  /** Files inside (a zip's listing, or the one file). */
  entries: z.array(z.string()),
  /** What the user should know (quantised to meet a limit, frames resized…). */
  notes: z.array(z.string()),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

export const ExportProgressSchema = z.object({
  exportId: z.string(),
  /** Exports read, render, then write; a `.wokpack` import (its `exportId` is the pack token) imports. */
  phase: z.enum(['reading', 'rendering', 'writing', 'importing']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;

/** What a chosen `.wokpack` holds, before anything is written. */
export const WokpackSummarySchema = z.object({
  /** One-use handle for `wokpack.import`; the path itself never reaches the renderer. */
  token: z.string(),
  fileName: z.string(),
  assetCount: z.number().int(),
  /** How many assets come from each mode. */
  modes: z.partialRecord(ModeIdSchema, z.number().int()),
  /** True when any asset comes from another mode than the target workspace's. */
  crossMode: z.boolean(),
  exportedAt: z.number(),
});
export type WokpackSummary = z.infer<typeof WokpackSummarySchema>;

export const WokpackImportResultSchema = z.object({
  workspaceId: z.string(),
  imported: z.number().int(),
  assetIds: z.array(z.string()),
});
export type WokpackImportResult = z.infer<typeof WokpackImportResultSchema>;
