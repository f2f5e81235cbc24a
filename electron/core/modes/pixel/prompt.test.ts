import { describe, expect, it } from 'vitest';
import { ANIMATION_TYPES, ASSET_CATEGORIES, PIXEL_ERAS, PIXEL_SPEC, type PixelControls } from '../../../../shared/mode-specs/pixel';
import {
  BACKGROUND_TOKENS,
  CATEGORY_TOKENS,
  ERA_TOKENS,
  OUTLINE_TOKENS,
  PRESET_TOKENS,
  buildPixelPrompt,
  dedupeTokens,
  toolTokens,
} from './prompt';
import { pixelRequest } from './test-support';

const FULL = { compact: false } as const;
const COMPACT = { compact: true } as const;

function tokensOf(prompt: string): string[] {
  return prompt.split(', ');
}

describe('buildPixelPrompt (full)', () => {
  it('builds the default request in a fixed order: user words, lead, palette, outline, background, finish', () => {
    expect(buildPixelPrompt(pixelRequest(), 'a rusty iron sword', FULL)).toBe(
      'a rusty iron sword, pixel art, 64x64 sprite resolution, limited 16 color palette, thin 1px dark outline, single isolated subject, plain flat white background, crisp hard pixel edges, clean pixel grid, no anti-aliasing',
    );
  });

  it.each<[string, Parameters<typeof pixelRequest>[0], ReadonlyArray<string>]>([
    ['the preset tokens', { preset: 'rpg_icon' }, ['rpg item icon', 'inventory sprite', 'single centered item', 'flat shading']],
    ['the chibi preset', { preset: 'chibi' }, ['chibi character', 'super-deformed proportions']],
    ['the NES era', { controls: { pixelEra: 'nes' } }, ['8-bit NES style', 'NES color palette']],
    ['the Game Boy era', { controls: { pixelEra: 'gameboy' } }, ['Game Boy style', '4-shade green monochrome']],
    ['the weapon category', { controls: { assetCategory: 'weapon' } }, ['weapon', 'single weapon']],
    ['the gem category', { controls: { assetCategory: 'gem' } }, ['gemstone', 'faceted crystal']],
    ['palette 4', { controls: { paletteSize: 4 } }, ['limited 4 color palette']],
    ['palette 256', { controls: { paletteSize: 256 } }, ['limited 256 color palette']],
    ['a bold outline', { controls: { outlineStyle: 'bold' } }, ['bold thick dark outline']],
    ['a glow outline', { controls: { outlineStyle: 'glow' } }, ['glowing outline', 'soft outer glow']],
    ['no outline', { controls: { outlineStyle: 'none' } }, ['lineless', 'shapes defined by color alone']],
    ['a dark background', { controls: { backgroundMode: 'dark' } }, ['plain flat dark background']],
    ['a scene background', { controls: { backgroundMode: 'scene' } }, ['detailed environment background']],
    ['the size', { size: 128 }, ['128x128 sprite resolution']],
    ['the animate tool', { tool: 'animate', controls: { animationType: 'walk' } }, ['single animation frame', 'walk cycle pose', 'mid-stride']],
    ['the scene tool', { tool: 'scene' }, ['game environment scene', 'cohesive level art']],
    ['rotate in 4 directions', { tool: 'rotate', inputAssetId: 'a' }, ['character turnaround', '4 facing directions', 'front view', 'left view']],
    ['rotate in 8 directions', { tool: 'rotate', inputAssetId: 'a', controls: { rotateDirections: 8 } }, ['8 facing directions', 'diagonal views']],
    ['the inpaint tool', { tool: 'inpaint', inputAssetId: 'a', maskPngBase64: 'iVBORw0KGgoAAAA' }, ['seamless edit']],
  ])('includes %s', (_name, overrides, expected) => {
    const tokens = tokensOf(buildPixelPrompt(pixelRequest(overrides), 'a hero', FULL));
    for (const token of expected) expect(tokens).toContain(token);
  });

  it.each<[string, Parameters<typeof pixelRequest>[0], ReadonlyArray<string>]>([
    ['a transparent-background sprite', {}, ['transparent background', 'checkerboard']],
    ['the raw preset', { preset: 'raw' }, ['rpg item icon', 'sprite sheet', 'chibi character']],
    ['no era', {}, ['NES', 'SNES', 'Game Boy']],
    ['rotate in 4 directions', { tool: 'rotate', inputAssetId: 'a' }, ['diagonal views']],
    ['a tileset', { preset: 'tileset' }, ['plain flat white background', 'single isolated subject']],
    ['the scene tool', { tool: 'scene' }, ['plain flat white background']],
  ])('leaves out what does not belong to %s', (_name, overrides, absent) => {
    const prompt = buildPixelPrompt(pixelRequest(overrides), 'a hero', FULL);
    for (const text of absent) expect(prompt).not.toContain(text);
  });

  it('asks tiles and scenes to fill the frame instead of sitting on a background', () => {
    for (const overrides of [{ preset: 'tileset' as const }, { preset: 'nature_tile' as const }, { tool: 'scene' as const }]) {
      expect(tokensOf(buildPixelPrompt(pixelRequest(overrides), 'grass', FULL))).toContain('fills the whole frame edge to edge');
    }
  });

  it('puts the user words first so a length cut only drops style tokens', () => {
    const prompt = buildPixelPrompt(pixelRequest({ preset: 'portrait', controls: { pixelEra: 'snes' } }), 'old dwarf, braided beard', FULL);
    expect(prompt.startsWith('old dwarf, braided beard, pixel art, ')).toBe(true);
  });

  it('never repeats a token, whatever the user typed', () => {
    const prompt = buildPixelPrompt(
      pixelRequest({ preset: 'weapon_icon', controls: { assetCategory: 'weapon' } }),
      'Pixel Art, weapon,  pixel   art , Single Weapon, crisp hard pixel edges',
      FULL,
    );
    const keys = tokensOf(prompt).map((token) => token.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(prompt.startsWith('Pixel Art, weapon, Single Weapon, crisp hard pixel edges, 64x64 sprite resolution, weapon sprite')).toBe(true);
  });

  it('is deterministic', () => {
    const request = pixelRequest({ preset: 'horror', controls: { pixelEra: 'gba', assetCategory: 'monster', outlineStyle: 'glow' } });
    expect(buildPixelPrompt(request, 'ghoul', FULL)).toBe(buildPixelPrompt(request, 'ghoul', FULL));
  });

  it('has tokens for every preset but raw, every era but none and every category but none', () => {
    for (const preset of PIXEL_SPEC.presets) expect(PRESET_TOKENS[preset.id].length > 0, preset.id).toBe(preset.id !== 'raw');
    for (const era of PIXEL_ERAS) expect(ERA_TOKENS[era].length > 0, era).toBe(era !== 'none');
    for (const category of ASSET_CATEGORIES) expect(CATEGORY_TOKENS[category].length > 0, category).toBe(category !== 'none');
  });

  it('has no commas inside its own tokens (joining and splitting must agree)', () => {
    const tables = [PRESET_TOKENS, CATEGORY_TOKENS, ERA_TOKENS, OUTLINE_TOKENS, BACKGROUND_TOKENS];
    const own = tables.flatMap((table) => Object.values(table).flat());
    for (const type of ANIMATION_TYPES) own.push(...toolTokens({ tool: 'animate', controls: { animationType: type } as PixelControls }));
    for (const directions of [4, 8] as const) own.push(...toolTokens({ tool: 'rotate', controls: { rotateDirections: directions } as PixelControls }));
    for (const token of own) expect(token, token).not.toMatch(/,/);
  });
});

describe('buildPixelPrompt (compact)', () => {
  it('keeps the user words and the tokens that matter most, and is much shorter', () => {
    const request = pixelRequest({ preset: 'rpg_icon', controls: { pixelEra: 'snes', assetCategory: 'consumable', outlineStyle: 'bold' } });
    const compact = buildPixelPrompt(request, 'health potion', COMPACT);
    expect(compact).toBe('health potion, pixel art, rpg item icon, 16-bit SNES style, limited 16 color palette, plain flat white background');
    expect(compact.length).toBeLessThan(buildPixelPrompt(request, 'health potion', FULL).length / 2);
  });

  it('fits a 200-character provider with a typical prompt', () => {
    const request = pixelRequest({ tool: 'animate', preset: 'animated_effect', controls: { pixelEra: 'gameboy', animationType: 'explosion' } });
    const compact = buildPixelPrompt(request, 'fireball exploding into sparks', COMPACT);
    expect(compact.length).toBeLessThanOrEqual(200);
    expect(tokensOf(compact)).toEqual([
      'fireball exploding into sparks',
      'pixel art',
      'pixel effect',
      'single animation frame',
      'Game Boy style',
      'limited 16 color palette',
      'plain flat white background',
    ]);
  });

  it('also never repeats a token', () => {
    const compact = buildPixelPrompt(pixelRequest(), 'pixel art, limited 16 color palette, knight', COMPACT);
    expect(compact).toBe('pixel art, limited 16 color palette, knight, plain flat white background');
  });
});

describe('dedupeTokens', () => {
  it('keeps the first spelling and drops later ones regardless of case', () => {
    expect(dedupeTokens(['Pixel Art', 'sword', 'pixel art', 'SWORD', 'shield'])).toEqual(['Pixel Art', 'sword', 'shield']);
  });
});
