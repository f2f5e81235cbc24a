import { describe, expect, it } from 'vitest';
import { EMOJI_PRESET_IDS, EMOJI_SPEC, EMOJI_TOOL_IDS, EmojiRequestSchema } from './emoji';

const WORKSPACE = '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70';
const base = { mode: 'emoji', workspaceId: WORKSPACE, prompt: 'Party cat' };
const parse = (overrides: Record<string, unknown> = {}) => EmojiRequestSchema.safeParse({ ...base, ...overrides });

describe('EMOJI_SPEC', () => {
  it('declares emoji and pack, the four styles, sizes 16–256 default 64 and 1 HD credit', () => {
    expect(EMOJI_SPEC.tools.map((t) => t.id)).toEqual([...EMOJI_TOOL_IDS]);
    expect(EMOJI_SPEC.presets.map((p) => p.id)).toEqual(['expressive', 'minimal', 'blob', 'pixel_emoji']);
    expect(EMOJI_PRESET_IDS).toHaveLength(4);
    expect(EMOJI_SPEC.tools.find((t) => t.id === 'pack')).toMatchObject({ output: 'pack', maxBatch: 4, input: 'none' });
    expect(EMOJI_SPEC.tools.find((t) => t.id === 'emoji')).toMatchObject({ output: 'image', input: 'none' });
    expect(EMOJI_SPEC.sizes).toMatchObject({ min: 16, max: 256, default: 64 });
    expect(EMOJI_SPEC.sizes.choices).toContain(64);
    expect(EMOJI_SPEC.hdCreditsPerGeneration).toBe(1);
    for (const item of [...EMOJI_SPEC.tools, ...EMOJI_SPEC.presets]) expect(item.description).toMatch(/^[A-Z].*\.$/);
  });
});

describe('EmojiRequestSchema', () => {
  it('fills every default', () => {
    expect(EmojiRequestSchema.parse(base)).toEqual({
      ...base,
      negativePrompt: '',
      batch: 1,
      seed: null,
      hd: false,
      tool: 'emoji',
      preset: 'expressive',
      size: 64,
      controls: { expression: 'auto', subject: 'auto' },
    });
  });

  it('accepts a pack of four at 128 px', () => {
    expect(parse({ tool: 'pack', batch: 4, size: 128, preset: 'blob', controls: { expression: 'happy', subject: 'animal' } }).success).toBe(true);
  });

  it.each([
    ['unknown tool', { tool: 'sticker' }, 'tool'],
    ['unknown preset', { preset: 'kawaii' }, 'preset'],
    ['another mode', { mode: 'business' }, 'mode'],
    ['size below 16', { size: 8 }, 'size'],
    ['size above 256', { size: 512 }, 'size'],
    ['batch 5', { batch: 5 }, 'batch'],
    ['pack batch 5', { tool: 'pack', batch: 5 }, 'batch'],
    ['a pack of one', { tool: 'pack', batch: 1 }, 'batch'],
    ['unknown expression', { controls: { expression: 'smug' } }, 'controls.expression'],
    ['unknown subject', { controls: { subject: 'vehicle' } }, 'controls.subject'],
  ])('rejects %s at %s', (_name, overrides, field) => {
    const result = parse(overrides);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === field);
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    expect(issue?.message).toMatch(/^[A-Z].*\.$/);
  });

  it('rejects unknown fields, including a background control (always transparent)', () => {
    expect(parse({ controls: { background: 'white' } }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['controls'], keys: ['background'] });
    expect(parse({ style: 'blob' }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['style'] });
  });
});
