import { describe, expect, it } from 'vitest';
import { EmojiRequestSchema, type EmojiRequest } from '../../../../shared/mode-specs/emoji';
import { EMOJI_VARIANTS, emojiVariantMutation, PACK_EXPRESSIONS, packExpression } from './variants';

const request = (overrides: Record<string, unknown> = {}): EmojiRequest =>
  EmojiRequestSchema.parse({ mode: 'emoji', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', ...overrides });

describe('emojiVariantMutation', () => {
  it.each([
    ['expressive', 1, 'three-quarter view'],
    ['blob', 2, 'warmer mood'],
    ['expressive', 3, 'alternate colour palette'],
    ['minimal', 1, 'alternate simple pose'],
    ['minimal', 2, 'calmer mood'],
    ['minimal', 3, 'alternate colour pair'],
    ['pixel_emoji', 1, 'same pixel grid'],
    ['pixel_emoji', 2, 'highlight pixels'],
    ['pixel_emoji', 3, 'alternate limited palette'],
  ] as const)('%s slot %i mentions "%s"', (preset, slot, fragment) => {
    expect(emojiVariantMutation(request({ preset }), slot)).toContain(fragment);
  });

  it('words slot 1 as pose, 2 as mood, 3 as colour in every family', () => {
    for (const table of Object.values(EMOJI_VARIANTS)) {
      expect(table[1]).toMatch(/pose|view|rotated/);
      expect(table[2]).toMatch(/mood/);
      expect(table[3]).toMatch(/colou?r|palette/);
    }
  });

  it('makes pack slots other expressions of the same character', () => {
    const pack = request({ tool: 'pack', batch: 4 });
    expect(emojiVariantMutation(pack, 1)).toBe('same character and style, now laughing with tears of joy');
    expect(emojiVariantMutation(pack, 2)).toContain('surprised');
    expect(emojiVariantMutation(pack, 3)).toContain('sad');
  });

  it('never repeats the pack’s own expression in another slot', () => {
    for (const expression of PACK_EXPRESSIONS) {
      const pack = request({ tool: 'pack', batch: 4, controls: { expression } });
      const slots = ([1, 2, 3] as const).map((slot) => packExpression(pack, slot));
      expect(slots).not.toContain(expression);
      expect(new Set(slots).size).toBe(3);
    }
    expect(packExpression(request({ tool: 'pack', batch: 2, controls: { expression: 'laughing' } }), 1)).toBe('surprised');
  });
});
