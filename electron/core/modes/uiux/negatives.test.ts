import { describe, expect, it } from 'vitest';
import { assembleBank, FRAMEWORK_NEGATIVES, GLOBAL_NEGATIVES, uiuxNegativeBank } from './negatives';
import { UIUX_FRAMEWORKS, UIUX_PRESET_IDS, UIUX_TOOL_IDS } from '../../../../shared/mode-specs/uiux';
import { uiuxRequest } from './test-fixtures';

describe('uiuxNegativeBank', () => {
  it('orders global, framework, tool, style', () => {
    const bank = uiuxNegativeBank(uiuxRequest({ tool: 'page', preset: 'brutalist', controls: { framework: 'react-tsx' } }));
    expect(bank.slice(0, GLOBAL_NEGATIVES.length)).toEqual(GLOBAL_NEGATIVES);
    const at = (term: string) => bank.indexOf(term);
    expect(at('lorem ipsum')).toBeLessThan(at('the any type'));
    expect(at('the any type')).toBeLessThan(at('more than one h1'));
    expect(at('more than one h1')).toBeLessThan(at('soft shadows'));
    expect(bank.at(-1)).toBe('rounded corners');
  });

  it.each([
    [{}, ['inline event handler attributes', 'external scripts', 'remote images', 'remote fonts', 'lorem ipsum', 'script tags', 'global CSS resets', 'pure black backgrounds']],
    [{ controls: { framework: 'vanilla-css' } }, ['Tailwind classes', 'JavaScript']],
    [{ controls: { framework: 'next-tsx' } }, ['Pages Router APIs']],
    [{ tool: 'component', preset: 'glassmorphism' }, ['page-level layout', 'flat opaque cards']],
  ] as const)('%j contains its terms', (patch, terms) => {
    const bank = uiuxNegativeBank(uiuxRequest(patch));
    for (const term of terms) expect(bank).toContain(term);
  });

  it('keeps frameworks apart', () => {
    expect(uiuxNegativeBank(uiuxRequest({ controls: { framework: 'react-tsx' } }))).not.toContain('script tags');
    expect(uiuxNegativeBank(uiuxRequest())).not.toContain('the any type');
  });

  it('de-duplicates across banks (dangerouslySetInnerHTML is in two framework banks but appears once)', () => {
    for (const framework of UIUX_FRAMEWORKS)
      for (const tool of UIUX_TOOL_IDS)
        for (const preset of UIUX_PRESET_IDS) {
          const bank = uiuxNegativeBank(uiuxRequest({ tool, preset, controls: { framework } }));
          expect(new Set(bank.map((term) => term.toLowerCase())).size).toBe(bank.length);
          expect(bank.join('|')).not.toMatch(/,/);
        }
    expect(FRAMEWORK_NEGATIVES['react-tsx']).toContain('dangerouslySetInnerHTML');
  });

  it('assembleBank keeps the first spelling and drops case variants', () => {
    expect(assembleBank(['Lorem Ipsum', 'x'], ['lorem ipsum', 'X', 'y'])).toEqual(['Lorem Ipsum', 'x', 'y']);
  });
});
