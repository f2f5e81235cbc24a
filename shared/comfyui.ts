/**
 * Local ComfyUI as the renderer may see it (issue 4): the detection status and the user's
 * custom workflows. Never a token — only whether one is set and its last four characters.
 */
import { z } from 'zod';
import { MODE_IDS } from './modes';

export const COMFYUI_STATES = [
  /** Answering, identified by `system.comfyui_version`, with at least one checkpoint. */
  'connected',
  /** Nothing answered on any probed address. */
  'not_found',
  /** Something answered but cannot be used now (no checkpoint, not ComfyUI, token refused…); `reason` says what to do. */
  'unusable',
] as const;
export type ComfyUiState = (typeof COMFYUI_STATES)[number];

export const ComfyUiDeviceSchema = z.object({
  name: z.string(),
  type: z.string(),
  /** Bytes; 0 when ComfyUI does not say (CPU). */
  vramTotal: z.number(),
  vramFree: z.number(),
});
export type ComfyUiDevice = z.infer<typeof ComfyUiDeviceSchema>;

export const ComfyUiStatusSchema = z.object({
  state: z.enum(COMFYUI_STATES),
  /** The address that answered (or, when nothing did, the first one probed). */
  url: z.string().nullable(),
  /** Every address probed, in order (shown when nothing is found). */
  probed: z.array(z.string()),
  version: z.string().nullable(),
  os: z.string().nullable(),
  devices: z.array(ComfyUiDeviceSchema),
  checkpoints: z.array(z.string()),
  samplers: z.array(z.string()),
  schedulers: z.array(z.string()),
  /** Why not connected, as a sentence that says what to do. */
  reason: z.string().nullable(),
  /** When this status was measured (ms since epoch). */
  checkedAt: z.number(),
  /** A bearer token is stored for ComfyUI (never the token itself). */
  token: z.object({ configured: z.boolean(), last4: z.string().nullable() }),
});
export type ComfyUiStatus = z.infer<typeof ComfyUiStatusSchema>;

/** The names a workflow's inputs may be mapped to; the app fills them per request. */
export const WORKFLOW_PLACEHOLDERS = [
  'prompt',
  'negative',
  'seed',
  'steps',
  'cfg',
  'sampler',
  'scheduler',
  'width',
  'height',
  'checkpoint',
  'batch',
  'denoise',
  'image',
  'mask',
] as const;
export type WorkflowPlaceholder = (typeof WORKFLOW_PLACEHOLDERS)[number];

export const WorkflowModeSchema = z.enum(MODE_IDS);

/** A user workflow as listed in Settings. */
export const UserWorkflowSummarySchema = z.object({
  mode: WorkflowModeSchema,
  name: z.string(),
  /** Placeholders the workflow uses. */
  placeholders: z.array(z.enum(WORKFLOW_PLACEHOLDERS)),
  nodes: z.number().int(),
  savedAt: z.number(),
});
export type UserWorkflowSummary = z.infer<typeof UserWorkflowSummarySchema>;

/** One problem found in a workflow, naming where it is. */
export const WorkflowIssueSchema = z.object({
  nodeId: z.string().nullable(),
  classType: z.string().nullable(),
  input: z.string().nullable(),
  message: z.string(),
});
export type WorkflowIssue = z.infer<typeof WorkflowIssueSchema>;

export const WorkflowValidationSchema = z.object({
  ok: z.boolean(),
  issues: z.array(WorkflowIssueSchema),
  placeholders: z.array(z.enum(WORKFLOW_PLACEHOLDERS)),
});
export type WorkflowValidation = z.infer<typeof WorkflowValidationSchema>;

/** A workflow file as pasted/imported: API-format JSON text, at most 2 MB. */
export const WorkflowTextSchema = z
  .string()
  .min(2, { error: 'Paste or import an API-format workflow (JSON).' })
  .max(2_000_000, { error: 'This workflow is larger than 2 MB; export it in API format without embedded images.' });

/** A token as pasted; whitespace around it is a copy-paste accident. */
export const ComfyUiTokenSchema = z
  .string()
  .trim()
  .min(8, { error: 'The token looks too short (at least 8 characters).' })
  .max(4096)
  .refine((t) => !/\s/.test(t), { error: 'The token cannot contain spaces or line breaks.' });
