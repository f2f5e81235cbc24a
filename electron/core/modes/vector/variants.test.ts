import { describe, expect, it } from 'vitest';
import { vectorVariantMutation } from './variants';
import { vectorRequest } from './test-fixtures';

describe('vectorVariantMutation', () => {
  it.each([
    [{}, 1, 'alternative visual metaphor for the same idea, same style'],
    [{ tool: 'illustration' }, 1, 'different viewpoint on the same subject, same style'],
    [{ preset: 'outline' }, 2, 'lighter airier linework with more open space'],
    [{ preset: 'rounded' }, 2, 'lighter airier linework with more open space'],
    [{ preset: 'filled' }, 2, 'bolder chunkier silhouette with stronger negative space'],
    [{ preset: 'sharp' }, 2, 'more dynamic angular composition with strong diagonals'],
    [{}, 3, 'fewer details and simpler shapes'],
    [{ controls: { colourMode: 'duotone' } }, 3, 'swap the two colours and simplify the details'],
    [{ controls: { colourMode: 'full' } }, 3, 'alternate flat colour palette with the same shapes'],
  ] as const)('%j slot %i', (patch, slot, expected) => {
    expect(vectorVariantMutation(vectorRequest(patch), slot)).toBe(expected);
  });

  it('gives three different mutations for one request', () => {
    const request = vectorRequest({ preset: 'filled', controls: { colourMode: 'full' } });
    expect(new Set([1, 2, 3].map((slot) => vectorVariantMutation(request, slot as 1 | 2 | 3))).size).toBe(3);
  });
});
