import { describe, expect, it } from 'vitest';
import { BUSINESS_PRESET_IDS, BusinessRequestSchema, type BusinessRequest } from '../../../../shared/mode-specs/business';
import { BUSINESS_VARIANTS, businessVariantMutation } from './variants';

const request = (overrides: Record<string, unknown> = {}): BusinessRequest =>
  BusinessRequestSchema.parse({ mode: 'business', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', tool: 'social', ...overrides });

describe('businessVariantMutation', () => {
  it.each([
    ['minimal_flat', 1, 'alternate composition, shapes rearranged'],
    ['bold_geometric', 2, 'alternate mood'],
    ['gradient_modern', 3, 'alternate colour palette'],
    ['monochrome', 1, 'different framing'],
    ['monochrome', 2, 'deeper shadows'],
    ['monochrome', 3, 'still strictly black and white'],
    ['corporate_clean', 1, 'alternate layout'],
    ['warm_brand', 3, 'alternate accent colour'],
    ['photography_overlay', 1, 'alternate camera angle'],
    ['photography_overlay', 2, 'golden hour'],
    ['photography_overlay', 3, 'colour grade'],
    ['tech_dark', 2, 'alternate glow'],
    ['tech_dark', 3, 'denser fine digital detail'],
  ] as const)('%s slot %i mentions "%s"', (preset, slot, fragment) => {
    expect(businessVariantMutation(request({ preset }), slot)).toContain(fragment);
  });

  it('words slot 1 as composition, 2 as lighting/mood, 3 as detail/colour in every family', () => {
    for (const table of Object.values(BUSINESS_VARIANTS)) {
      expect(table[1]).toMatch(/composition|layout|framing|angle/);
      expect(table[2]).toMatch(/mood|lighting|glow/);
      expect(table[3]).toMatch(/colou?r|tonal|detail/);
    }
  });

  it('never offers colour to a monochrome image', () => {
    expect(businessVariantMutation(request({ preset: 'monochrome' }), 3)).not.toMatch(/colou?r palette|accent colou?r/);
  });

  it('gives three different mutations for every preset', () => {
    for (const preset of BUSINESS_PRESET_IDS) {
      const slots = ([1, 2, 3] as const).map((slot) => businessVariantMutation(request({ preset }), slot));
      expect(new Set(slots).size).toBe(3);
    }
  });

  it('varies a logo by its construction in slot 1 and like its family otherwise', () => {
    const logo = request({ tool: 'logo', preset: 'tech_dark' });
    expect(businessVariantMutation(logo, 1)).toBe('alternate mark construction, same concept, still centred on a square');
    expect(businessVariantMutation(logo, 2)).toBe(BUSINESS_VARIANTS.tech[2]);
  });

  it('makes brand-kit slots the kit parts, whatever the preset', () => {
    const kit = request({ tool: 'brand-kit', batch: 4, preset: 'photography_overlay' });
    expect(businessVariantMutation(kit, 1)).toContain('wide header banner');
    expect(businessVariantMutation(kit, 2)).toContain('circular crop');
    expect(businessVariantMutation(kit, 3)).toContain('Open Graph');
    for (const slot of [1, 2, 3] as const) expect(businessVariantMutation(kit, slot)).toContain('same brand mark');
  });
});
