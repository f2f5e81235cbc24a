import { describe, expect, it } from 'vitest';
import { PIXEL_SPEC } from '../../../../shared/mode-specs/pixel';
import { GLOBAL_PIXEL_NEGATIVES, PRESET_NEGATIVES, TOOL_NEGATIVES, mergeTerms, negativeBank } from './negatives';
import { pixelRequest } from './test-support';

const lower = (terms: ReadonlyArray<string>) => terms.map((term) => term.toLowerCase());

describe('negative banks', () => {
  it('has the 24 global terms of the seed, softness first', () => {
    expect(GLOBAL_PIXEL_NEGATIVES).toHaveLength(24);
    expect(GLOBAL_PIXEL_NEGATIVES.slice(0, 3)).toEqual(['blurry', 'anti-aliasing', 'soft edges']);
    expect(GLOBAL_PIXEL_NEGATIVES).toEqual(expect.arrayContaining(['3D render', 'photorealistic', 'watermark', 'jpeg artifacts', 'noise']));
  });

  it('has a bank for every tool and every preset except raw', () => {
    for (const tool of PIXEL_SPEC.tools) expect(TOOL_NEGATIVES[tool.id].length, tool.id).toBeGreaterThan(0);
    const withBank = Object.keys(PRESET_NEGATIVES).sort();
    const expected = PIXEL_SPEC.presets.map((preset) => preset.id).filter((id) => id !== 'raw').sort();
    expect(withBank).toEqual(expected);
    expect(withBank).toHaveLength(17);
  });

  it('never tells an animation frame to avoid being a single frame (the seed did)', () => {
    expect(lower(TOOL_NEGATIVES.animate)).not.toContain('single frame');
    expect(lower(TOOL_NEGATIVES.animate)).not.toContain('static image');
  });

  it('has no commas inside a term (the pipeline splits on them)', () => {
    const all = [...GLOBAL_PIXEL_NEGATIVES, ...Object.values(TOOL_NEGATIVES).flat(), ...Object.values(PRESET_NEGATIVES).flat()];
    for (const term of all) expect(term, term).not.toMatch(/[,;\n]/);
  });
});

describe('negativeBank', () => {
  it('is global, then tool, then preset, in that order', () => {
    const bank = negativeBank(pixelRequest({ tool: 'generate', preset: 'character_idle' }));
    expect(bank.slice(0, 24)).toEqual(GLOBAL_PIXEL_NEGATIVES);
    expect(bank.slice(24, 28)).toEqual(['motion blur', 'floating limbs', 'multiple poses', 'busy background']);
    expect(bank.slice(28)).toEqual(['side view', 'back view', 'multiple characters', 'running', 'jumping', 'aggressive pose']);
  });

  it('adds no preset terms for raw', () => {
    expect(negativeBank(pixelRequest({ tool: 'scene', preset: 'raw' }))).toEqual([...GLOBAL_PIXEL_NEGATIVES, ...TOOL_NEGATIVES.scene]);
  });

  it('de-duplicates without regard to case, keeping the first occurrence', () => {
    // isometric repeats "perspective inconsistency" from the scene tool's bank.
    const bank = negativeBank(pixelRequest({ tool: 'scene', preset: 'isometric' }));
    const keys = lower(bank);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => key === 'perspective inconsistency')).toHaveLength(1);
    expect(keys.indexOf('perspective inconsistency')).toBe(24 + TOOL_NEGATIVES.scene.indexOf('perspective inconsistency'));
    // "motion blur" is in both generate's and animate's bank but once in each request.
    const animate = lower(negativeBank(pixelRequest({ tool: 'animate', preset: 'animated_effect' })));
    expect(animate.filter((key) => key === 'motion blur')).toHaveLength(1);
  });

  it('merges lists case-insensitively, keeping the first spelling and order', () => {
    expect(mergeTerms([['Blurry', '3D render'], ['blurry', ' 3d RENDER ', 'text'], ['TEXT', 'noise']])).toEqual(['Blurry', '3D render', 'text', 'noise']);
    expect(mergeTerms([['a', ' ', ''], ['b']], (term) => term === 'b')).toEqual(['a']);
  });

  it.each<[string, Parameters<typeof pixelRequest>[0], string]>([
    ['a scene background drops background negatives', { preset: 'rpg_icon', controls: { backgroundMode: 'scene' } }, 'background scene'],
    ['a scene background drops the generate tool\'s busy background', { controls: { backgroundMode: 'scene' } }, 'busy background'],
    ['a dark background drops "solid background"', { preset: 'animated_effect', controls: { backgroundMode: 'dark' } }, 'solid background'],
    ['a sprite sheet drops "multiple poses"', { preset: 'sprite_sheet' }, 'multiple poses'],
    ['a character category drops "character"', { preset: 'rpg_icon', controls: { assetCategory: 'character' } }, 'character'],
    ['a monster category drops "characters"', { preset: 'tileset', controls: { assetCategory: 'monster' } }, 'characters'],
    ['a weapon category drops "weapons"', { preset: 'tileset', controls: { assetCategory: 'weapon' } }, 'weapons'],
  ])('drops what the request asks for: %s', (_name, overrides, term) => {
    expect(negativeBank(pixelRequest(overrides))).not.toContain(term);
  });

  it.each<[string, Parameters<typeof pixelRequest>[0], string]>([
    ['a transparent icon keeps "background scene"', { preset: 'rpg_icon' }, 'background scene'],
    ['a transparent effect keeps "solid background"', { preset: 'animated_effect' }, 'solid background'],
    ['a character sheet keeps "multiple characters"', { preset: 'character_idle', controls: { assetCategory: 'character' } }, 'multiple characters'],
    ['a dark emoji keeps "complex background"', { preset: 'emoji', controls: { backgroundMode: 'dark' } }, 'complex background'],
  ])('keeps the rest: %s', (_name, overrides, term) => {
    expect(negativeBank(pixelRequest(overrides))).toContain(term);
  });
});
