/**
 * Image-generation words that mean nothing to a code model (or pull it towards describing a
 * picture); the prompt validator removes them from the user's prompt and says so.
 */
export const UIUX_CONFLICTING_TERMS: ReadonlyArray<string> = [
  'pixel art',
  '8-bit',
  'photo of',
  'photograph of',
  'photorealistic',
  'hyperrealistic',
  '3d render',
  'octane render',
  'unreal engine',
  'ray tracing',
  'depth of field',
  'bokeh',
  'oil painting',
  'watercolor',
  'watercolour',
  'trending on artstation',
  'masterpiece',
  '8k',
  '4k',
];
