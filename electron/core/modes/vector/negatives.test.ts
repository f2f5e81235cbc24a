import { describe, expect, it } from 'vitest';
import { assembleBank, COLOUR_NEGATIVES, GLOBAL_NEGATIVES, PRESET_NEGATIVES, TOOL_NEGATIVES, vectorNegativeBank } from './negatives';
import { VECTOR_COLOUR_MODES, VECTOR_PRESET_IDS, VECTOR_TOOL_IDS } from '../../../../shared/mode-specs/vector';
import { vectorRequest } from './test-fixtures';

describe('vectorNegativeBank', () => {
  it('orders global, tool, preset, colour mode', () => {
    const bank = vectorNegativeBank(vectorRequest({ tool: 'illustration', preset: 'sharp', controls: { colourMode: 'duotone' } }));
    expect(bank.slice(0, GLOBAL_NEGATIVES.length)).toEqual(GLOBAL_NEGATIVES);
    const at = (term: string) => bank.indexOf(term);
    expect(at('watermark')).toBeLessThan(at('cluttered composition'));
    expect(at('cluttered composition')).toBeLessThan(at('rounded corners'));
    expect(at('rounded corners')).toBeLessThan(at('more than two colours'));
    expect(bank.at(-1)).toBe('rainbow palette');
  });

  it.each([
    [{}, ['photo', 'gradient noise', 'texture', '3d', 'shading', 'text', 'watermark', 'multiple icons', 'filled shapes', 'multiple colours']],
    [{ preset: 'filled' }, ['outline only', 'hollow shapes']],
    [{ preset: 'rounded' }, ['sharp corners']],
    [{ controls: { colourMode: 'full' } }, ['colour banding']],
  ] as const)('%j contains its terms', (patch, terms) => {
    const bank = vectorNegativeBank(vectorRequest(patch));
    for (const term of terms) expect(bank).toContain(term);
  });

  it('keeps banks apart: an outline icon has no filled or illustration terms', () => {
    const bank = vectorNegativeBank(vectorRequest());
    expect(bank).not.toContain('outline only');
    expect(bank).not.toContain('cluttered composition');
  });

  it('has no duplicate and no comma in any combination', () => {
    for (const tool of VECTOR_TOOL_IDS)
      for (const preset of VECTOR_PRESET_IDS)
        for (const colourMode of VECTOR_COLOUR_MODES) {
          const bank = vectorNegativeBank(vectorRequest({ tool, preset, controls: { colourMode } }));
          expect(new Set(bank.map((term) => term.toLowerCase())).size).toBe(bank.length);
          expect(bank.join('|')).not.toMatch(/,/);
          expect(bank.length).toBe(
            new Set([...GLOBAL_NEGATIVES, ...TOOL_NEGATIVES[tool], ...PRESET_NEGATIVES[preset], ...COLOUR_NEGATIVES[colourMode]].map((t) => t.toLowerCase())).size,
          );
        }
  });
});

describe('assembleBank', () => {
  it('keeps the first spelling, drops later case variants and blanks', () => {
    expect(assembleBank(['Text', 'blur'], ['text', ' ', 'BLUR', 'noise'], ['Noise', 'grain '])).toEqual(['Text', 'blur', 'noise', 'grain']);
  });
});
