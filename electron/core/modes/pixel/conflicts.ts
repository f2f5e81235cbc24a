/**
 * Words that contradict pixel art. The prompt validator removes them (whole words, any case)
 * from the user's prompt and warns; the builders here never emit them (a test checks).
 *
 * The seed's list (lib/prompt-validator.ts) plus the phrasings that pull a diffusion model the
 * same way: towards photographs, smooth 3D renders and high-resolution detail, which is the
 * opposite of a small, flat, hard-edged sprite.
 */
export const PIXEL_CONFLICTING_TERMS: ReadonlyArray<string> = [
  // Photography
  'photo of',
  'photograph of',
  'photography',
  'photorealistic',
  'photo-realistic',
  'photoreal',
  'hyperrealistic',
  'hyper-realistic',
  'hyper realistic',
  'ultra realistic',
  'ultra-realistic',
  'realistic lighting',
  'DSLR',
  'bokeh',
  'depth of field',
  'film grain',
  'cinematic',
  'cinematic lighting',
  // Resolution
  'HD',
  'UHD',
  'ultra HD',
  'high definition',
  '4k',
  '8k',
  '16k',
  // 3D
  '3d render',
  '3d rendered',
  '3d model',
  'octane render',
  'unreal engine',
  'ray tracing',
  'ray traced',
  'subsurface scattering',
];
