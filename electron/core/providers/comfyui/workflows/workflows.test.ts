/**
 * Templates, placeholders, graph validation against /object_info, auto-mapping of an exported
 * workflow, and the user-workflow store (atomic save, list, remove).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MODE_IDS } from '../../../../../shared/modes';
import { RESOURCES_WORKFLOWS_DIR } from '../testing/resources-dir';
import { testObjectInfo } from '../testing/test-object-info';
import { autoMapPlaceholders } from './auto-map';
import { fillPlaceholders, GraphSchema, placeholdersOf, type Graph } from './graph';
import { parseObjectInfo } from './object-info';
import { chooseTemplateKind, parseTemplate, TEMPLATE_KINDS, TemplateCatalog } from './templates';
import { checkUserWorkflow, UserWorkflowStore } from './user-workflows';
import { executionOrder, validateGraph } from './validate-graph';

const objectInfo = parseObjectInfo(testObjectInfo(['a.safetensors'], ['in.png'])).info;

const exported = (): Graph =>
  GraphSchema.parse({
    '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'a.safetensors' } },
    '2': { class_type: 'CLIPTextEncode', inputs: { text: 'a cat', clip: ['1', 1] } },
    '3': { class_type: 'CLIPTextEncode', inputs: { text: 'ugly', clip: ['1', 1] } },
    '4': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512, batch_size: 1 } },
    '5': { class_type: 'KSampler', inputs: { model: ['1', 0], positive: ['2', 0], negative: ['3', 0], latent_image: ['4', 0], seed: 1, steps: 20, cfg: 8, sampler_name: 'euler', scheduler: 'normal', denoise: 1 } },
    '6': { class_type: 'VAEDecode', inputs: { samples: ['5', 0], vae: ['1', 2] } },
    '7': { class_type: 'SaveImage', inputs: { images: ['6', 0], filename_prefix: 'x' } },
  });

describe('built-in templates', () => {
  it('every mode × kind loads, validates with zod and passes the test server\'s /object_info once filled', () => {
    const catalog = new TemplateCatalog(RESOURCES_WORKFLOWS_DIR);
    for (const mode of MODE_IDS) {
      for (const kind of TEMPLATE_KINDS) {
        const template = catalog.get(mode, kind);
        const filled = fillPlaceholders(template.graph, {
          prompt: 'p', negative: 'n', seed: 1, steps: 10, cfg: 7, sampler: 'euler', scheduler: 'normal', width: 512, height: 512, checkpoint: 'a.safetensors', batch: 1, denoise: 0.6, image: 'in.png', mask: 'in.png',
        });
        expect(validateGraph(filled, objectInfo), `${mode}/${kind}`).toEqual([]);
      }
    }
  });

  it('a template with an unknown placeholder or missing a required one is refused on load', () => {
    const bad = { format: 1, name: 'x', graph: { '1': { class_type: 'SaveImage', inputs: { images: { $placeholder: 'colour' } } } } };
    expect(() => parseTemplate('txt2img', bad, 'bad.json')).toThrow(/bad.json is invalid at graph.1.inputs.images/);
    const missing = { format: 1, name: 'x', graph: { '1': { class_type: 'CLIPTextEncode', inputs: { text: { $placeholder: 'prompt' } } } } };
    expect(() => parseTemplate('img2img', missing, 'm.json')).toThrow(/seed, checkpoint, image/);
  });

  it('chooses inpaint, img2img, HD, fast or standard from the request and checkpoint', () => {
    const image = { bytes: new Uint8Array(1), mime: 'image/png' };
    expect(chooseTemplateKind({ capability: 'inpaint', tier: 'standard', inputImage: image, mask: image }, 'a')).toBe('inpaint');
    expect(chooseTemplateKind({ capability: 'rotate', tier: 'standard', inputImage: image }, 'a')).toBe('img2img');
    expect(chooseTemplateKind({ capability: 'generate', tier: 'hd' }, 'a')).toBe('txt2img-hd');
    expect(chooseTemplateKind({ capability: 'generate', tier: 'standard' }, 'sdxl_lightning_4step.safetensors')).toBe('txt2img-fast');
    expect(chooseTemplateKind({ capability: 'generate', tier: 'standard' }, 'sd_xl_base_1.0.safetensors')).toBe('txt2img');
  });
});

describe('placeholders', () => {
  it('fills typed values and names node and input when one is missing or mistyped', () => {
    const graph = GraphSchema.parse({ '3': { class_type: 'KSampler', inputs: { seed: { $placeholder: 'seed' }, steps: 5 } } });
    expect(fillPlaceholders(graph, { seed: 9 })['3']!.inputs).toEqual({ seed: 9, steps: 5 });
    expect(() => fillPlaceholders(graph, {})).toThrow("Node 3 (KSampler) input 'seed' needs \"seed\"");
    expect(() => fillPlaceholders(graph, { seed: '9' })).toThrow('"seed" must be a number');
  });
});

describe('graph validation', () => {
  it('names node, class and input for each problem', () => {
    const graph = exported();
    graph['5']!.inputs['steps'] = 0;
    graph['5']!.inputs['sampler_name'] = 'nope';
    delete graph['4']!.inputs['width'];
    graph['6']!.inputs['vae'] = ['42', 2];
    graph['8'] = { class_type: 'MagicNode', inputs: {} };
    const issues = validateGraph(graph, objectInfo);
    const messages = issues.map((i) => i.message);
    expect(messages).toContain("Node 5 (KSampler) input 'steps': value 0 is smaller than the minimum 1.");
    expect(messages.some((m) => m.startsWith("Node 5 (KSampler) input 'sampler_name': 'nope' is not one of the choices"))).toBe(true);
    expect(messages).toContain("Node 4 (EmptyLatentImage): required input 'width' is missing.");
    expect(messages).toContain("Node 6 (VAEDecode) input 'vae' links to node 42, which is not in the workflow.");
    expect(messages.some((m) => m.startsWith("Node 8 (MagicNode): this ComfyUI has no node class 'MagicNode'"))).toBe(true);
    expect(issues.find((i) => i.input === 'steps')).toMatchObject({ nodeId: '5', classType: 'KSampler', type: 'value_smaller_than_min' });
  });

  it('a missing checkpoint reads "checkpoint \'x\' is not installed"; no output node is named', () => {
    const graph = exported();
    graph['1']!.inputs['ckpt_name'] = 'x.safetensors';
    delete graph['7'];
    const messages = validateGraph(graph, objectInfo).map((i) => i.message);
    expect(messages.some((m) => m.includes("checkpoint 'x.safetensors' is not installed"))).toBe(true);
    expect(messages.some((m) => m.includes('no output node'))).toBe(true);
  });

  it('orders nodes sources first', () => {
    const order = executionOrder(exported());
    expect(order.indexOf('1')).toBeLessThan(order.indexOf('5'));
    expect(order.indexOf('5')).toBeLessThan(order.indexOf('7'));
  });
});

describe('user workflows', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('auto-maps an exported workflow: sampler values, checkpoint, size, and the encoders feeding positive/negative', () => {
    const mapped = autoMapPlaceholders(exported());
    expect(placeholdersOf(mapped)).toEqual(['prompt', 'negative', 'seed', 'steps', 'cfg', 'sampler', 'scheduler', 'width', 'height', 'checkpoint', 'batch']);
    expect(mapped['5']!.inputs['model']).toEqual(['1', 0]);
  });

  it('reports bad input as issues: not JSON, the editor format, wrong shapes, unknown nodes, no prompt', () => {
    expect(checkUserWorkflow('{oops', objectInfo).validation.issues[0]!.message).toMatch(/not valid JSON/);
    expect(checkUserWorkflow('{"nodes":[],"links":[]}', objectInfo).validation.issues[0]!.message).toMatch(/Export \(API\)/);
    expect(checkUserWorkflow('{"1":{"inputs":{}}}', objectInfo).validation.issues[0]).toMatchObject({ nodeId: '1' });
    const unknown = exported();
    unknown['9'] = { class_type: 'Upscaler9000', inputs: {} };
    const result = checkUserWorkflow(JSON.stringify(unknown), objectInfo).validation;
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ nodeId: '9', classType: 'Upscaler9000' });
    const noPrompt = { '1': { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: 1, color: 0 } }, '2': { class_type: 'SaveImage', inputs: { images: ['1', 0], filename_prefix: 'x' } } };
    expect(checkUserWorkflow(JSON.stringify(noPrompt), objectInfo).validation.issues.map((i) => i.message).join()).toMatch(/No input is mapped to the prompt/);
  });

  it('saves atomically per mode, lists and removes (returning the graph for Undo)', () => {
    dir = mkdtempSync(join(tmpdir(), 'wokgen-wf-'));
    const store = new UserWorkflowStore(join(dir, 'comfyui', 'workflows'));
    expect(store.list()).toEqual([]);
    const checked = checkUserWorkflow(JSON.stringify(exported()), objectInfo);
    expect(checked.validation.ok).toBe(true);
    const saved = store.save('pixel', 'Mine', checked.graph!, 1000);
    expect(saved).toMatchObject({ mode: 'pixel', name: 'Mine', nodes: 7, savedAt: 1000 });
    expect(readdirSync(join(dir, 'comfyui', 'workflows'))).toEqual(['pixel.json']);
    expect(store.list()).toEqual([saved]);
    expect(store.get('emoji')).toBeNull();
    const removed = store.remove('pixel');
    expect(removed?.graph).toEqual(checked.graph);
    expect(store.list()).toEqual([]);
    expect(store.remove('pixel')).toBeNull();
  });
});
