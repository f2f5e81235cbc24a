/**
 * Batch variants for Emoji: slot 1 pose/angle, slot 2 mood, slot 3 detail and colour, worded
 * per preset family. A pack is different: its slots are the same character in other
 * expressions (the point of a reaction pack), never another angle of the same one.
 */
import type { EmojiExpression, EmojiRequest } from '../../../../shared/mode-specs/emoji';
import { type EmojiFamily, EMOJI_PRESET_STYLES } from './presets';
import { expressionToken } from './prompt';

type Slot = 1 | 2 | 3;

export const EMOJI_VARIANTS: Readonly<Record<EmojiFamily, Readonly<Record<Slot, string>>>> = {
  cartoon: {
    1: 'tilted three-quarter view, livelier pose',
    2: 'warmer mood, brighter highlights',
    3: 'alternate colour palette, extra small details',
  },
  flat: {
    1: 'slightly rotated, alternate simple pose',
    2: 'calmer mood, softer colours',
    3: 'alternate colour pair, one extra accent shape',
  },
  pixel: {
    1: 'alternate pose on the same pixel grid',
    2: 'alternate mood, brighter highlight pixels',
    3: 'alternate limited palette, same pixel grid',
  },
};

/** The expressions a pack cycles through after its first (the request's own) one. */
export const PACK_EXPRESSIONS: ReadonlyArray<Exclude<EmojiExpression, 'auto'>> = ['laughing', 'surprised', 'sad', 'love', 'angry', 'thinking', 'cool', 'happy'];

/** The expression of a pack's slot 1–3: the cycle, skipping the one slot 0 already has. */
export function packExpression(request: EmojiRequest, slot: Slot): Exclude<EmojiExpression, 'auto'> {
  const rest = PACK_EXPRESSIONS.filter((expression) => expression !== request.controls.expression);
  return rest[slot - 1] ?? 'happy';
}

export function emojiVariantMutation(request: EmojiRequest, slot: Slot): string {
  if (request.tool === 'pack') return `same character and style, now ${expressionToken(packExpression(request, slot))}`;
  return EMOJI_VARIANTS[EMOJI_PRESET_STYLES[request.preset].family][slot];
}
