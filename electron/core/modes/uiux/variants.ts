/**
 * Batch variants for generated UI. Slot 1 varies the layout (worded per tool), slot 2 the
 * colour and mood (per style family), slot 3 the density (per tool). Each keeps the request's
 * content, framework and style, so the variants compare like for like.
 */
import type { UiuxPreset, UiuxRequest, UiuxTool } from '../../../../shared/mode-specs/uiux';

export type UiuxFamily = 'dark' | 'light' | 'expressive';

export const PRESET_FAMILY: Readonly<Record<UiuxPreset, UiuxFamily>> = {
  saas_dark: 'dark',
  dev_terminal: 'dark',
  light_minimal: 'light',
  corporate_clean: 'light',
  bold_startup: 'expressive',
  warm_brand: 'expressive',
  brutalist: 'expressive',
  glassmorphism: 'expressive',
};

export const LAYOUT_MUTATIONS: Readonly<Record<UiuxTool, string>> = {
  section: 'Variation: a different layout for the same content, e.g. split or asymmetric instead of centred.',
  component: 'Variation: a different arrangement of the same parts, e.g. horizontal instead of stacked.',
  page: 'Variation: a different page structure, with the sections reordered or regrouped.',
};

export const MOOD_MUTATIONS: Readonly<Record<UiuxFamily, string>> = {
  dark: 'Variation: a different accent colour and a moodier contrast within the same dark style.',
  light: 'Variation: a warmer or cooler neutral palette with a different accent, same light style.',
  expressive: 'Variation: a bolder alternative palette with a different accent, same style.',
};

export const DENSITY_MUTATIONS: Readonly<Record<UiuxTool, string>> = {
  section: 'Variation: denser, with tighter spacing and more items per row.',
  component: 'Variation: a compact density, with smaller padding and type.',
  page: 'Variation: denser, with a tighter vertical rhythm and more information above the fold.',
};

export function uiuxVariantMutation(request: UiuxRequest, slot: 1 | 2 | 3): string {
  switch (slot) {
    case 1:
      return LAYOUT_MUTATIONS[request.tool];
    case 2:
      return MOOD_MUTATIONS[PRESET_FAMILY[request.preset]];
    case 3:
      return DENSITY_MUTATIONS[request.tool];
  }
}
