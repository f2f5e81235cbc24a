import { describe, expect, it } from 'vitest';
import { PIXEL_SPEC, type AssetCategory, type PixelPreset } from '../../../../shared/mode-specs/pixel';
import { FAMILY_MUTATIONS, SCENE_SLOT1_MUTATION, presetFamily, requestFamily, variantMutation, type PresetFamily } from './variants';
import { pixelRequest } from './test-support';

describe('presetFamily', () => {
  it.each<[PixelPreset, PresetFamily]>([
    ['character_idle', 'CHARACTER'],
    ['character_side', 'CHARACTER'],
    ['top_down_char', 'CHARACTER'],
    ['chibi', 'CHARACTER'],
    ['sprite_sheet', 'CHARACTER'],
    ['rpg_icon', 'ITEM'],
    ['weapon_icon', 'ITEM'],
    ['badge_icon', 'ITEM'],
    ['tileset', 'TILE'],
    ['nature_tile', 'TILE'],
    ['isometric', 'TILE'],
    ['animated_effect', 'EFFECT'],
    ['game_ui', 'UI'],
    ['portrait', 'PORTRAIT'],
    ['emoji', 'PORTRAIT'],
    ['sci_fi', 'DEFAULT'],
    ['horror', 'DEFAULT'],
    ['raw', 'DEFAULT'],
  ])('%s → %s', (preset, family) => {
    expect(presetFamily(preset)).toBe(family);
  });

  it('covers all 18 presets', () => {
    for (const { id } of PIXEL_SPEC.presets) expect(FAMILY_MUTATIONS[presetFamily(id)]).toHaveLength(3);
  });
});

describe('requestFamily', () => {
  it.each<[PixelPreset, AssetCategory, PresetFamily]>([
    ['horror', 'weapon', 'ITEM'],
    ['sci_fi', 'monster', 'CHARACTER'],
    ['raw', 'structure', 'TILE'],
    ['raw', 'effect', 'EFFECT'],
    ['raw', 'ui', 'UI'],
    ['raw', 'portrait', 'PORTRAIT'],
    ['raw', 'none', 'DEFAULT'],
    // A subject preset keeps its own family whatever the category says.
    ['tileset', 'weapon', 'TILE'],
    ['portrait', 'character', 'PORTRAIT'],
  ])('%s with category %s → %s', (preset, assetCategory, family) => {
    expect(requestFamily(pixelRequest({ preset, controls: { assetCategory } }))).toBe(family);
  });
});

describe('variantMutation', () => {
  it.each<[PixelPreset, 1 | 2 | 3, string]>([
    ['character_idle', 1, 'dynamic action pose, slight three-quarter angle'],
    ['character_idle', 2, 'dramatic side lighting, moody atmosphere'],
    ['character_idle', 3, 'alternate color palette, same character design'],
    ['rpg_icon', 1, 'alternate viewing angle, rotated slightly'],
    ['weapon_icon', 2, 'warm torchlight glow, darker mood'],
    ['badge_icon', 3, 'ornate enchanted version, richer detail and colors'],
    ['tileset', 1, 'alternate arrangement of the same pattern, same projection'],
    ['nature_tile', 3, 'worn cracked variant, alternate color palette'],
    ['animated_effect', 1, 'burst at peak intensity, wider spread'],
    ['game_ui', 1, 'hover state, slightly highlighted'],
    ['game_ui', 2, 'pressed state, inset shading'],
    ['game_ui', 3, 'disabled state, muted colors'],
    ['portrait', 1, 'different expression, head turned slightly'],
    ['emoji', 2, 'alternate lighting direction, same face'],
    ['raw', 1, 'slightly different angle'],
    ['raw', 2, 'alternate mood lighting'],
    ['raw', 3, 'alternate color palette, different detail density'],
  ])('%s slot %i → %s', (preset, slot, mutation) => {
    expect(variantMutation(pixelRequest({ preset }), slot)).toBe(mutation);
  });

  it('gives each slot of a family a different mutation', () => {
    for (const [family, mutations] of Object.entries(FAMILY_MUTATIONS)) expect(new Set(mutations).size, family).toBe(3);
  });

  it('overrides slot 1 on the scene tool, and only slot 1', () => {
    for (const preset of ['tileset', 'raw', 'character_idle'] as const) {
      const request = pixelRequest({ tool: 'scene', preset });
      expect(variantMutation(request, 1)).toBe(SCENE_SLOT1_MUTATION);
      expect(variantMutation(request, 2)).toBe(FAMILY_MUTATIONS[presetFamily(preset)][1]);
      expect(variantMutation(request, 3)).toBe(FAMILY_MUTATIONS[presetFamily(preset)][2]);
    }
    expect(variantMutation(pixelRequest({ tool: 'generate', preset: 'tileset' }), 1)).not.toBe(SCENE_SLOT1_MUTATION);
  });

  it('never changes a tile\'s projection in slot 1 (a tile seen from another angle no longer tiles)', () => {
    expect(FAMILY_MUTATIONS.TILE[0]).not.toMatch(/angle|view|perspective/);
  });
});
