/**
 * Words that pull an emoji towards a photo or a scene; the prompt validator removes them from
 * the user's prompt with a warning. Longer phrases first so "photo of" goes before "photo".
 * ("pixel art" is not here: the Pixel emoji style asks for it.)
 */
export const EMOJI_CONFLICTING_TERMS: ReadonlyArray<string> = [
  'photorealistic',
  'hyperrealistic',
  'photo of',
  'photograph of',
  'photograph',
  'realistic',
  '3d render',
  'unreal engine',
  'octane render',
  'cinematic',
  'depth of field',
  'bokeh',
  'landscape',
  'panorama',
  'wallpaper',
  'background scene',
  '4k',
  '8k',
].sort((a, b) => b.length - a.length);
