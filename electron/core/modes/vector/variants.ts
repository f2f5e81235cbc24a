/**
 * Batch variants for vector art. Slot 1 varies the composition (an icon's metaphor, an
 * illustration's viewpoint), slot 2 the visual weight/mood for the style's family, slot 3 the
 * detail or colour for the colour mode. Every mutation keeps the style and the flat look.
 */
import type { VectorColourMode, VectorPreset, VectorRequest, VectorTool } from '../../../../shared/mode-specs/vector';

export type VectorFamily = 'line' | 'solid' | 'geometric';

export const PRESET_FAMILY: Readonly<Record<VectorPreset, VectorFamily>> = {
  outline: 'line',
  rounded: 'line',
  filled: 'solid',
  sharp: 'geometric',
};

export const COMPOSITION_MUTATIONS: Readonly<Record<VectorTool, string>> = {
  icon: 'alternative visual metaphor for the same idea, same style',
  illustration: 'different viewpoint on the same subject, same style',
};

export const WEIGHT_MUTATIONS: Readonly<Record<VectorFamily, string>> = {
  line: 'lighter airier linework with more open space',
  solid: 'bolder chunkier silhouette with stronger negative space',
  geometric: 'more dynamic angular composition with strong diagonals',
};

export const DETAIL_MUTATIONS: Readonly<Record<VectorColourMode, string>> = {
  mono: 'fewer details and simpler shapes',
  duotone: 'swap the two colours and simplify the details',
  full: 'alternate flat colour palette with the same shapes',
};

export function vectorVariantMutation(request: VectorRequest, slot: 1 | 2 | 3): string {
  switch (slot) {
    case 1:
      return COMPOSITION_MUTATIONS[request.tool];
    case 2:
      return WEIGHT_MUTATIONS[PRESET_FAMILY[request.preset]];
    case 3:
      return DETAIL_MUTATIONS[request.controls.colourMode];
  }
}
