import { describe, expect, it } from 'vitest';
import { ANIMATION_TYPES, ASSET_CATEGORIES, OUTLINE_STYLES, PIXEL_ERAS, PIXEL_SPEC, BACKGROUND_MODES } from '../../../../shared/mode-specs/pixel';
import { PIXEL_CONFLICTING_TERMS } from './conflicts';
import { negativeBank } from './negatives';
import { buildPixelPrompt } from './prompt';
import { FAMILY_MUTATIONS, SCENE_SLOT1_MUTATION } from './variants';
import { pixelRequest } from './test-support';

/** The same whole-word, case-insensitive match the prompt validator uses. */
function containsTerm(text: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?=$|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

describe('PIXEL_CONFLICTING_TERMS', () => {
  it('covers the seed\'s list', () => {
    const lower = PIXEL_CONFLICTING_TERMS.map((term) => term.toLowerCase());
    for (const term of ['photo of', 'photorealistic', 'hyperrealistic', 'hd', '4k', '8k', '3d render', 'unreal engine', 'cinematic', 'depth of field', 'realistic lighting']) {
      expect(lower, term).toContain(term);
    }
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('would be removed from a user prompt as whole words only', () => {
    expect(containsTerm('a photorealistic knight in 4K', 'photorealistic')).toBe(true);
    expect(containsTerm('a photorealistic knight in 4K', '4k')).toBe(true);
    expect(containsTerm('a shadow knight', 'HD')).toBe(false);
  });

  it('never appears in anything the pixel builders write themselves', () => {
    const texts: string[] = [SCENE_SLOT1_MUTATION, ...Object.values(FAMILY_MUTATIONS).flat()];
    for (const { id: tool } of PIXEL_SPEC.tools) {
      for (const { id: preset } of PIXEL_SPEC.presets) {
        const request = pixelRequest({ tool, preset, inputAssetId: 'a', ...(tool === 'inpaint' ? { maskPngBase64: 'iVBORw0KGgo' } : {}) });
        texts.push(buildPixelPrompt(request, 'x', { compact: false }));
      }
    }
    for (const pixelEra of PIXEL_ERAS) texts.push(buildPixelPrompt(pixelRequest({ controls: { pixelEra } }), 'x', { compact: false }));
    for (const assetCategory of ASSET_CATEGORIES) texts.push(buildPixelPrompt(pixelRequest({ controls: { assetCategory } }), 'x', { compact: false }));
    for (const outlineStyle of OUTLINE_STYLES) texts.push(buildPixelPrompt(pixelRequest({ controls: { outlineStyle } }), 'x', { compact: false }));
    for (const backgroundMode of BACKGROUND_MODES) texts.push(buildPixelPrompt(pixelRequest({ controls: { backgroundMode } }), 'x', { compact: false }));
    for (const animationType of ANIMATION_TYPES) texts.push(buildPixelPrompt(pixelRequest({ tool: 'animate', controls: { animationType } }), 'x', { compact: false }));
    for (const text of texts) {
      for (const term of PIXEL_CONFLICTING_TERMS) expect(containsTerm(text, term), `"${term}" in: ${text}`).toBe(false);
    }
  });

  it('keeps the negative bank free to name them (negatives are meant to say what to avoid)', () => {
    expect(negativeBank(pixelRequest())).toContain('photorealistic');
  });
});
