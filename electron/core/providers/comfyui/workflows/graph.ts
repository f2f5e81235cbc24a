/**
 * ComfyUI API-format graphs ("Save (API)" in ComfyUI; script_examples/websockets_api_example.py):
 * `{ "<node id>": { class_type, inputs: { name: value | [sourceId, outputIndex] } } }`.
 *
 * Placeholders: an input whose value is `{"$placeholder": "seed"}` is filled per request. The
 * file stays valid JSON, the slot is typed by its name (seed is a number, prompt a string), and
 * a template cannot smuggle an unknown name in — zod refuses it on load.
 */
import { z } from 'zod';
import { WORKFLOW_PLACEHOLDERS, type WorkflowPlaceholder } from '../../../../../shared/comfyui';

export const PlaceholderSchema = z.object({ $placeholder: z.enum(WORKFLOW_PLACEHOLDERS) }).strict();
export type Placeholder = z.infer<typeof PlaceholderSchema>;

/** `[source node id, output index]` — how one node's input takes another node's output. */
export const LinkSchema = z.tuple([z.string(), z.number().int().min(0)]);
export type Link = z.infer<typeof LinkSchema>;

export const NodeSchema = z.object({
  class_type: z.string().min(1, { error: 'Every node needs a class_type.' }),
  inputs: z
    .record(z.string(), z.unknown())
    .superRefine((inputs, ctx) => {
      // A `$placeholder` object must name a known placeholder: a typo is caught on load.
      for (const [name, value] of Object.entries(inputs)) {
        if (typeof value === 'object' && value !== null && '$placeholder' in value && !PlaceholderSchema.safeParse(value).success) {
          ctx.addIssue({ code: 'custom', path: [name], message: `Unknown placeholder ${JSON.stringify((value as { $placeholder: unknown }).$placeholder)}; use one of ${WORKFLOW_PLACEHOLDERS.join(', ')}.` });
        }
      }
    })
    .default({}),
  _meta: z.object({ title: z.string().optional() }).loose().optional(),
});
export type GraphNode = z.infer<typeof NodeSchema>;

export const GraphSchema = z
  .record(z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, { error: 'Node ids are short names like "3" or "12:4".' }), NodeSchema)
  .refine((graph) => Object.keys(graph).length > 0, { error: 'The workflow has no nodes.' });
export type Graph = z.infer<typeof GraphSchema>;

export function isPlaceholder(value: unknown): value is Placeholder {
  return PlaceholderSchema.safeParse(value).success;
}

export function isLink(value: unknown): value is Link {
  return LinkSchema.safeParse(value).success;
}

/** Every placeholder the graph uses, in the fixed order of WORKFLOW_PLACEHOLDERS. */
export function placeholdersOf(graph: Graph): WorkflowPlaceholder[] {
  const used = new Set<WorkflowPlaceholder>();
  for (const node of Object.values(graph)) {
    for (const value of Object.values(node.inputs)) if (isPlaceholder(value)) used.add(value.$placeholder);
  }
  return WORKFLOW_PLACEHOLDERS.filter((name) => used.has(name));
}

/** Placeholder values are typed by name: numbers stay numbers in the JSON sent to ComfyUI. */
export const PLACEHOLDER_TYPES: Readonly<Record<WorkflowPlaceholder, 'string' | 'number'>> = {
  prompt: 'string',
  negative: 'string',
  seed: 'number',
  steps: 'number',
  cfg: 'number',
  sampler: 'string',
  scheduler: 'string',
  width: 'number',
  height: 'number',
  checkpoint: 'string',
  batch: 'number',
  denoise: 'number',
  image: 'string',
  mask: 'string',
};

export type PlaceholderValues = Partial<Record<WorkflowPlaceholder, string | number>>;

/**
 * A copy of the graph with every placeholder replaced. Throws naming the node and input when
 * a value is missing or of the wrong type — a template bug, never sent to ComfyUI half-filled.
 */
export function fillPlaceholders(graph: Graph, values: PlaceholderValues): Graph {
  const filled: Graph = {};
  for (const [id, node] of Object.entries(graph)) {
    const inputs: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node.inputs)) {
      if (!isPlaceholder(value)) {
        inputs[name] = value;
        continue;
      }
      const key = value.$placeholder;
      const given = values[key];
      if (given === undefined) throw new Error(`Node ${id} (${node.class_type}) input '${name}' needs "${key}", which this request does not provide.`);
      if (typeof given !== PLACEHOLDER_TYPES[key]) throw new Error(`Node ${id} (${node.class_type}) input '${name}': "${key}" must be a ${PLACEHOLDER_TYPES[key]}.`);
      inputs[name] = given;
    }
    filled[id] = { ...node, inputs };
  }
  return filled;
}

/** Links from `node`: the ids of the nodes it takes input from. */
export function linkedSources(node: GraphNode): string[] {
  return Object.values(node.inputs).flatMap((value) => (isLink(value) ? [value[0]] : []));
}
