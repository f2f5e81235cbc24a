/**
 * Words that contradict flat, traceable vector art; the prompt validator removes them from the
 * user's prompt and says so. Longer phrases are matched before shorter ones by the validator.
 */
export const VECTOR_CONFLICTING_TERMS: ReadonlyArray<string> = [
  'photorealistic',
  'hyperrealistic',
  'photorealism',
  'photo of',
  'photograph of',
  'photography',
  'pixel art',
  'pixelated',
  '8-bit',
  '16-bit',
  'sprite',
  '3d render',
  'octane render',
  'unreal engine',
  'ray tracing',
  'cinematic lighting',
  'depth of field',
  'bokeh',
  'oil painting',
  'watercolor',
  'watercolour',
  '4k',
  '8k',
];
