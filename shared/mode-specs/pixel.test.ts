import { describe, expect, it } from 'vitest';
import { MODES } from '../modes';
import {
  ANIMATION_TIMING,
  ANIMATION_TYPES,
  ASSET_CATEGORIES,
  DEFAULT_PIXEL_CONTROLS,
  OUTLINE_STYLES,
  PIXEL_SPEC,
  PixelControlsSchema,
  PixelRequestSchema,
} from './pixel';

const WORKSPACE_ID = '3f0e6c1e-4a5b-4c2d-9e8f-0a1b2c3d4e5f';
const MINIMAL = { workspaceId: WORKSPACE_ID, prompt: 'a sword', mode: 'pixel' } as const;
const JOB_ID = '01956a3b-7c00-7abc-8def-0123456789ab';
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** The issues of a failed parse as [path, message] pairs (fails the test if the parse succeeds). */
function issues(input: unknown): Array<[string, string]> {
  const result = PixelRequestSchema.safeParse(input);
  expect(result.success, 'expected the request to be rejected').toBe(false);
  return (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);
}

describe('PIXEL_SPEC', () => {
  it('declares the five tools with their outputs, batch limits and inputs', () => {
    expect(PIXEL_SPEC.tools.map((tool) => [tool.id, tool.output, tool.maxBatch, tool.input])).toEqual([
      ['generate', 'image', 4, 'none'],
      ['animate', 'gif', 1, 'none'],
      ['scene', 'image', 4, 'none'],
      ['rotate', 'image', 1, 'image'],
      ['inpaint', 'image', 1, 'image+mask'],
    ]);
  });

  it('declares the 18 presets of the seed, each with a label, description and example', () => {
    expect(PIXEL_SPEC.presets.map((preset) => preset.id)).toEqual([
      'rpg_icon', 'character_idle', 'character_side', 'top_down_char', 'isometric', 'chibi', 'sprite_sheet', 'tileset', 'game_ui',
      'portrait', 'nature_tile', 'sci_fi', 'horror', 'animated_effect', 'badge_icon', 'weapon_icon', 'emoji', 'raw',
    ]);
    for (const preset of PIXEL_SPEC.presets) {
      expect(preset.label.length, preset.id).toBeGreaterThan(0);
      expect(preset.description, preset.id).toMatch(/^[A-Z].*\.$/);
      expect(preset.example.length, preset.id).toBeGreaterThan(10);
    }
  });

  it('describes every tool in one sentence', () => {
    for (const tool of PIXEL_SPEC.tools) expect(tool.description, tool.id).toMatch(/^[A-Z][^\n]*\.$/);
  });

  it('has the seed sizes, defaults and HD cost', () => {
    expect(PIXEL_SPEC.sizes).toEqual({ min: 32, max: 512, default: 64, choices: [32, 64, 128, 256, 512] });
    expect(PIXEL_SPEC.hdCreditsPerGeneration).toBe(1);
    expect([PIXEL_SPEC.defaultTool, PIXEL_SPEC.defaultPreset]).toEqual(['generate', 'raw']);
  });

  it('only uses output types the pixel contract declares', () => {
    for (const tool of PIXEL_SPEC.tools) expect(MODES.pixel.outputTypes).toContain(tool.output);
  });

  it('has one outline enum (the seed had two that disagreed)', () => {
    expect(OUTLINE_STYLES).toEqual(['none', 'thin', 'bold', 'glow']);
  });

  it('has a timing for every animation type within the frame limits', () => {
    for (const type of ANIMATION_TYPES) {
      expect(ANIMATION_TIMING[type].frames).toBeGreaterThanOrEqual(2);
      expect(ANIMATION_TIMING[type].frames).toBeLessThanOrEqual(12);
    }
    expect(ANIMATION_TIMING.walk).toEqual({ frames: 8, fps: 12 });
  });
});

describe('PixelControlsSchema', () => {
  it('fills every default from an empty object, matching DEFAULT_PIXEL_CONTROLS', () => {
    expect(PixelControlsSchema.parse({})).toEqual(DEFAULT_PIXEL_CONTROLS);
    expect(DEFAULT_PIXEL_CONTROLS).toEqual({
      assetCategory: 'none',
      pixelEra: 'none',
      backgroundMode: 'transparent',
      outlineStyle: 'thin',
      paletteSize: 16,
      rotateDirections: 4,
      frameCount: 6,
      animationType: 'idle',
    });
  });

  it('accepts every asset category', () => {
    for (const assetCategory of ASSET_CATEGORIES) expect(PixelControlsSchema.parse({ assetCategory }).assetCategory).toBe(assetCategory);
    expect(ASSET_CATEGORIES).toHaveLength(15);
  });

  it.each([
    [{ paletteSize: 12 }, 'paletteSize'],
    [{ outlineStyle: 'soft' }, 'outlineStyle'],
    [{ outlineStyle: 'thick' }, 'outlineStyle'],
    [{ pixelEra: 'n64' }, 'pixelEra'],
    [{ backgroundMode: 'white' }, 'backgroundMode'],
    [{ rotateDirections: 6 }, 'rotateDirections'],
    [{ frameCount: 1 }, 'frameCount'],
    [{ frameCount: 13 }, 'frameCount'],
    [{ frameCount: 2.5 }, 'frameCount'],
    [{ animationType: 'dance' }, 'animationType'],
  ])('rejects %j on %s', (controls, field) => {
    const result = PixelControlsSchema.safeParse(controls);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(result.error?.issues[0]?.message).toMatch(/\.$/);
  });
});

describe('PixelRequestSchema', () => {
  it('fills the defaults of a minimal request', () => {
    expect(PixelRequestSchema.parse(MINIMAL)).toEqual({
      ...MINIMAL,
      negativePrompt: '',
      batch: 1,
      seed: null,
      hd: false,
      tool: 'generate',
      preset: 'raw',
      size: 64,
      controls: DEFAULT_PIXEL_CONTROLS,
    });
  });

  it('fills the missing controls of a partial controls object', () => {
    expect(PixelRequestSchema.parse({ ...MINIMAL, controls: { paletteSize: 4 } }).controls).toEqual({ ...DEFAULT_PIXEL_CONTROLS, paletteSize: 4 });
  });

  it('does not share the default controls object between requests', () => {
    const first = PixelRequestSchema.parse(MINIMAL);
    first.controls.paletteSize = 4;
    expect(PixelRequestSchema.parse(MINIMAL).controls.paletteSize).toBe(16);
    expect(DEFAULT_PIXEL_CONTROLS.paletteSize).toBe(16);
  });

  it('accepts the edges of the size range and every tool with what it needs', () => {
    expect(PixelRequestSchema.parse({ ...MINIMAL, size: 32 }).size).toBe(32);
    expect(PixelRequestSchema.parse({ ...MINIMAL, size: 512 }).size).toBe(512);
    expect(PixelRequestSchema.parse({ ...MINIMAL, tool: 'scene', batch: 4 }).batch).toBe(4);
    expect(PixelRequestSchema.parse({ ...MINIMAL, tool: 'rotate', inputAssetId: 'asset-1' }).tool).toBe('rotate');
    expect(PixelRequestSchema.parse({ ...MINIMAL, tool: 'inpaint', inputAssetId: 'asset-1', maskPngBase64: PNG_BASE64 }).tool).toBe('inpaint');
    // An earlier job's stored mask stands in for a painted one (Retry/Re-run/Remix from any session).
    expect(PixelRequestSchema.parse({ ...MINIMAL, tool: 'inpaint', inputAssetId: 'asset-1', maskFromJobId: JOB_ID }).maskFromJobId).toBe(JOB_ID);
    expect(PixelRequestSchema.parse({ ...MINIMAL, tool: 'animate', size: 256, controls: { frameCount: 12 } }).controls.frameCount).toBe(12);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an unknown tool', { tool: 'upscale' }, 'tool', /pixel tool/],
    ['an unknown preset', { preset: 'vaporwave' }, 'preset', /preset/],
    ['another mode', { mode: 'business' }, 'mode', /pixel mode/],
    ['size 31', { size: 31 }, 'size', /between 32 and 512/],
    ['size 513', { size: 513 }, 'size', /between 32 and 512/],
    ['batch 5', { batch: 5 }, 'batch', /1 to 4/],
    ['batch 2 on rotate', { tool: 'rotate', batch: 2, inputAssetId: 'asset-1' }, 'batch', /Rotate makes one result at a time/],
    ['batch 2 on animate', { tool: 'animate', batch: 2 }, 'batch', /Animate makes one result at a time/],
    ['rotate without an input image', { tool: 'rotate' }, 'inputAssetId', /starts from an image/],
    ['inpaint without an input image', { tool: 'inpaint', maskPngBase64: PNG_BASE64 }, 'inputAssetId', /starts from an image/],
    ['inpaint without a mask', { tool: 'inpaint', inputAssetId: 'asset-1' }, 'maskPngBase64', /needs a mask/],
    ['inpaint with an empty mask', { tool: 'inpaint', inputAssetId: 'asset-1', maskPngBase64: '' }, 'maskPngBase64', /needs a mask/],
    ['a mask that is not a PNG', { tool: 'inpaint', inputAssetId: 'asset-1', maskPngBase64: '/9j/4AAQSkZJRg==' }, 'maskPngBase64', /PNG/],
    ['a mask on generate', { maskPngBase64: PNG_BASE64 }, 'maskPngBase64', /Only the inpaint tool/],
    ['an earlier job’s mask on rotate', { tool: 'rotate', inputAssetId: 'asset-1', maskFromJobId: JOB_ID }, 'maskFromJobId', /Only the inpaint tool/],
    ['a painted mask and an earlier job’s', { tool: 'inpaint', inputAssetId: 'asset-1', maskPngBase64: PNG_BASE64, maskFromJobId: JOB_ID }, 'maskFromJobId', /not both/],
    ['a mask job id that is not an id', { tool: 'inpaint', inputAssetId: 'asset-1', maskFromJobId: '../jobs/x' }, 'maskFromJobId', /id of an earlier job/],
    ['an animation larger than 256', { tool: 'animate', size: 512 }, 'size', /at most 256/],
    ['a bad control', { controls: { paletteSize: 3 } }, 'controls.paletteSize', /Palette size/],
    ['an unknown control', { controls: { dithering: true } }, 'controls', /Unknown controls field: “dithering”\./],
    ['an unknown field', { steps: 40 }, '', /Unknown request field: “steps”\./],
  ])('rejects %s, naming the field', (_name, patch, field, message) => {
    const found = issues({ ...MINIMAL, ...patch });
    expect(found).toHaveLength(1);
    expect(found[0]?.[0]).toBe(field);
    expect(found[0]?.[1]).toMatch(message);
  });

  it('writes its own messages as sentences ending with a period', () => {
    const cases = [
      { tool: 'upscale' },
      { preset: 'x' },
      { mode: 'uiux' },
      { tool: 'rotate', batch: 2 },
      { tool: 'inpaint' },
      { tool: 'inpaint', inputAssetId: 'a', maskFromJobId: 'x', maskPngBase64: PNG_BASE64 },
      { maskFromJobId: JOB_ID },
      { controls: { outlineStyle: 'soft', pixelEra: 'x', frameCount: 99 } },
      { extra: 1 },
    ];
    for (const patch of cases) {
      for (const [, message] of issues({ ...MINIMAL, ...patch })) expect(message).toMatch(/^[A-Z“].*\.$/);
    }
  });

  it('reports batch 5 once, not again as over the tool limit', () => {
    expect(issues({ ...MINIMAL, batch: 5 })).toEqual([['batch', 'Batch must be 1 to 4.']]);
  });

  it('reports every problem of a request at once', () => {
    expect(issues({ ...MINIMAL, tool: 'inpaint', batch: 3 }).map(([path]) => path).sort()).toEqual(['batch', 'inputAssetId', 'maskPngBase64']);
  });

  it('rejects a payload that is not an object with a sentence', () => {
    expect(issues(null)).toEqual([['', 'The request must be an object.']]);
    expect(issues({ ...MINIMAL, controls: 'bold' })).toEqual([['controls', 'The controls must be an object.']]);
  });
});
