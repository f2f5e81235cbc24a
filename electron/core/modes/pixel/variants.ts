/**
 * Batch variants: slot 0 is the canonical prompt; slots 1–3 append a mutation so a batch of four
 * gives four different pictures instead of four near-copies. Slot 1 changes perspective or pose,
 * slot 2 lighting or mood, slot 3 detail density or colour — worded for the preset's family.
 *
 * Families follow the seed (lib/variant-builder.ts), with three changes:
 * - the mutations keep to their slot's meaning (the seed's item slot 2 was "battle-worn", its tile
 *   slot 2 "wet mossy"; neither is lighting);
 * - tiles never change perspective in slot 1: a tile seen from another angle no longer tiles;
 * - style presets (sci_fi, horror, raw) say nothing about the subject, so their family comes from
 *   the asset category when one is set (a horror *weapon* varies like an item), else DEFAULT.
 *   The seed filed horror under characters and sci_fi under items; emoji, a face, is a portrait.
 */
import type { AssetCategory, PixelPreset, PixelRequest } from '../../../../shared/mode-specs/pixel';

export type PresetFamily = 'CHARACTER' | 'ITEM' | 'TILE' | 'EFFECT' | 'UI' | 'PORTRAIT' | 'DEFAULT';

type Mutations = readonly [slot1: string, slot2: string, slot3: string];

export const FAMILY_MUTATIONS: Readonly<Record<PresetFamily, Mutations>> = {
  CHARACTER: ['dynamic action pose, slight three-quarter angle', 'dramatic side lighting, moody atmosphere', 'alternate color palette, same character design'],
  ITEM: ['alternate viewing angle, rotated slightly', 'warm torchlight glow, darker mood', 'ornate enchanted version, richer detail and colors'],
  TILE: ['alternate arrangement of the same pattern, same projection', 'dim dungeon lighting, damp mossy mood', 'worn cracked variant, alternate color palette'],
  EFFECT: ['burst at peak intensity, wider spread', 'dissipating fade-out, cooler glow', 'denser particles, alternate color scheme'],
  UI: ['hover state, slightly highlighted', 'pressed state, inset shading', 'disabled state, muted colors'],
  PORTRAIT: ['different expression, head turned slightly', 'alternate lighting direction, same face', 'warm versus cool color mood'],
  DEFAULT: ['slightly different angle', 'alternate mood lighting', 'alternate color palette, different detail density'],
};

/** The scene tool's slot 1: a wider view of the same place (a pose means nothing to a scene). */
export const SCENE_SLOT1_MUTATION = 'wider environmental view, same style';

const PRESET_FAMILIES: Readonly<Record<PixelPreset, PresetFamily>> = {
  character_idle: 'CHARACTER',
  character_side: 'CHARACTER',
  top_down_char: 'CHARACTER',
  chibi: 'CHARACTER',
  sprite_sheet: 'CHARACTER',
  rpg_icon: 'ITEM',
  weapon_icon: 'ITEM',
  badge_icon: 'ITEM',
  tileset: 'TILE',
  nature_tile: 'TILE',
  isometric: 'TILE',
  animated_effect: 'EFFECT',
  game_ui: 'UI',
  portrait: 'PORTRAIT',
  emoji: 'PORTRAIT',
  sci_fi: 'DEFAULT',
  horror: 'DEFAULT',
  raw: 'DEFAULT',
};

const CATEGORY_FAMILIES: Readonly<Record<AssetCategory, PresetFamily>> = {
  weapon: 'ITEM',
  armor: 'ITEM',
  consumable: 'ITEM',
  gem: 'ITEM',
  container: 'ITEM',
  vehicle: 'ITEM',
  character: 'CHARACTER',
  monster: 'CHARACTER',
  structure: 'TILE',
  nature: 'TILE',
  tile: 'TILE',
  effect: 'EFFECT',
  ui: 'UI',
  portrait: 'PORTRAIT',
  none: 'DEFAULT',
};

export function presetFamily(preset: PixelPreset): PresetFamily {
  return PRESET_FAMILIES[preset];
}

/** The preset's family, or for style presets (DEFAULT) the asset category's. */
export function requestFamily(request: Pick<PixelRequest, 'preset' | 'controls'>): PresetFamily {
  const family = presetFamily(request.preset);
  return family === 'DEFAULT' ? CATEGORY_FAMILIES[request.controls.assetCategory] : family;
}

export function variantMutation(request: Pick<PixelRequest, 'tool' | 'preset' | 'controls'>, slot: 1 | 2 | 3): string {
  if (slot === 1 && request.tool === 'scene') return SCENE_SLOT1_MUTATION;
  const index = (slot - 1) as 0 | 1 | 2;
  return FAMILY_MUTATIONS[requestFamily(request)][index];
}
