/**
 * The `/object_info` of the loopback test server: the core nodes our templates use, with the
 * input specs of ComfyUI's nodes.py (types, defaults, min/max, combo lists).
 */
export const TEST_SAMPLERS = ['euler', 'euler_ancestral', 'heun', 'dpmpp_2m', 'dpmpp_2m_sde', 'lcm', 'ddim', 'uni_pc'];
export const TEST_SCHEDULERS = ['simple', 'sgm_uniform', 'karras', 'exponential', 'ddim_uniform', 'beta', 'normal', 'linear_quadratic', 'kl_optimal'];

const node = (required: Record<string, unknown[]>, output: string[], extra: Record<string, unknown> = {}) => ({
  input: { required, optional: {}, hidden: {} },
  input_order: { required: Object.keys(required) },
  output,
  output_is_list: output.map(() => false),
  output_name: output,
  output_node: false,
  category: 'test',
  python_module: 'nodes',
  ...extra,
});

const INT = (d: number, min: number, max: number) => ['INT', { default: d, min, max }];
const FLOAT = (d: number, min: number, max: number) => ['FLOAT', { default: d, min, max, step: 0.01 }];

export function testObjectInfo(checkpoints: ReadonlyArray<string>, inputs: ReadonlyArray<string>): Record<string, Record<string, unknown>> {
  const sampler = {
    model: ['MODEL'],
    seed: INT(0, 0, Number.MAX_SAFE_INTEGER),
    steps: INT(20, 1, 10000),
    cfg: FLOAT(8, 0, 100),
    sampler_name: [TEST_SAMPLERS, {}],
    scheduler: [TEST_SCHEDULERS, {}],
    positive: ['CONDITIONING'],
    negative: ['CONDITIONING'],
    latent_image: ['LATENT'],
    denoise: FLOAT(1, 0, 1),
  };
  return {
    CheckpointLoaderSimple: node({ ckpt_name: [[...checkpoints], { tooltip: 'The name of the checkpoint (model) to load.' }] }, ['MODEL', 'CLIP', 'VAE']),
    CLIPTextEncode: node({ text: ['STRING', { multiline: true, dynamicPrompts: true }], clip: ['CLIP'] }, ['CONDITIONING']),
    EmptyLatentImage: node({ width: INT(512, 16, 16384), height: INT(512, 16, 16384), batch_size: INT(1, 1, 4096) }, ['LATENT']),
    KSampler: node(sampler, ['LATENT']),
    VAEDecode: node({ samples: ['LATENT'], vae: ['VAE'] }, ['IMAGE']),
    VAEEncode: node({ pixels: ['IMAGE'], vae: ['VAE'] }, ['LATENT']),
    VAEEncodeForInpaint: node({ pixels: ['IMAGE'], vae: ['VAE'], mask: ['MASK'], grow_mask_by: INT(6, 0, 64) }, ['LATENT']),
    LatentUpscaleBy: node({ samples: ['LATENT'], upscale_method: [['nearest-exact', 'bilinear', 'area', 'bicubic', 'bislerp'], {}], scale_by: FLOAT(1.5, 0.01, 8) }, ['LATENT']),
    RepeatLatentBatch: node({ samples: ['LATENT'], amount: INT(1, 1, 64) }, ['LATENT']),
    LoadImage: node({ image: [[...inputs], { image_upload: true }] }, ['IMAGE', 'MASK']),
    LoadImageMask: node({ image: [[...inputs], { image_upload: true }], channel: [['alpha', 'red', 'green', 'blue'], {}] }, ['MASK']),
    ImageScale: node({ image: ['IMAGE'], upscale_method: [['nearest-exact', 'bilinear', 'area', 'bicubic', 'lanczos'], {}], width: INT(512, 0, 16384), height: INT(512, 0, 16384), crop: [['disabled', 'center'], {}] }, ['IMAGE']),
    EmptyImage: node({ width: INT(512, 1, 16384), height: INT(512, 1, 16384), batch_size: INT(1, 1, 4096), color: INT(0, 0, 0xffffff) }, ['IMAGE']),
    SaveImage: node({ images: ['IMAGE'], filename_prefix: ['STRING', { default: 'ComfyUI' }] }, [], { output_node: true }),
    PreviewImage: node({ images: ['IMAGE'] }, [], { output_node: true }),
  };
}
