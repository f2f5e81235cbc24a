/**
 * Batch variants for Business: slot 1 composition, slot 2 lighting/mood, slot 3 detail and
 * colour, worded per preset family (a monochrome image cannot take "another colour palette").
 * Two tools override: a logo varies its construction, and a brand kit's slots are its parts.
 */
import type { BusinessRequest } from '../../../../shared/mode-specs/business';
import { type BusinessFamily, BUSINESS_PRESET_STYLES } from './presets';

type Slot = 1 | 2 | 3;

export const BUSINESS_VARIANTS: Readonly<Record<BusinessFamily, Readonly<Record<Slot, string>>>> = {
  graphic: {
    1: 'alternate composition, shapes rearranged, same visual language',
    2: 'alternate mood, stronger contrast between figure and ground',
    3: 'alternate colour palette, refined detail, same design',
  },
  mono: {
    1: 'alternate composition, different framing, same editorial style',
    2: 'alternate lighting, deeper shadows and brighter highlights',
    3: 'alternate tonal balance, finer detail, still strictly black and white',
  },
  corporate: {
    1: 'alternate layout, balanced asymmetric composition',
    2: 'alternate mood, softer lighting, calmer atmosphere',
    3: 'alternate accent colour, same restrained palette',
  },
  photo: {
    1: 'alternate camera angle and framing, same scene',
    2: 'alternate lighting, golden hour warmth',
    3: 'alternate colour grade, richer detail in the subject',
  },
  tech: {
    1: 'alternate composition, different perspective on the same elements',
    2: 'alternate glow, cooler lighting, deeper shadows',
    3: 'alternate accent colour, denser fine digital detail',
  },
};

/** A logo's "composition" is how the mark is built, not a camera angle. */
const LOGO_SLOT_1 = 'alternate mark construction, same concept, still centred on a square';

/** The brand kit's parts 1–3 (BRAND_KIT_PARTS; slot 0 is the icon); each keeps the one brand mark. */
const BRAND_KIT_WORDING: Readonly<Record<Slot, string>> = {
  1: 'wide header banner featuring the same brand mark, horizontal composition, calm space around it',
  2: 'social profile image of the same brand mark, centred, safe inside a circular crop',
  3: 'Open Graph link preview image with the same brand mark, left third calm and clear for text',
};

export function businessVariantMutation(request: BusinessRequest, slot: Slot): string {
  if (request.tool === 'brand-kit') return BRAND_KIT_WORDING[slot];
  if (request.tool === 'logo' && slot === 1) return LOGO_SLOT_1;
  return BUSINESS_VARIANTS[BUSINESS_PRESET_STYLES[request.preset].family][slot];
}
