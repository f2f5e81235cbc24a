import { describe, expect, it } from 'vitest';
import {
  BRAND_KIT_PARTS,
  BUSINESS_ASPECT_IDS,
  BUSINESS_ASPECTS,
  BUSINESS_PRESET_IDS,
  BUSINESS_SPEC,
  BUSINESS_TOOL_ASPECTS,
  BUSINESS_TOOL_IDS,
  BusinessRequestSchema,
  businessTarget,
  resolveBusinessAspect,
} from './business';

const WORKSPACE = '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70';
const base = { mode: 'business', workspaceId: WORKSPACE, prompt: 'Logo for a bakery' };
const parse = (overrides: Record<string, unknown> = {}) => BusinessRequestSchema.safeParse({ ...base, ...overrides });
const request = (overrides: Record<string, unknown> = {}) => BusinessRequestSchema.parse({ ...base, ...overrides });

describe('BUSINESS_SPEC', () => {
  it('declares the five tools and eight presets in order, with labels, descriptions and examples', () => {
    expect(BUSINESS_SPEC.tools.map((t) => t.id)).toEqual([...BUSINESS_TOOL_IDS]);
    expect(BUSINESS_SPEC.presets.map((p) => p.id)).toEqual([...BUSINESS_PRESET_IDS]);
    for (const tool of BUSINESS_SPEC.tools) {
      expect(tool.label.length).toBeGreaterThan(0);
      expect(tool.description).toMatch(/^[A-Z].*\.$/);
      expect(tool.input).toBe('none');
    }
    for (const preset of BUSINESS_SPEC.presets) {
      expect(preset.description).toMatch(/^[A-Z].*\.$/);
      expect(preset.example.length).toBeGreaterThan(10);
    }
  });

  it('has the seed limits: logo batch 4, brand kit is a pack, sizes 512–2048 default 1024, 1 HD credit', () => {
    const byId = Object.fromEntries(BUSINESS_SPEC.tools.map((t) => [t.id, t]));
    expect(byId.logo).toMatchObject({ output: 'image', maxBatch: 4 });
    expect(byId['brand-kit']).toMatchObject({ output: 'pack', maxBatch: 4 });
    expect(BUSINESS_SPEC.sizes).toMatchObject({ min: 512, max: 2048, default: 1024 });
    expect(BUSINESS_SPEC.sizes.choices.every((s) => s >= 512 && s <= 2048)).toBe(true);
    expect(BUSINESS_SPEC.hdCreditsPerGeneration).toBe(1);
  });

  it('gives every tool only known formats, and every format a tool', () => {
    const used = new Set(Object.values(BUSINESS_TOOL_ASPECTS).flat());
    expect([...used].sort()).toEqual([...BUSINESS_ASPECT_IDS].sort());
    expect(BUSINESS_TOOL_ASPECTS.logo).toEqual(['1:1']);
    expect(BUSINESS_TOOL_ASPECTS['brand-kit']).toEqual([]);
  });
});

describe('BusinessRequestSchema', () => {
  it('fills every default', () => {
    expect(request()).toEqual({
      ...base,
      negativePrompt: '',
      batch: 1,
      seed: null,
      hd: false,
      tool: 'logo',
      preset: 'corporate_clean',
      size: 1024,
      controls: { mood: 'professional', aspect: 'auto', textZone: 'none' },
    });
  });

  it('fills missing controls individually', () => {
    expect(request({ controls: { mood: 'luxury' } }).controls).toEqual({ mood: 'luxury', aspect: 'auto', textZone: 'none' });
  });

  it('accepts a full social request', () => {
    const parsed = request({ tool: 'social', preset: 'tech_dark', size: 2048, batch: 4, controls: { mood: 'bold', aspect: 'og', textZone: 'left' } });
    expect(parsed).toMatchObject({ tool: 'social', preset: 'tech_dark', size: 2048, batch: 4, controls: { aspect: 'og', textZone: 'left' } });
  });

  it.each([
    ['unknown tool', { tool: 'poster' }, 'tool'],
    ['unknown preset', { preset: 'vaporwave' }, 'preset'],
    ['another mode', { mode: 'pixel' }, 'mode'],
    ['size below 512', { size: 256 }, 'size'],
    ['size above 2048', { size: 4096 }, 'size'],
    ['batch 5', { batch: 5 }, 'batch'],
    ['batch 0', { batch: 0 }, 'batch'],
    ['slide batch 3 (max 2)', { tool: 'slide', batch: 3 }, 'batch'],
    ['web-hero batch 4 (max 2)', { tool: 'web-hero', batch: 4 }, 'batch'],
    ['brand kit of one part', { tool: 'brand-kit', batch: 1 }, 'batch'],
    ['logo in a banner format', { tool: 'logo', controls: { aspect: 'linkedin_banner' } }, 'controls.aspect'],
    ['web hero as an OG image', { tool: 'web-hero', controls: { aspect: 'og' } }, 'controls.aspect'],
    ['brand kit with a format', { tool: 'brand-kit', batch: 4, controls: { aspect: '16:9' } }, 'controls.aspect'],
    ['unknown format', { controls: { aspect: '21:9' } }, 'controls.aspect'],
    ['unknown mood', { controls: { mood: 'grumpy' } }, 'controls.mood'],
    ['unknown text zone', { controls: { textZone: 'top' } }, 'controls.textZone'],
  ])('rejects %s at %s', (_name, overrides, field) => {
    const result = parse(overrides);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === field);
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    // Our messages are full sentences the studio shows as they are.
    expect(issue?.message).toMatch(/^[A-Z].*\.$/);
  });

  it('rejects a fractional size at size', () => {
    // sizeSchema (shared/mode-spec.ts) gives .int() no message; zod's fragment is prefixed with the field by the IPC layer.
    expect(parse({ size: 1024.5 }).error?.issues[0]?.path).toEqual(['size']);
  });

  it('names the allowed formats when a tool cannot take one', () => {
    const result = parse({ tool: 'slide', controls: { aspect: 'og' } });
    expect(result.error?.issues[0]?.message).toBe('The Slide tool takes these formats: 16:9, 4:3, 1:1.');
  });

  it('rejects unknown fields at the top and in controls', () => {
    expect(parse({ colour: 'red' }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'] });
    expect(parse({ controls: { platform: 'og' } }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['controls'] });
  });

  it('allows each tool its own batch limit', () => {
    for (const tool of BUSINESS_SPEC.tools) {
      const min = tool.id === 'brand-kit' ? 2 : 1;
      expect(parse({ tool: tool.id, batch: tool.maxBatch }).success).toBe(true);
      expect(parse({ tool: tool.id, batch: min }).success).toBe(true);
      if (tool.maxBatch < 4) expect(parse({ tool: tool.id, batch: tool.maxBatch + 1 }).success).toBe(false);
    }
  });
});

describe('businessTarget', () => {
  it.each([
    ['logo', 'auto', 1024, 0, 1024, 1024],
    ['logo', '1:1', 512, 0, 512, 512],
    ['slide', 'auto', 1024, 0, 1024, 576],
    ['slide', '16:9', 1920, 0, 1920, 1080],
    ['slide', '4:3', 1024, 0, 1024, 768],
    ['slide', '1:1', 2048, 0, 2048, 2048],
    ['social', 'auto', 1024, 0, 1200, 630],
    ['social', 'og', 512, 0, 1200, 630],
    ['social', 'twitter_header', 1024, 0, 1500, 500],
    ['social', 'linkedin_banner', 1024, 0, 1584, 396],
    ['social', 'instagram_square', 1024, 0, 1080, 1080],
    ['social', 'instagram_story', 1024, 0, 1080, 1920],
    ['social', 'youtube_art', 1024, 0, 2560, 1440],
    ['social', '9:16', 1920, 0, 1080, 1920],
    ['web-hero', 'auto', 1024, 0, 1024, 576],
    ['web-hero', '9:16', 2048, 0, 1152, 2048],
    ['brand-kit', 'auto', 1024, 0, 512, 512],
    ['brand-kit', 'auto', 1024, 1, 1200, 400],
    ['brand-kit', 'auto', 1024, 2, 500, 500],
    ['brand-kit', 'auto', 1024, 3, 1200, 630],
    ['brand-kit', 'auto', 1024, 9, 1200, 630],
  ] as const)('%s %s at %i, slot %i → %i×%i', (tool, aspect, size, slot, width, height) => {
    const target = businessTarget({ tool, size, controls: { mood: 'professional', aspect, textZone: 'none' } }, slot);
    expect([target.width, target.height]).toEqual([width, height]);
  });

  it('labels platform formats and kit parts', () => {
    expect(businessTarget(request({ tool: 'social' })).label).toBe(BUSINESS_ASPECTS.og.label);
    expect(businessTarget(request({ tool: 'brand-kit', batch: 2 }), 1).label).toBe(BRAND_KIT_PARTS[1].label);
  });

  it('resolves auto to the tool default', () => {
    expect(resolveBusinessAspect('social', 'auto')).toBe('og');
    expect(resolveBusinessAspect('web-hero', 'auto')).toBe('16:9');
    expect(resolveBusinessAspect('brand-kit', 'auto')).toBeNull();
    expect(resolveBusinessAspect('slide', '4:3')).toBe('4:3');
  });
});
