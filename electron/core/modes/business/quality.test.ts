import { describe, expect, it } from 'vitest';
import { BUSINESS_ASPECT_IDS, BUSINESS_PRESET_IDS, BUSINESS_TOOL_ASPECTS, BusinessRequestSchema, businessTarget, type BusinessRequest } from '../../../../shared/mode-specs/business';
import { BUSINESS_SAMPLING, businessQualityProfile, RENDER_AREA, renderSize } from './quality';

const request = (overrides: Record<string, unknown> = {}): BusinessRequest =>
  BusinessRequestSchema.parse({ mode: 'business', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', ...overrides });

describe('businessQualityProfile', () => {
  it.each([
    ['minimal_flat', 'standard', 24, 6.5, 'euler', 'normal'],
    ['minimal_flat', 'hd', 32, 6.5, 'dpmpp_2m', 'karras'],
    ['bold_geometric', 'standard', 24, 7, 'euler', 'normal'],
    ['corporate_clean', 'standard', 26, 6.5, 'dpmpp_2m', 'karras'],
    ['photography_overlay', 'standard', 30, 5.5, 'dpmpp_2m_sde', 'karras'],
    ['photography_overlay', 'hd', 40, 5, 'dpmpp_2m_sde', 'karras'],
    ['monochrome', 'hd', 34, 7, 'dpmpp_2m', 'karras'],
    ['gradient_modern', 'standard', 26, 6, 'dpmpp_2m', 'karras'],
    ['tech_dark', 'hd', 36, 6.5, 'dpmpp_2m', 'karras'],
    ['warm_brand', 'standard', 26, 6.5, 'dpmpp_2m', 'karras'],
  ] as const)('%s %s → %i steps, cfg %d, %s/%s', (preset, tier, steps, guidance, sampler, scheduler) => {
    expect(businessQualityProfile(request({ preset }), tier)).toMatchObject({ steps, guidance, sampler, scheduler });
  });

  it('gives HD more steps than standard for every preset', () => {
    for (const preset of BUSINESS_PRESET_IDS) expect(BUSINESS_SAMPLING[preset].hd.steps).toBeGreaterThan(BUSINESS_SAMPLING[preset].standard.steps);
  });

  it.each([
    ['logo 1:1', { tool: 'logo' }, 'standard', 0, 768, 768],
    ['logo 1:1 HD', { tool: 'logo' }, 'hd', 0, 1024, 1024],
    ['LinkedIn banner HD', { tool: 'social', controls: { aspect: 'linkedin_banner' } }, 'hd', 0, 2048, 512],
    ['16:9 slide HD', { tool: 'slide' }, 'hd', 0, 1344, 768],
    ['brand-kit icon (slot 0)', { tool: 'brand-kit', batch: 4 }, 'standard', 0, 768, 768],
    ['brand-kit header (slot 1) HD', { tool: 'brand-kit', batch: 4 }, 'hd', 1, 1728, 576],
  ] as const)('%s', (_name, overrides, tier, slot, width, height) => {
    expect(businessQualityProfile(request(overrides), tier, slot)).toMatchObject({ width, height });
  });

  it('renders every format at multiples of 64, near the tier area, within 5 % of the target aspect', () => {
    for (const tool of ['logo', 'slide', 'social', 'web-hero'] as const) {
      for (const aspect of BUSINESS_TOOL_ASPECTS[tool]) {
        for (const tier of ['standard', 'hd'] as const) {
          const req = request({ tool, controls: { aspect } });
          const target = businessTarget(req);
          const profile = businessQualityProfile(req, tier);
          const label = `${tool}/${aspect}/${tier}: ${profile.width}×${profile.height}`;
          expect(profile.width % 64, label).toBe(0);
          expect(profile.height % 64, label).toBe(0);
          expect(Math.abs(Math.log(profile.width / profile.height / (target.width / target.height))), label).toBeLessThan(0.05);
          expect(Math.abs(Math.log((profile.width * profile.height) / RENDER_AREA[tier])), label).toBeLessThan(0.25);
        }
      }
    }
    expect(BUSINESS_ASPECT_IDS.length).toBe(10);
  });
});

describe('renderSize', () => {
  it('is exact when the ratio allows it', () => {
    expect(renderSize(1024, 1024, 1024 * 1024)).toEqual({ width: 1024, height: 1024 });
    expect(renderSize(4, 1, 1024 * 1024)).toEqual({ width: 2048, height: 512 });
  });

  it('stays within 256–2048 for extreme ratios', () => {
    const { width, height } = renderSize(10_000, 100, 1024 * 1024);
    expect(width).toBe(2048);
    expect(height).toBe(256);
  });
});
