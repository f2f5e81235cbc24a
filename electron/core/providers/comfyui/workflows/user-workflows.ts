/**
 * The user's own workflow per mode: checked against the connected ComfyUI's `/object_info`
 * before it is saved (every class installed, required inputs given, links real, values in
 * range, the prompt mapped), then written atomically to `<data>/comfyui/workflows/<mode>.json`.
 * A saved workflow replaces the built-in text-to-image templates for that mode.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { UserWorkflowSummary, WorkflowIssue, WorkflowValidation } from '../../../../../shared/comfyui';
import type { ModeId } from '../../../../../shared/modes';
import { MODE_IDS } from '../../../../../shared/modes';
import { writeFileAtomicSync } from '../../../fs/atomic-write';
import { autoMapPlaceholders } from './auto-map';
import { GraphSchema, placeholdersOf, type Graph } from './graph';
import type { ObjectInfo } from './object-info';
import { validateGraph } from './validate-graph';

const StoredSchema = z.object({
  format: z.literal(1),
  mode: z.enum(MODE_IDS),
  name: z.string(),
  savedAt: z.number(),
  graph: GraphSchema,
});
type Stored = z.infer<typeof StoredSchema>;

export interface CheckedWorkflow {
  readonly validation: WorkflowValidation;
  /** The graph with placeholders mapped (null when the text is not a graph at all). */
  readonly graph: Graph | null;
}

const issue = (message: string, at: Partial<Omit<WorkflowIssue, 'message'>> = {}): WorkflowIssue => ({
  nodeId: at.nodeId ?? null,
  classType: at.classType ?? null,
  input: at.input ?? null,
  message,
});

/** Parses, maps and validates a pasted/imported workflow; every problem is listed, none thrown. */
export function checkUserWorkflow(text: string, objectInfo: ObjectInfo): CheckedWorkflow {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail([issue(`This is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`)]);
  }
  if (typeof raw === 'object' && raw !== null && Array.isArray((raw as { nodes?: unknown }).nodes) && Array.isArray((raw as { links?: unknown }).links)) {
    return fail([issue('This is ComfyUI\'s editor format. In ComfyUI use Workflow → Export (API) and import that file.')]);
  }
  const parsed = GraphSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.slice(0, 20).map((i) => {
        const [nodeId, , input] = i.path.map(String);
        return issue(`${nodeId ? `Node ${nodeId}` : 'Workflow'}${input ? ` input '${input}'` : ''}: ${i.message}`, { ...(nodeId ? { nodeId } : {}), ...(input ? { input } : {}) });
      }),
    );
  }
  const graph = autoMapPlaceholders(parsed.data);
  const issues: WorkflowIssue[] = validateGraph(graph, objectInfo).map((i) => issue(i.message, { nodeId: i.nodeId, classType: i.classType, input: i.input }));
  const placeholders = placeholdersOf(graph);
  if (!placeholders.includes('prompt')) {
    issues.push(issue('No input is mapped to the prompt: connect a CLIPTextEncode to the sampler\'s positive input, or set a text input to {"$placeholder": "prompt"}.'));
  }
  return { validation: { ok: issues.length === 0, issues, placeholders }, graph };
}

function fail(issues: WorkflowIssue[]): CheckedWorkflow {
  return { validation: { ok: false, issues, placeholders: [] }, graph: null };
}

export class UserWorkflowStore {
  constructor(private readonly dir: string) {}

  private file(mode: ModeId): string {
    return join(this.dir, `${mode}.json`);
  }

  get(mode: ModeId): Stored | null {
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(readFileSync(this.file(mode), 'utf8')));
      return parsed.success && parsed.data.mode === mode ? parsed.data : null;
    } catch {
      return null;
    }
  }

  list(): UserWorkflowSummary[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return MODE_IDS.filter((mode) => names.includes(`${mode}.json`))
      .map((mode) => this.get(mode))
      .filter((stored): stored is Stored => stored !== null)
      .map(summary);
  }

  save(mode: ModeId, name: string, graph: Graph, now: number): UserWorkflowSummary {
    const stored: Stored = { format: 1, mode, name, savedAt: now, graph };
    writeFileAtomicSync(this.file(mode), `${JSON.stringify(stored, null, 2)}\n`);
    return summary(stored);
  }

  /** Resolves to the removed workflow's summary (for Undo), or null when there was none. */
  remove(mode: ModeId): { summary: UserWorkflowSummary; graph: Graph } | null {
    const stored = this.get(mode);
    rmSync(this.file(mode), { force: true });
    return stored ? { summary: summary(stored), graph: stored.graph } : null;
  }
}

function summary(stored: Stored): UserWorkflowSummary {
  return { mode: stored.mode, name: stored.name, placeholders: placeholdersOf(stored.graph), nodes: Object.keys(stored.graph).length, savedAt: stored.savedAt };
}
