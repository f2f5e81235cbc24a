/**
 * The parts of ComfyUI's `GET /object_info` we read (server.py `node_info`): per node class its
 * inputs (`required`/`optional`, each `[type or option list, config]`), whether it is an output
 * node, and its outputs' types. Parsed leniently: unknown keys pass, odd entries are skipped.
 */
import { z } from 'zod';

const InputSpecSchema = z.array(z.unknown()).min(1);

export const NodeInfoSchema = z
  .object({
    input: z
      .object({
        required: z.record(z.string(), InputSpecSchema).optional(),
        optional: z.record(z.string(), InputSpecSchema).optional(),
      })
      .loose()
      .default({}),
    output: z.array(z.unknown()).default([]),
    output_node: z.boolean().default(false),
    display_name: z.string().optional(),
  })
  .loose();
export type NodeInfo = z.infer<typeof NodeInfoSchema>;

export type ObjectInfo = Readonly<Record<string, NodeInfo>>;

/** Parses a whole `/object_info` answer; classes that do not parse are left out (logged by the caller). */
export function parseObjectInfo(raw: unknown): { info: Record<string, NodeInfo>; skipped: string[] } {
  const info: Record<string, NodeInfo> = {};
  const skipped: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { info, skipped };
  for (const [name, value] of Object.entries(raw)) {
    const parsed = NodeInfoSchema.safeParse(value);
    if (parsed.success) info[name] = parsed.data;
    else skipped.push(name);
  }
  return { info, skipped };
}

/** What one input accepts: a combo list, a number range, a string, or another node's output type. */
export type InputKind =
  | { readonly kind: 'combo'; readonly options: ReadonlyArray<string | number> }
  | { readonly kind: 'int' | 'float'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'string' | 'boolean' }
  | { readonly kind: 'link'; readonly type: string };

/** `[["a","b"], {...}]` (classic combo), `["COMBO", {options:[...]}]` (newer), `["INT", {min,max}]`, `["MODEL"]`. */
export function inputKind(spec: ReadonlyArray<unknown>): InputKind {
  const [head, rawConfig] = spec;
  const config = typeof rawConfig === 'object' && rawConfig !== null ? (rawConfig as Record<string, unknown>) : {};
  if (Array.isArray(head)) return { kind: 'combo', options: head.filter((o): o is string | number => typeof o === 'string' || typeof o === 'number') };
  if (head === 'COMBO') {
    const options = Array.isArray(config['options']) ? config['options'] : [];
    return { kind: 'combo', options: options.filter((o): o is string | number => typeof o === 'string' || typeof o === 'number') };
  }
  const num = (key: string) => (typeof config[key] === 'number' ? { [key]: config[key] as number } : {});
  if (head === 'INT') return { kind: 'int', ...num('min'), ...num('max') };
  if (head === 'FLOAT') return { kind: 'float', ...num('min'), ...num('max') };
  if (head === 'STRING') return { kind: 'string' };
  if (head === 'BOOLEAN') return { kind: 'boolean' };
  return { kind: 'link', type: typeof head === 'string' ? head : '*' };
}

/** The option list of a combo input, e.g. `CheckpointLoaderSimple.ckpt_name` or `KSampler.sampler_name`. */
export function comboOptions(info: NodeInfo | undefined, input: string): string[] {
  const spec = info?.input.required?.[input] ?? info?.input.optional?.[input];
  if (!spec) return [];
  const kind = inputKind(spec);
  return kind.kind === 'combo' ? kind.options.map(String) : [];
}
