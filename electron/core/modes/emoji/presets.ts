/**
 * What each Emoji style preset adds to the prompt and the negative prompt, and how it is
 * finished: pixel emoji keep hard edges (no feathered cut-out, nearest-neighbour resize).
 */
import type { EmojiPreset } from '../../../../shared/mode-specs/emoji';

/** Presets that vary the same way in a batch (see variants.ts). */
export type EmojiFamily = 'cartoon' | 'flat' | 'pixel';

export interface EmojiPresetStyle {
  readonly tokens: ReadonlyArray<string>;
  readonly negTokens: ReadonlyArray<string>;
  readonly family: EmojiFamily;
  /** Hard pixel edges: no alpha feathering, nearest-neighbour resize. */
  readonly crisp: boolean;
}

export const EMOJI_PRESET_STYLES: Readonly<Record<EmojiPreset, EmojiPresetStyle>> = {
  expressive: {
    tokens: ['expressive emoji', 'bold dark outline', 'glossy highlights', 'vibrant colours', 'exaggerated features'],
    negTokens: ['dull expression', 'blank face', 'muted colours', 'thin faint lines'],
    family: 'cartoon',
    crisp: false,
  },
  minimal: {
    tokens: ['minimal flat emoji', 'simple shapes', 'two or three flat colours', 'clean outline', 'readable at tiny sizes'],
    negTokens: ['intricate details', 'texture', 'gradients', 'heavy shading', 'glossy highlights'],
    family: 'flat',
    crisp: false,
  },
  blob: {
    tokens: ['round blob character emoji', 'soft squishy shapes', 'smooth shading', 'friendly', 'clean outline'],
    negTokens: ['sharp angles', 'hard edges', 'realistic proportions', 'limbs with joints'],
    family: 'cartoon',
    crisp: false,
  },
  pixel_emoji: {
    tokens: ['pixel art emoji', 'crisp pixel grid', 'limited palette', 'one-pixel dark outline', 'retro'],
    negTokens: ['anti-aliasing', 'smooth gradients', 'soft edges', 'blurry', 'vector art', 'high detail'],
    family: 'pixel',
    crisp: true,
  },
};
