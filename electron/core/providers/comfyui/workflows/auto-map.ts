/**
 * Maps a workflow exported from ComfyUI ("Export (API)") onto our placeholders, so a user can
 * import it as is: the sampler's seed/steps/cfg/sampler/scheduler, the checkpoint loader, the
 * empty latent's size and batch, and the text encoders that feed the sampler's positive and
 * negative inputs. Only fixed values are replaced (links stay links); placeholders the user
 * already wrote by hand are kept.
 */
import type { WorkflowPlaceholder } from '../../../../../shared/comfyui';
import { isLink, type Graph, type GraphNode } from './graph';

const SAMPLER_INPUTS: ReadonlyArray<readonly [string, WorkflowPlaceholder]> = [
  ['seed', 'seed'],
  ['noise_seed', 'seed'],
  ['steps', 'steps'],
  ['cfg', 'cfg'],
  ['sampler_name', 'sampler'],
  ['scheduler', 'scheduler'],
];

const BY_CLASS: Readonly<Record<string, ReadonlyArray<readonly [string, WorkflowPlaceholder]>>> = {
  CheckpointLoaderSimple: [['ckpt_name', 'checkpoint']],
  EmptyLatentImage: [
    ['width', 'width'],
    ['height', 'height'],
    ['batch_size', 'batch'],
  ],
  EmptySD3LatentImage: [
    ['width', 'width'],
    ['height', 'height'],
    ['batch_size', 'batch'],
  ],
};

export function autoMapPlaceholders(graph: Graph): Graph {
  const mapped: Graph = {};
  for (const [id, node] of Object.entries(graph)) mapped[id] = { ...node, inputs: { ...node.inputs } };
  const set = (node: GraphNode, input: string, name: WorkflowPlaceholder) => {
    const value = node.inputs[input];
    if (value === undefined || isLink(value) || (typeof value === 'object' && value !== null)) return;
    node.inputs[input] = { $placeholder: name };
  };
  // The first sampler decides: a second pass (hires fix) keeps its own values.
  const samplers = Object.entries(mapped).filter(([, node]) => /^KSampler/.test(node.class_type));
  const first = samplers[0]?.[1];
  if (first) {
    for (const [input, name] of SAMPLER_INPUTS) set(first, input, name);
    for (const [linkInput, name] of [
      ['positive', 'prompt'],
      ['negative', 'negative'],
    ] as const) {
      const link = first.inputs[linkInput];
      const encoder = isLink(link) ? mapped[link[0]] : undefined;
      if (encoder?.class_type === 'CLIPTextEncode') set(encoder, 'text', name);
    }
  }
  for (const node of Object.values(mapped)) {
    for (const [input, name] of BY_CLASS[node.class_type] ?? []) set(node, input, name);
  }
  return mapped;
}
