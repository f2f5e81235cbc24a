import { describe, expect, it } from 'vitest';
import { EMOJI_PRESET_IDS, EMOJI_TOOL_IDS, EmojiRequestSchema, type EmojiRequest } from '../../../../shared/mode-specs/emoji';
import { EMOJI_CONFLICTING_TERMS } from './conflicts';
import { EMOJI_NEGATIVES, EMOJI_TOOL_NEGATIVES, emojiNegativeBank } from './negatives';
import { EMOJI_PRESET_STYLES } from './presets';
import { buildEmojiPrompt, EXPRESSION_TOKENS } from './prompt';

const request = (overrides: Record<string, unknown> = {}): EmojiRequest =>
  EmojiRequestSchema.parse({ mode: 'emoji', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', ...overrides });
const full = { compact: false } as const;

describe('buildEmojiPrompt', () => {
  it.each([
    ['defaults', {}, ['emoji', 'expressive emoji', 'bold dark outline', 'single emoji', 'isolated on a plain white background', 'no text'], ['face emoji']],
    ['face subject', { controls: { subject: 'face' } }, ['round face emoji'], []],
    ['hand subject', { controls: { subject: 'hand' } }, ['hand gesture emoji'], []],
    ['love expression', { controls: { expression: 'love' } }, [EXPRESSION_TOKENS.love], []],
    ['auto expression adds none', {}, [], Object.values(EXPRESSION_TOKENS)],
    ['minimal style', { preset: 'minimal' }, ['minimal flat emoji', 'readable at tiny sizes'], ['glossy']],
    ['blob style', { preset: 'blob' }, ['round blob character emoji'], []],
    ['pixel style', { preset: 'pixel_emoji' }, ['pixel art emoji', 'crisp pixel grid'], []],
    ['pack tool', { tool: 'pack', batch: 3 }, ['single emoji from a matching sticker set', 'one consistent character'], ['one subject']],
  ])('%s', (_name, overrides, contains, excludes) => {
    const prompt = buildEmojiPrompt(request(overrides), 'party cat', full);
    for (const fragment of contains) expect(prompt).toContain(fragment);
    for (const fragment of excludes) expect(prompt).not.toContain(fragment);
  });

  it('puts the user words first, then subject and expression, then style, then staging', () => {
    const prompt = buildEmojiPrompt(request({ controls: { subject: 'animal', expression: 'cool' } }), '  party cat ', full);
    expect(prompt.startsWith('party cat, cute animal emoji, cool expression wearing sunglasses, expressive emoji')).toBe(true);
    expect(prompt.indexOf('bold dark outline')).toBeLessThan(prompt.indexOf('isolated on a plain white background'));
    expect(prompt.endsWith('no text')).toBe(true);
  });

  it('compact form keeps the words, the style, the expression and the background the cut-out needs', () => {
    expect(buildEmojiPrompt(request({ preset: 'blob', controls: { expression: 'sad' } }), 'ghost', { compact: true })).toBe(
      'ghost, round blob character emoji, sad expression with a small tear, plain white background',
    );
    expect(buildEmojiPrompt(request(), 'ghost', { compact: true })).toBe('ghost, expressive emoji, plain white background');
  });

  it('never asks for something the mode removes from prompts', () => {
    for (const tool of EMOJI_TOOL_IDS) {
      for (const preset of EMOJI_PRESET_IDS) {
        const prompt = buildEmojiPrompt(request({ tool, preset, batch: 2 }), 'cat', full).toLowerCase();
        for (const term of EMOJI_CONFLICTING_TERMS) expect(prompt, `${tool}/${preset}: ${term}`).not.toContain(term);
      }
    }
  });
});

describe('emojiNegativeBank', () => {
  it('orders global, then tool, then preset', () => {
    expect(emojiNegativeBank(request({ preset: 'minimal' }))).toEqual([...EMOJI_NEGATIVES, ...EMOJI_TOOL_NEGATIVES.emoji, ...EMOJI_PRESET_STYLES.minimal.negTokens]);
  });

  it('de-duplicates across banks, keeping the first position', () => {
    const bank = emojiNegativeBank(request({ tool: 'pack', batch: 2, preset: 'pixel_emoji' }));
    expect(bank.filter((t) => t === 'blurry')).toHaveLength(1);
    expect(bank.indexOf('blurry')).toBe(EMOJI_NEGATIVES.indexOf('blurry'));
    expect(bank.filter((t) => t === 'grid')).toHaveLength(1);
    expect(bank).toContain('different character');
    expect(bank.at(-1)).toBe('high detail');
  });

  it('has no duplicates and never negates its own style tokens, for any tool × preset', () => {
    for (const tool of EMOJI_TOOL_IDS) {
      for (const preset of EMOJI_PRESET_IDS) {
        const lower = emojiNegativeBank(request({ tool, preset, batch: 2 })).map((t) => t.toLowerCase());
        expect(new Set(lower).size).toBe(lower.length);
        for (const token of EMOJI_PRESET_STYLES[preset].tokens) expect(lower).not.toContain(token.toLowerCase());
      }
    }
  });

  it('avoids what breaks the cut-out', () => {
    const bank = emojiNegativeBank(request());
    for (const term of ['background scene', 'gradient background', 'cast shadow', 'cut off']) expect(bank).toContain(term);
  });
});

describe('EMOJI_CONFLICTING_TERMS', () => {
  it('covers realism and scenes, longest first, and leaves pixel art to the Pixel style', () => {
    for (const term of ['photorealistic', 'photo of', '3d render', 'landscape']) expect(EMOJI_CONFLICTING_TERMS).toContain(term);
    const lengths = EMOJI_CONFLICTING_TERMS.map((t) => t.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(EMOJI_CONFLICTING_TERMS).not.toContain('pixel art');
  });
});
