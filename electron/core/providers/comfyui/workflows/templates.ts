/**
 * The built-in workflows in `resources/comfyui/` (shipped as files; main passes the folder in).
 * `<kind>.json` serves every mode; `<mode>/<kind>.json` overrides it for one mode (pixel HD is
 * one long pass: a latent upscale would blur the pixel grid). Each file is validated with zod
 * on load: a broken template is a clear error at first use, never a half-filled graph.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ModeId } from '../../../../../shared/modes';
import type { WorkflowPlaceholder } from '../../../../../shared/comfyui';
import type { ProviderRequest } from '../../provider';
import { GraphSchema, placeholdersOf, type Graph } from './graph';

export const TEMPLATE_KINDS = ['txt2img', 'txt2img-fast', 'txt2img-hd', 'img2img', 'inpaint'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** What each kind must be able to take from a request. */
const REQUIRED: Readonly<Record<TemplateKind, ReadonlyArray<WorkflowPlaceholder>>> = {
  txt2img: ['prompt', 'seed', 'checkpoint'],
  'txt2img-fast': ['prompt', 'seed', 'checkpoint'],
  'txt2img-hd': ['prompt', 'seed', 'checkpoint'],
  img2img: ['prompt', 'seed', 'checkpoint', 'image'],
  inpaint: ['prompt', 'seed', 'checkpoint', 'image', 'mask'],
};

export const TemplateFileSchema = z.object({
  format: z.literal(1),
  name: z.string().min(1),
  description: z.string().default(''),
  graph: GraphSchema,
});

export interface Template {
  readonly kind: TemplateKind;
  readonly name: string;
  readonly graph: Graph;
  readonly placeholders: ReadonlyArray<WorkflowPlaceholder>;
}

/** Distilled checkpoints want few steps and low cfg; their names say so by convention. */
export const FAST_CHECKPOINT = /turbo|lightning|lcm|hyper/i;

export function chooseTemplateKind(request: Pick<ProviderRequest, 'capability' | 'tier' | 'inputImage' | 'mask'>, checkpoint: string): TemplateKind {
  if (request.inputImage && request.mask) return 'inpaint';
  if (request.inputImage) return 'img2img';
  if (request.tier === 'hd') return 'txt2img-hd';
  return FAST_CHECKPOINT.test(checkpoint) ? 'txt2img-fast' : 'txt2img';
}

export function parseTemplate(kind: TemplateKind, raw: unknown, source: string): Template {
  const parsed = TemplateFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Workflow template ${source} is invalid at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'unknown problem'}`);
  }
  const placeholders = placeholdersOf(parsed.data.graph);
  const missing = REQUIRED[kind].filter((name) => !placeholders.includes(name));
  if (missing.length > 0) throw new Error(`Workflow template ${source} does not use the placeholder(s) ${missing.join(', ')} that a ${kind} workflow needs.`);
  return { kind, name: parsed.data.name, graph: parsed.data.graph, placeholders };
}

export class TemplateCatalog {
  private readonly cache = new Map<string, Template>();

  constructor(private readonly dir: string) {}

  get(mode: ModeId, kind: TemplateKind): Template {
    const key = `${mode}/${kind}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const specific = join(this.dir, mode, `${kind}.json`);
    const file = existsSync(specific) ? specific : join(this.dir, `${kind}.json`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Workflow template ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const template = parseTemplate(kind, raw, file);
    this.cache.set(key, template);
    return template;
  }
}
