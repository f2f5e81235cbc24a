import { describe, expect, it } from 'vitest';
import type { ExportFormatInfo, ExportOptionSpec } from '../../../../shared/exports';
import { defaultOptions, progressFraction, progressLabel, toggleChoice } from './exportForm';

const SCALES: Extract<ExportOptionSpec, { type: 'multi' }> = {
  type: 'multi',
  key: 'scales',
  label: 'Scales',
  choices: [
    { value: '1', label: '1×' },
    { value: '2', label: '2×' },
    { value: '4', label: '4×' },
  ],
  default: ['1'],
};

describe('export form model', () => {
  it('starts from each option’s default', () => {
    const format: ExportFormatInfo = {
      id: 'gif',
      label: 'GIF',
      description: '',
      extension: 'gif',
      options: [SCALES, { type: 'number', key: 'delayMs', label: 'Delay', min: 0, max: 10, step: 1, default: 0 }, { type: 'boolean', key: 'x', label: 'X', default: true }],
    };
    expect(defaultOptions(format)).toEqual({ scales: ['1'], delayMs: 0, x: true });
  });

  it('toggles multi choices in the choices’ order and never leaves none', () => {
    expect(toggleChoice(SCALES, ['1'], '4')).toEqual(['1', '4']);
    expect(toggleChoice(SCALES, ['4'], '1')).toEqual(['1', '4']);
    expect(toggleChoice(SCALES, ['1', '4'], '1')).toEqual(['4']);
    expect(toggleChoice(SCALES, ['4'], '4')).toEqual(['4']);
  });

  it('turns progress events into one bar', () => {
    expect(progressFraction(null)).toBe(0);
    expect(progressFraction({ exportId: 'e', phase: 'rendering', done: 5, total: 10 })).toBeCloseTo(0.45);
    expect(progressFraction({ exportId: 'e', phase: 'writing', done: 1, total: 1 })).toBe(1);
    expect(progressLabel({ exportId: 'e', phase: 'rendering', done: 5, total: 10 })).toBe('Rendering 5 of 10…');
    expect(progressFraction({ exportId: 'e', phase: 'importing', done: 1, total: 4 })).toBe(0.25);
    expect(progressLabel({ exportId: 'e', phase: 'importing', done: 1, total: 4 })).toBe('Importing 1 of 4…');
  });
});
