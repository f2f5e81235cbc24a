import { describe, expect, it } from 'vitest';
import { EMOJI_PRESET_IDS, EmojiRequestSchema, type EmojiRequest } from '../../../../shared/mode-specs/emoji';
import { emojiQualityProfile } from './quality';

const request = (overrides: Record<string, unknown> = {}): EmojiRequest =>
  EmojiRequestSchema.parse({ mode: 'emoji', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', ...overrides });

describe('emojiQualityProfile', () => {
  it.each([
    ['expressive', 'standard', 26, 7, 'dpmpp_2m', 'karras', 768],
    ['expressive', 'hd', 34, 7, 'dpmpp_2m', 'karras', 1024],
    ['minimal', 'standard', 22, 6.5, 'euler', 'normal', 768],
    ['minimal', 'hd', 30, 6.5, 'dpmpp_2m', 'karras', 1024],
    ['blob', 'standard', 26, 6.5, 'dpmpp_2m', 'karras', 768],
    ['pixel_emoji', 'standard', 20, 7.5, 'euler', 'normal', 768],
    ['pixel_emoji', 'hd', 28, 7.5, 'euler', 'normal', 1024],
  ] as const)('%s %s → %i steps, cfg %d, %s/%s at %i²', (preset, tier, steps, guidance, sampler, scheduler, side) => {
    expect(emojiQualityProfile(request({ preset }), tier)).toEqual({ steps, guidance, sampler, scheduler, width: side, height: side });
  });

  it('renders large and square whatever the delivered size', () => {
    for (const size of [16, 64, 256]) {
      for (const preset of EMOJI_PRESET_IDS) {
        const profile = emojiQualityProfile(request({ size, preset }), 'standard');
        expect(profile.width).toBe(profile.height);
        expect(profile.width % 64).toBe(0);
        expect(profile.width).toBeGreaterThanOrEqual(3 * size);
        expect(emojiQualityProfile(request({ size, preset }), 'hd').steps).toBeGreaterThan(profile.steps);
      }
    }
  });
});
