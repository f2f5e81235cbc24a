import { describe, expect, it } from 'vitest';
import { buildVectorPrompt, strokeTokens } from './prompt';
import { vectorRequest } from './test-fixtures';

const full = { compact: false };
const compact = { compact: true };

describe('buildVectorPrompt', () => {
  it.each([
    [{}, ['settings gear', 'flat vector icon', 'outline style', '2px stroke on a 24px grid', 'regular line weight', 'monochrome', 'solid black on white', 'solid background for tracing', 'simple shapes']],
    [{ preset: 'rounded', controls: { strokeWidth: 1 } }, ['rounded line style', 'round line caps and joins', '1px stroke on a 24px grid', 'thin hairline strokes']],
    [{ preset: 'sharp' }, ['sharp angular style', '1.5px stroke on a 24px grid', 'regular line weight']],
    [{ preset: 'outline', controls: { strokeWidth: 3.5 } }, ['3.5px stroke on a 24px grid', 'heavy extra-thick strokes']],
    [{ preset: 'filled', controls: { colourMode: 'duotone' } }, ['solid filled shapes', 'glyph style', 'two-tone', 'two flat colours on white']],
    [{ tool: 'illustration', controls: { colourMode: 'full' } }, ['flat vector spot illustration', 'flat colours', 'limited palette', 'on a plain white background']],
  ] as const)('%j has its fragments', (patch, fragments) => {
    const prompt = buildVectorPrompt(vectorRequest(patch), 'settings gear', full);
    for (const fragment of fragments) expect(prompt.split(', ')).toContain(fragment);
  });

  it('puts the user words first', () => {
    expect(buildVectorPrompt(vectorRequest(), '  a paper plane ', full)).toMatch(/^a paper plane, flat vector icon, /);
    expect(buildVectorPrompt(vectorRequest(), 'a paper plane', compact)).toMatch(/^a paper plane, flat vector icon, /);
  });

  it('never mentions a stroke for filled icons, even when one is set', () => {
    const prompt = buildVectorPrompt(vectorRequest({ preset: 'filled', controls: { strokeWidth: 3 } }), 'cart', full);
    expect(prompt).not.toMatch(/stroke/);
    expect(buildVectorPrompt(vectorRequest({ preset: 'filled' }), 'cart', compact)).not.toMatch(/stroke|line weight/);
  });

  it('has a compact form that keeps the essentials and is much shorter', () => {
    const request = vectorRequest({ preset: 'rounded', controls: { colourMode: 'duotone' } });
    const long = buildVectorPrompt(request, 'chat bubble', full);
    const short = buildVectorPrompt(request, 'chat bubble', compact);
    expect(short).toBe('chat bubble, flat vector icon, rounded line style, regular line weight, two flat colours on white, simple shapes, solid background for tracing');
    expect(short.length).toBeLessThan(long.length * 0.6);
    expect(short.length).toBeLessThanOrEqual(200);
  });

  it('does not repeat a token the user already wrote', () => {
    const prompt = buildVectorPrompt(vectorRequest(), 'Flat Vector Icon', full);
    expect(prompt.toLowerCase().split('flat vector icon')).toHaveLength(2);
  });
});

describe('strokeTokens', () => {
  it.each([
    [0.5, 'thin hairline strokes'],
    [1, 'thin hairline strokes'],
    [1.25, 'regular line weight'],
    [2, 'regular line weight'],
    [2.5, 'bold thick strokes'],
    [3, 'bold thick strokes'],
    [4, 'heavy extra-thick strokes'],
  ])('%s px → %s', (width, weight) => {
    expect(strokeTokens(width)).toEqual([`${width}px stroke on a 24px grid`, weight]);
  });
});
