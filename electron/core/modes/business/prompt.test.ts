import { describe, expect, it } from 'vitest';
import { BUSINESS_PRESET_IDS, BUSINESS_TOOL_IDS, BusinessRequestSchema, type BusinessRequest } from '../../../../shared/mode-specs/business';
import { BUSINESS_CONFLICTING_TERMS } from './conflicts';
import { BUSINESS_PRESET_STYLES } from './presets';
import { buildBusinessPrompt, compositionFor, TEXT_ZONE_TOKENS } from './prompt';
import { uniqueTerms } from '../../../../shared/terms';

const request = (overrides: Record<string, unknown> = {}): BusinessRequest =>
  BusinessRequestSchema.parse({ mode: 'business', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', ...overrides });
const full = { compact: false } as const;
const compact = { compact: true } as const;

describe('buildBusinessPrompt', () => {
  it.each([
    ['logo', { tool: 'logo' }, ['logo mark', 'isolated on a plain white background', 'square composition'], ['text for', 'banner']],
    ['tech-dark logo on a dark ground', { tool: 'logo', preset: 'tech_dark' }, ['isolated on a plain dark background', 'dark background', 'subtle glow'], ['white background']],
    ['OG social card', { tool: 'social' }, ['social media graphic', 'landscape composition'], ['logo mark']],
    ['Twitter header', { tool: 'social', controls: { aspect: 'twitter_header' } }, ['ultra-wide banner composition'], ['landscape composition']],
    ['Instagram story', { tool: 'social', controls: { aspect: 'instagram_story' } }, ['tall vertical composition'], []],
    ['slide with a left text zone', { tool: 'slide', controls: { textZone: 'left' } }, ['presentation slide background', TEXT_ZONE_TOKENS.left], []],
    ['web hero with a centred text zone', { tool: 'web-hero', controls: { textZone: 'center' } }, ['website hero background', TEXT_ZONE_TOKENS.center], []],
    ['logo ignores the text zone', { tool: 'logo', controls: { textZone: 'left' } }, [], [TEXT_ZONE_TOKENS.left]],
    ['brand kit names no single shape', { tool: 'brand-kit', batch: 4 }, ['brand identity asset', 'cohesive brand system'], ['composition']],
    ['luxury mood', { controls: { mood: 'luxury' } }, ['luxury', 'premium', 'elegant'], ['trustworthy']],
    ['technical mood', { controls: { mood: 'technical' } }, ['technical precision'], []],
    ['photography preset', { tool: 'web-hero', preset: 'photography_overlay' }, ['atmospheric photography', 'natural light'], []],
    ['monochrome preset', { preset: 'monochrome' }, ['black and white', 'monochrome'], []],
  ])('%s', (_name, overrides, contains, excludes) => {
    const prompt = buildBusinessPrompt(request(overrides), 'Acme bakery', full);
    for (const fragment of contains) expect(prompt).toContain(fragment);
    for (const fragment of excludes) expect(prompt).not.toContain(fragment);
  });

  it('puts the user words first and ends with the quality tail', () => {
    const prompt = buildBusinessPrompt(request({ tool: 'social' }), '  Spring sale for a florist  ', full);
    expect(prompt.startsWith('Spring sale for a florist, ')).toBe(true);
    expect(prompt.endsWith('high quality professional design')).toBe(true);
  });

  it('orders tool, preset and mood tokens', () => {
    const prompt = buildBusinessPrompt(request({ tool: 'logo', preset: 'warm_brand', controls: { mood: 'playful' } }), 'Acme', full);
    const at = (token: string) => prompt.indexOf(token);
    expect(at('logo mark')).toBeLessThan(at('warm colour palette'));
    expect(at('warm colour palette')).toBeLessThan(at('playful'));
  });

  it('says each token once even when preset and mood share it', () => {
    const prompt = buildBusinessPrompt(request({ preset: 'corporate_clean', controls: { mood: 'professional' } }), 'Professional consulting firm', full);
    const terms = prompt.split(', ').map((t) => t.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('compact form keeps the words, what it is and two style tokens, and drops the rest', () => {
    const prompt = buildBusinessPrompt(request({ tool: 'social', preset: 'gradient_modern', controls: { mood: 'luxury', textZone: 'left' } }), 'AI launch', compact);
    expect(prompt).toBe('AI launch, social media graphic, smooth vibrant gradient, contemporary design');
    expect(prompt.length).toBeLessThan(buildBusinessPrompt(request({ tool: 'social', preset: 'gradient_modern' }), 'AI launch', full).length / 2);
  });

  it('never asks for something the mode removes from prompts', () => {
    for (const tool of BUSINESS_TOOL_IDS) {
      for (const preset of BUSINESS_PRESET_IDS) {
        const prompt = buildBusinessPrompt(request({ tool, preset, batch: tool === 'brand-kit' ? 4 : 1 }), 'Acme', full).toLowerCase();
        for (const term of BUSINESS_CONFLICTING_TERMS) expect(prompt, `${tool}/${preset}: ${term}`).not.toContain(term);
      }
    }
  });

  it('has a style for every preset', () => {
    for (const preset of BUSINESS_PRESET_IDS) expect(BUSINESS_PRESET_STYLES[preset].tokens.length).toBeGreaterThanOrEqual(4);
  });
});

describe('compositionFor', () => {
  it.each([
    [1024, 1024, 'square composition'],
    [1200, 630, 'landscape composition'],
    [1500, 500, 'ultra-wide banner composition'],
    [1584, 396, 'ultra-wide banner composition'],
    [1080, 1920, 'tall vertical composition'],
    [1024, 768, 'landscape composition'],
  ])('%i×%i → %s', (width, height, expected) => {
    expect(compositionFor(width, height)).toBe(expected);
  });
});

describe('uniqueTerms', () => {
  it('drops blanks and case-insensitive repeats, keeping the first spelling', () => {
    expect(uniqueTerms(['Pixel Art', ' pixel art ', '', 'blurry', 'BLURRY', 'noise'])).toEqual(['Pixel Art', 'blurry', 'noise']);
  });
});
