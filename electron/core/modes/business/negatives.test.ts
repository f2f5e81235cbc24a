import { describe, expect, it } from 'vitest';
import { BUSINESS_PRESET_IDS, BUSINESS_TOOL_IDS, BusinessRequestSchema, type BusinessRequest } from '../../../../shared/mode-specs/business';
import { BUSINESS_CONFLICTING_TERMS } from './conflicts';
import { BUSINESS_NEGATIVES, BUSINESS_TOOL_NEGATIVES, businessNegativeBank } from './negatives';
import { BUSINESS_PRESET_STYLES } from './presets';

const request = (overrides: Record<string, unknown> = {}): BusinessRequest =>
  BusinessRequestSchema.parse({ mode: 'business', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', ...overrides });

describe('businessNegativeBank', () => {
  it('keeps the seed bank of 15 in its order', () => {
    expect(BUSINESS_NEGATIVES).toHaveLength(15);
    expect(BUSINESS_NEGATIVES.slice(0, 3)).toEqual(['pixel art', 'pixelated', 'low resolution']);
    expect(BUSINESS_NEGATIVES.at(-1)).toBe('amateurish');
  });

  it('orders global, then tool, then preset', () => {
    const bank = businessNegativeBank(request({ tool: 'logo', preset: 'minimal_flat' }));
    expect(bank).toEqual([...BUSINESS_NEGATIVES, ...BUSINESS_TOOL_NEGATIVES.logo, ...BUSINESS_PRESET_STYLES.minimal_flat.negTokens]);
    expect(bank.indexOf('multiple logos')).toBeGreaterThan(bank.indexOf('amateurish'));
    expect(bank.indexOf('cluttered')).toBeGreaterThan(bank.indexOf('multiple logos'));
  });

  it('de-duplicates a term the tool repeats from the global bank, keeping the global position', () => {
    const bank = businessNegativeBank(request({ tool: 'social' }));
    expect(bank.filter((t) => t === 'watermark')).toHaveLength(1);
    expect(bank.indexOf('watermark')).toBe(BUSINESS_NEGATIVES.indexOf('watermark'));
  });

  it('lifts the global "dark background" for Tech Dark, which asks for one', () => {
    const tech = businessNegativeBank(request({ preset: 'tech_dark' }));
    expect(tech).not.toContain('dark background');
    expect(tech).toContain('white background');
    expect(businessNegativeBank(request({ preset: 'corporate_clean' }))).toContain('dark background');
  });

  it('has no duplicates (case-insensitive) and never negates its own prompt tokens, for any tool × preset', () => {
    for (const tool of BUSINESS_TOOL_IDS) {
      for (const preset of BUSINESS_PRESET_IDS) {
        const bank = businessNegativeBank(request({ tool, preset, batch: tool === 'brand-kit' ? 2 : 1 }));
        const lower = bank.map((t) => t.toLowerCase());
        expect(new Set(lower).size, `${tool}/${preset}`).toBe(bank.length);
        for (const token of BUSINESS_PRESET_STYLES[preset].tokens) expect(lower, `${preset}: ${token}`).not.toContain(token.toLowerCase());
      }
    }
  });

  it('keeps conflicting terms in the negatives (what is stripped from the prompt is still avoided)', () => {
    const bank = businessNegativeBank(request());
    expect(bank).toContain('pixel art');
    expect(BUSINESS_CONFLICTING_TERMS).toContain('pixel art');
  });
});

describe('BUSINESS_CONFLICTING_TERMS', () => {
  it('covers game-art words, longest first so phrases go whole', () => {
    for (const term of ['pixel art', '8-bit', 'pixelated', 'sprite', 'sprite sheet', 'game asset']) expect(BUSINESS_CONFLICTING_TERMS).toContain(term);
    const lengths = BUSINESS_CONFLICTING_TERMS.map((t) => t.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(BUSINESS_CONFLICTING_TERMS.indexOf('sprite sheet')).toBeLessThan(BUSINESS_CONFLICTING_TERMS.indexOf('sprite'));
  });
});
