/**
 * Words that pull a Business image towards game art; the prompt validator removes them from
 * the user's prompt with a warning. Longer phrases come first so "sprite sheet" goes whole
 * rather than leaving "sheet" behind.
 */
export const BUSINESS_CONFLICTING_TERMS: ReadonlyArray<string> = [
  'pixel art',
  'pixel-art',
  'sprite sheet',
  'game asset',
  'retro game',
  'pixelated',
  '16-bit',
  '8-bit',
  '16 bit',
  '8 bit',
  'sprite',
  'chibi',
].sort((a, b) => b.length - a.length);
