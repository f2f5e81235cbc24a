/**
 * ComfyUI's 400 answer to `POST /prompt` as one readable sentence (execution.py
 * `validate_prompt`/`validate_inputs`; exact body in PROVIDERS.md "Observed"):
 * `{error:{type,message,details}, node_errors:{<id>:{errors:[{type,message,details,extra_info:{input_name,received_value}}], class_type}}}`.
 * The user learns which node, which input, which value — e.g. "checkpoint 'x' is not installed".
 */
import type { Graph } from './workflows/graph';

interface NodeErrorItem {
  type?: unknown;
  message?: unknown;
  details?: unknown;
  extra_info?: { input_name?: unknown; received_value?: unknown } | null;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One node error item as a sentence. */
function describeItem(nodeId: string, classType: string, item: NodeErrorItem): string {
  const input = str(item.extra_info?.input_name) || str(item.details).split(':')[0]!.split(',')[0]!.trim();
  const received = item.extra_info?.received_value;
  const where = `node ${nodeId} (${classType})${input ? ` input '${input}'` : ''}`;
  const type = str(item.type);
  if (type === 'value_not_in_list') {
    if (input === 'ckpt_name') return `checkpoint '${String(received ?? '?')}' is not installed in ComfyUI (models/checkpoints)`;
    return `${where}: '${String(received ?? '?')}' is not one of the values ComfyUI offers`;
  }
  if (type === 'value_bigger_than_max' || type === 'value_smaller_than_min') {
    // ComfyUI's own message reads "Value 20000 bigger than max of 10000".
    return `${where}: ${str(item.message).replace(/^Value /, 'value ') || type.replace(/_/g, ' ')}`;
  }
  if (type === 'required_input_missing') return `${where} is required but missing`;
  const text = [str(item.message), str(item.details)].filter(Boolean).join(': ');
  return `${where}: ${text || type || 'refused'}`;
}

export function describePromptRefusal(body: unknown, graph?: Graph): string {
  if (typeof body !== 'object' || body === null) return 'ComfyUI refused the workflow (400) without saying why.';
  const { error, node_errors: nodeErrors } = body as { error?: { type?: unknown; message?: unknown; details?: unknown } | string; node_errors?: unknown };
  const sentences: string[] = [];
  if (typeof nodeErrors === 'object' && nodeErrors !== null) {
    for (const [nodeId, entry] of Object.entries(nodeErrors as Record<string, { errors?: unknown; class_type?: unknown }>)) {
      const classType = str(entry?.class_type) || graph?.[nodeId]?.class_type || 'unknown node';
      const items = Array.isArray(entry?.errors) ? (entry.errors as NodeErrorItem[]) : [];
      for (const item of items) sentences.push(describeItem(nodeId, classType, item));
    }
  }
  if (sentences.length > 0) return `ComfyUI refused the workflow: ${sentences.join('; ')}.`;
  const type = typeof error === 'object' && error !== null ? str(error.type) : '';
  const message = typeof error === 'object' && error !== null ? str(error.message) : str(error);
  const details = typeof error === 'object' && error !== null ? str(error.details) : '';
  if (type === 'invalid_prompt' && /does not exist/.test(message)) {
    return `ComfyUI refused the workflow: ${message} (${details}) — install the custom node that provides it.`;
  }
  if (type === 'prompt_no_outputs') return 'ComfyUI refused the workflow: it has no output node (add a SaveImage node).';
  return `ComfyUI refused the workflow: ${[message, details].filter(Boolean).join(' — ') || type || 'no reason given'}.`;
}
