import { describe, expect, it } from 'vitest';
import { uiuxVariantMutation } from './variants';
import { uiuxRequest } from './test-fixtures';

describe('uiuxVariantMutation', () => {
  it.each([
    [{ tool: 'section' }, 1, /different layout for the same content/],
    [{ tool: 'component' }, 1, /horizontal instead of stacked/],
    [{ tool: 'page' }, 1, /sections reordered or regrouped/],
    [{ preset: 'saas_dark' }, 2, /same dark style/],
    [{ preset: 'dev_terminal' }, 2, /same dark style/],
    [{ preset: 'light_minimal' }, 2, /same light style/],
    [{ preset: 'corporate_clean' }, 2, /same light style/],
    [{ preset: 'brutalist' }, 2, /bolder alternative palette/],
    [{ preset: 'glassmorphism' }, 2, /bolder alternative palette/],
    [{ tool: 'section' }, 3, /more items per row/],
    [{ tool: 'component' }, 3, /compact density/],
    [{ tool: 'page', batch: 2 }, 3, /tighter vertical rhythm/],
  ] as const)('%j slot %i', (patch, slot, expected) => {
    expect(uiuxVariantMutation(uiuxRequest(patch), slot)).toMatch(expected);
  });

  it('writes each mutation as a sentence', () => {
    for (const slot of [1, 2, 3] as const) expect(uiuxVariantMutation(uiuxRequest(), slot)).toMatch(/^Variation: .*\.$/);
  });
});
