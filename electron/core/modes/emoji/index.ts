/** The Emoji mode engine: single emoji and expression packs, delivered as transparent squares. */
import { EMOJI_SPEC, EmojiRequestSchema, type EmojiRequest } from '../../../../shared/mode-specs/emoji';
import type { ModeEngine } from '../engine';
import { EMOJI_CONFLICTING_TERMS } from './conflicts';
import { emojiNegativeBank } from './negatives';
import { postProcessEmoji } from './post-process';
import { buildEmojiPrompt } from './prompt';
import { emojiQualityProfile } from './quality';
import { emojiVariantMutation } from './variants';

export const emojiEngine: ModeEngine<EmojiRequest> = {
  mode: 'emoji',
  spec: EMOJI_SPEC,
  requestSchema: EmojiRequestSchema,
  conflictingTerms: EMOJI_CONFLICTING_TERMS,
  buildPrompt: buildEmojiPrompt,
  negativeBank: emojiNegativeBank,
  qualityProfile: emojiQualityProfile,
  variantMutation: emojiVariantMutation,
  postProcess: postProcessEmoji,
};
