/**
 * Checks an API-format graph against a ComfyUI's `/object_info`, the way ComfyUI's own
 * `validate_prompt`/`validate_inputs` (execution.py) would refuse it, but before anything is
 * queued: every class exists, every required input is given (value, link or placeholder), links
 * point at real nodes and outputs, values are in range / in the list, and something saves an
 * image. Each issue carries ComfyUI's error `type` and names node, class and input.
 */
import { isLink, isPlaceholder, linkedSources, type Graph } from './graph';
import { inputKind, type ObjectInfo } from './object-info';

/** ComfyUI's error types (execution.py) for the problems we detect. */
export type GraphIssueType =
  | 'invalid_prompt'
  | 'prompt_no_outputs'
  | 'required_input_missing'
  | 'bad_linked_input'
  | 'invalid_input_type'
  | 'value_smaller_than_min'
  | 'value_bigger_than_max'
  | 'value_not_in_list';

export interface GraphIssue {
  readonly type: GraphIssueType;
  readonly nodeId: string | null;
  readonly classType: string | null;
  readonly input: string | null;
  readonly received?: unknown;
  /** A readable sentence naming node, class and input. */
  readonly message: string;
  /** ComfyUI's own `message`/`details` for this issue (the test server answers with them). */
  readonly comfy: { readonly message: string; readonly details: string };
}

export function validateGraph(graph: Graph, objectInfo: ObjectInfo): GraphIssue[] {
  const issues: GraphIssue[] = [];
  let hasOutput = false;
  for (const [id, node] of Object.entries(graph)) {
    const info = objectInfo[node.class_type];
    const where = `Node ${id} (${node.class_type})`;
    if (!info) {
      issues.push({
        type: 'invalid_prompt',
        nodeId: id,
        classType: node.class_type,
        input: null,
        message: `${where}: this ComfyUI has no node class '${node.class_type}' — install the custom node that provides it, or remove the node.`,
        comfy: { message: `Cannot execute because node ${node.class_type} does not exist.`, details: `Node ID '#${id}'` },
      });
      continue;
    }
    if (info.output_node) hasOutput = true;
    for (const [name, spec] of Object.entries(info.input.required ?? {})) {
      const value = node.inputs[name];
      if (value === undefined) {
        issues.push({
          type: 'required_input_missing',
          nodeId: id,
          classType: node.class_type,
          input: name,
          message: `${where}: required input '${name}' is missing.`,
          comfy: { message: 'Required input is missing', details: name },
        });
        continue;
      }
      const issue = checkValue(id, node.class_type, name, value, spec, graph);
      if (issue) issues.push(issue);
    }
    for (const [name, spec] of Object.entries(info.input.optional ?? {})) {
      const value = node.inputs[name];
      if (value === undefined) continue;
      const issue = checkValue(id, node.class_type, name, value, spec, graph);
      if (issue) issues.push(issue);
    }
  }
  if (!hasOutput && issues.every((i) => i.type !== 'invalid_prompt')) {
    issues.push({
      type: 'prompt_no_outputs',
      nodeId: null,
      classType: null,
      input: null,
      message: 'The workflow has no output node: add a SaveImage node so there is an image to bring back.',
      comfy: { message: 'Prompt has no outputs', details: '' },
    });
  }
  return issues;
}

function checkValue(id: string, classType: string, name: string, value: unknown, spec: ReadonlyArray<unknown>, graph: Graph): GraphIssue | null {
  const where = `Node ${id} (${classType}) input '${name}'`;
  const base = { nodeId: id, classType, input: name, received: value };
  if (isPlaceholder(value)) return null;
  if (isLink(value)) {
    if (!graph[value[0]]) {
      return { ...base, type: 'bad_linked_input', message: `${where} links to node ${value[0]}, which is not in the workflow.`, comfy: { message: 'Bad linked input, must be a length-2 list of [node_id, slot_index]', details: `${name}, ${JSON.stringify(value)}` } };
    }
    return null;
  }
  const kind = inputKind(spec);
  switch (kind.kind) {
    case 'link':
      return { ...base, type: 'bad_linked_input', message: `${where} must be connected to a ${kind.type} output, not a fixed value.`, comfy: { message: 'Bad linked input, must be a length-2 list of [node_id, slot_index]', details: name } };
    case 'combo':
      if (typeof value === 'string' || typeof value === 'number') {
        if (kind.options.includes(value)) return null;
        const what = name === 'ckpt_name' ? `checkpoint '${value}' is not installed` : `'${value}' is not one of the choices`;
        return { ...base, type: 'value_not_in_list', message: `${where}: ${what}${kind.options.length > 0 ? ` (choose from: ${kind.options.slice(0, 8).join(', ')}${kind.options.length > 8 ? ', …' : ''})` : ''}.`, comfy: { message: 'Value not in list', details: `${name}: '${value}' not in ${JSON.stringify(kind.options)}` } };
      }
      break;
    case 'int':
    case 'float': {
      if (typeof value !== 'number' || (kind.kind === 'int' && !Number.isInteger(value))) {
        return { ...base, type: 'invalid_input_type', message: `${where} must be ${kind.kind === 'int' ? 'a whole number' : 'a number'}, not ${JSON.stringify(value)}.`, comfy: { message: `Failed to convert an input value to a ${kind.kind.toUpperCase()} value`, details: `${name}, ${String(value)}` } };
      }
      if (kind.min !== undefined && value < kind.min) {
        return { ...base, type: 'value_smaller_than_min', message: `${where}: value ${value} is smaller than the minimum ${kind.min}.`, comfy: { message: `Value ${value} smaller than min of ${kind.min}`, details: name } };
      }
      if (kind.max !== undefined && value > kind.max) {
        return { ...base, type: 'value_bigger_than_max', message: `${where}: value ${value} is bigger than the maximum ${kind.max}.`, comfy: { message: `Value ${value} bigger than max of ${kind.max}`, details: name } };
      }
      return null;
    }
    case 'string':
      if (typeof value === 'string') return null;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return null;
      break;
  }
  return { ...base, type: 'invalid_input_type', message: `${where} has a value of the wrong type (${JSON.stringify(value)}).`, comfy: { message: 'Invalid input type', details: name } };
}

/** Nodes in the order they can run (sources first); ids not reachable from outputs are kept at the end. */
export function executionOrder(graph: Graph): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id) || !graph[id]) return;
    seen.add(id);
    for (const source of linkedSources(graph[id])) visit(source);
    order.push(id);
  };
  for (const id of Object.keys(graph)) visit(id);
  return order;
}
