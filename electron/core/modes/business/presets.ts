/**
 * What each Business style preset adds to the prompt and the negative prompt. The studio-facing
 * labels live in shared/mode-specs/business.ts; the tokens are the core's business.
 */
import type { BusinessPreset } from '../../../../shared/mode-specs/business';

/** Presets that vary the same way in a batch (see variants.ts). */
export type BusinessFamily = 'graphic' | 'mono' | 'corporate' | 'photo' | 'tech';

export interface BusinessPresetStyle {
  readonly tokens: ReadonlyArray<string>;
  readonly negTokens: ReadonlyArray<string>;
  /**
   * Global negatives this style needs (the seed sent "dark background" as a negative with its
   * own Tech Dark preset asking for one); they are dropped from the global bank for it.
   */
  readonly lifts: ReadonlyArray<string>;
  readonly family: BusinessFamily;
  /** What a logo sits on in this style. */
  readonly logoGround: string;
}

export const BUSINESS_PRESET_STYLES: Readonly<Record<BusinessPreset, BusinessPresetStyle>> = {
  minimal_flat: {
    tokens: ['minimal flat design', 'clean lines', 'simple geometric shapes', 'generous white space', 'limited colour palette'],
    negTokens: ['busy', 'cluttered', 'gradients', 'drop shadows', 'photorealistic', 'texture'],
    lifts: [],
    family: 'graphic',
    logoGround: 'plain white background',
  },
  bold_geometric: {
    tokens: ['bold geometric shapes', 'strong graphic composition', 'high contrast', 'poster design', 'limited palette'],
    negTokens: ['organic shapes', 'soft pastel', 'low contrast', 'delicate lines', 'photorealistic'],
    lifts: [],
    family: 'graphic',
    logoGround: 'plain white background',
  },
  corporate_clean: {
    tokens: ['corporate design', 'polished', 'restrained colour palette', 'executive aesthetic', 'professional visual identity'],
    negTokens: ['playful', 'cartoon', 'garish colours', 'grunge', 'handwritten'],
    lifts: [],
    family: 'corporate',
    logoGround: 'plain white background',
  },
  photography_overlay: {
    tokens: ['atmospheric photography', 'natural light', 'shallow depth of field', 'editorial photo', 'calm negative space'],
    negTokens: ['illustration', 'cartoon', 'flat vector', 'clip art', 'oversaturated', 'HDR'],
    lifts: [],
    family: 'photo',
    logoGround: 'plain neutral background',
  },
  monochrome: {
    tokens: ['black and white', 'monochrome', 'high contrast greyscale', 'editorial design', 'strong tonal range'],
    negTokens: ['colour', 'colorful', 'colour tint', 'sepia', 'muddy greys'],
    lifts: [],
    family: 'mono',
    logoGround: 'plain white background',
  },
  gradient_modern: {
    tokens: ['smooth vibrant gradient', 'contemporary design', 'fluid colour transitions', 'modern brand aesthetic'],
    negTokens: ['flat dull colours', 'monochrome', 'banding', 'muddy colours', 'harsh edges'],
    lifts: [],
    family: 'graphic',
    logoGround: 'plain white background',
  },
  tech_dark: {
    tokens: ['dark background', 'sleek tech aesthetic', 'subtle glow', 'deep navy and charcoal', 'precise digital details'],
    negTokens: ['bright background', 'white background', 'pastel', 'cartoon', 'rustic'],
    lifts: ['dark background'],
    family: 'tech',
    logoGround: 'plain dark background',
  },
  warm_brand: {
    tokens: ['warm colour palette', 'organic shapes', 'friendly', 'approachable', 'inviting brand identity'],
    negTokens: ['cold colours', 'sterile', 'harsh geometry', 'dark and moody', 'clinical'],
    lifts: [],
    family: 'corporate',
    logoGround: 'plain warm off-white background',
  },
};
