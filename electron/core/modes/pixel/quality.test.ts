import { describe, expect, it } from 'vitest';
import { PIXEL_SPEC, type PixelPreset } from '../../../../shared/mode-specs/pixel';
import { HD_MAX_STEPS, PRESET_QUALITY, qualityProfile, renderSize } from './quality';
import { pixelRequest } from './test-support';

describe('qualityProfile', () => {
  it.each<[PixelPreset, number, number]>([
    ['portrait', 30, 8.5],
    ['chibi', 28, 8.0],
    ['character_idle', 28, 8.0],
    ['character_side', 28, 8.0],
    ['isometric', 28, 8.5],
    ['top_down_char', 25, 7.5],
    ['sprite_sheet', 25, 7.5],
    ['horror', 22, 7.5],
    ['sci_fi', 22, 7.5],
    ['rpg_icon', 20, 7.5],
    ['weapon_icon', 20, 7.5],
    ['tileset', 20, 7.0],
    ['nature_tile', 20, 7.0],
    ['raw', 20, 7.5],
    ['badge_icon', 18, 7.0],
    ['emoji', 18, 7.0],
    ['game_ui', 18, 7.0],
    ['animated_effect', 18, 6.5],
  ])('%s: %i steps, guidance %d on standard at 512 px', (preset, steps, guidance) => {
    expect(qualityProfile(pixelRequest({ preset }), 'standard')).toEqual({
      steps,
      guidance,
      width: 512,
      height: 512,
      sampler: 'euler',
      scheduler: 'normal',
    });
  });

  it.each<[PixelPreset, number]>([
    ['portrait', 45],
    ['character_idle', 42],
    ['raw', 30],
    ['animated_effect', 27],
  ])('%s on HD: %i steps at 1024 px with DPM++ 2M Karras', (preset, steps) => {
    const profile = qualityProfile(pixelRequest({ preset }), 'hd');
    expect(profile).toEqual({ steps, guidance: PRESET_QUALITY[preset].guidance, width: 1024, height: 1024, sampler: 'dpmpp_2m', scheduler: 'karras' });
  });

  it('raises steps on HD for every preset, never past the cap', () => {
    for (const { id } of PIXEL_SPEC.presets) {
      const standard = qualityProfile(pixelRequest({ preset: id }), 'standard');
      const hd = qualityProfile(pixelRequest({ preset: id }), 'hd');
      expect(hd.steps, id).toBeGreaterThan(standard.steps);
      expect(hd.steps, id).toBeLessThanOrEqual(HD_MAX_STEPS);
    }
  });

  it('renders at the same model-friendly size whatever the target (post-processing scales down)', () => {
    for (const size of [32, 64, 100, 256, 512]) {
      expect(qualityProfile(pixelRequest({ size }), 'standard').width).toBe(512);
      expect(qualityProfile(pixelRequest({ size }), 'hd').height).toBe(1024);
    }
  });
});

describe('renderSize', () => {
  it('is the tier base, never below the target, and a multiple of 64', () => {
    expect(renderSize(64, 'standard')).toBe(512);
    expect(renderSize(512, 'standard')).toBe(512);
    expect(renderSize(600, 'standard')).toBe(640);
    expect(renderSize(64, 'hd')).toBe(1024);
    for (const size of [1, 33, 500, 513, 1000, 1100]) {
      for (const tier of ['standard', 'hd'] as const) {
        const side = renderSize(size, tier);
        expect(side % 64).toBe(0);
        expect(side).toBeGreaterThanOrEqual(size);
      }
    }
  });

  it('divides evenly into every quick-pick size', () => {
    for (const size of PIXEL_SPEC.sizes.choices) expect(renderSize(size, 'standard') % size).toBe(0);
  });
});
