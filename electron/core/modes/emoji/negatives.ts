/**
 * The Emoji negative bank: global, then tool, then preset, de-duplicated case-insensitively.
 * The seed had none for emoji; these target what breaks an emoji: scenes and busy
 * backgrounds (the cut-out needs a flat one), shadows on the ground (they survive the
 * cut-out as a grey smear), cropped subjects, and realism.
 */
import type { EmojiRequest, EmojiTool } from '../../../../shared/mode-specs/emoji';
import { EMOJI_PRESET_STYLES } from './presets';
import { uniqueTerms } from '../../../../shared/terms';

export const EMOJI_NEGATIVES: ReadonlyArray<string> = [
  'background scene',
  'landscape',
  'gradient background',
  'patterned background',
  'cast shadow',
  'ground shadow',
  'cropped',
  'cut off',
  'frame',
  'border',
  'text',
  'letters',
  'watermark',
  'signature',
  'photorealistic',
  'photograph',
  'blurry',
  'jpeg artifacts',
  'low quality',
];

export const EMOJI_TOOL_NEGATIVES: Readonly<Record<EmojiTool, ReadonlyArray<string>>> = {
  emoji: ['multiple emoji', 'grid', 'collage', 'sticker sheet'],
  pack: ['multiple characters', 'grid', 'collage', 'sticker sheet', 'inconsistent style', 'different character'],
};

export function emojiNegativeBank(request: EmojiRequest): string[] {
  return uniqueTerms([...EMOJI_NEGATIVES, ...EMOJI_TOOL_NEGATIVES[request.tool], ...EMOJI_PRESET_STYLES[request.preset].negTokens]);
}
