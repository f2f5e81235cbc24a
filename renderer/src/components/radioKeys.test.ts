import { describe, expect, it } from 'vitest';
import { radioKeyTarget } from './SegmentedRadio';

describe('radio group keys', () => {
  it('moves with the arrows, wrapping, and jumps with Home/End', () => {
    expect(radioKeyTarget('ArrowRight', 3, 4)).toBe(0);
    expect(radioKeyTarget('ArrowLeft', 0, 4)).toBe(3);
    expect(radioKeyTarget('ArrowDown', 1, 4)).toBe(2);
    expect(radioKeyTarget('Home', 2, 4)).toBe(0);
    expect(radioKeyTarget('End', 0, 4)).toBe(3);
    expect(radioKeyTarget('Enter', 0, 4)).toBeNull();
    expect(radioKeyTarget('ArrowRight', 0, 0)).toBeNull();
  });
});
