/**
 * Emoji quality profiles: steps, guidance and sampler per preset and tier. Every emoji renders
 * as a square at the model's comfortable size (768² standard, 1024² HD) whatever the delivered
 * size: a 16 px emoji drawn at 16 px is mush, one drawn large and reduced stays readable.
 */
import type { EmojiPreset, EmojiRequest } from '../../../../shared/mode-specs/emoji';
import type { QualityProfile, QualityTier } from '../engine';

type Sampling = Pick<QualityProfile, 'steps' | 'guidance' | 'sampler' | 'scheduler'>;

/**
 * Flat and pixel styles need fewer steps (extra steps add texture and anti-aliasing they do
 * not want) and a little more guidance to hold the style; glossy styles get more steps.
 */
export const EMOJI_SAMPLING: Readonly<Record<EmojiPreset, Readonly<Record<QualityTier, Sampling>>>> = {
  expressive: {
    standard: { steps: 26, guidance: 7, sampler: 'dpmpp_2m', scheduler: 'karras' },
    hd: { steps: 34, guidance: 7, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  minimal: {
    standard: { steps: 22, guidance: 6.5, sampler: 'euler', scheduler: 'normal' },
    hd: { steps: 30, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  blob: {
    standard: { steps: 26, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
    hd: { steps: 34, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  pixel_emoji: {
    standard: { steps: 20, guidance: 7.5, sampler: 'euler', scheduler: 'normal' },
    hd: { steps: 28, guidance: 7.5, sampler: 'euler', scheduler: 'normal' },
  },
};

/** Square render sides (multiples of 64): 768 standard, 1024 HD. */
export const EMOJI_RENDER_SIDE: Readonly<Record<QualityTier, number>> = { standard: 768, hd: 1024 };

export function emojiQualityProfile(request: EmojiRequest, tier: QualityTier): QualityProfile {
  const side = EMOJI_RENDER_SIDE[tier];
  return { ...EMOJI_SAMPLING[request.preset][tier], width: side, height: side };
}
