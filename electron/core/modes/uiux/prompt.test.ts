import { describe, expect, it } from 'vitest';
import { buildUiuxMessages, buildUiuxPrompt } from './prompt';
import { uiuxRequest } from './test-fixtures';

const full = { compact: false };

describe('buildUiuxPrompt', () => {
  it.each([
    [{}, ['Build: three plans', 'one page section, not a whole page', 'dark SaaS', 'One complete HTML document', 'Tailwind CSS utility classes', 'Responsive and mobile-first', 'visible focus styles', 'It is previewed 1280px wide.', 'Return only one code block (```html)']],
    [{ tool: 'component', controls: { componentType: 'pricing' } }, ['pricing (plan cards', 'one reusable component']],
    [{ tool: 'page', preset: 'brutalist', controls: { framework: 'react-tsx', componentType: 'landing' } }, ['landing page (hero', 'brutalist: raw black and white', 'default-exports a typed React function component', 'Return only one code block (```tsx)']],
    [{ controls: { framework: 'next-tsx' } }, ["'use client' only if it uses state or effects", 'next/link']],
    [{ controls: { framework: 'vanilla-css' } }, ['single <style> block', 'No frameworks and no JavaScript.']],
    [{ controls: { colourScheme: '#0ea5e9 and slate' } }, ['Colour scheme: #0ea5e9 and slate.']],
    [{ controls: { darkMode: true } }, ['Use a dark theme by default.']],
    [{ controls: { responsive: false } }, ['A desktop layout at least 1024px wide.']],
    [{ controls: { accessibilityLevel: 'enhanced' } }, ['full keyboard operation', 'prefers-reduced-motion']],
    [{ size: 375 }, ['It is previewed 375px wide.']],
  ] as const)('%j has its fragments', (patch, fragments) => {
    const prompt = buildUiuxPrompt(uiuxRequest(patch), 'three plans', full);
    for (const fragment of fragments) expect(prompt).toContain(fragment);
  });

  it('leaves out what is not asked for', () => {
    const prompt = buildUiuxPrompt(uiuxRequest(), 'three plans', full);
    expect(prompt).not.toContain('Colour scheme:');
    expect(prompt).not.toContain('dark theme by default');
    expect(prompt).not.toContain('Enhanced accessibility');
  });

  it('starts with the user request and ends with the output rule', () => {
    const prompt = buildUiuxPrompt(uiuxRequest(), '  a pricing table  ', full);
    expect(prompt.startsWith('Build: a pricing table\n')).toBe(true);
    expect(prompt.trimEnd().endsWith('and nothing before or after it.')).toBe(true);
    expect(prompt).toContain('never lorem ipsum');
  });

  it('has a compact form with the request, style, framework and output rule', () => {
    const request = uiuxRequest({ preset: 'dev_terminal', controls: { framework: 'react-tsx', componentType: 'hero', darkMode: true, colourScheme: 'green' } });
    const compact = buildUiuxPrompt(request, 'CLI landing', { compact: true });
    expect(compact).toBe(
      'Build: CLI landing\nA hero in the dev terminal style, dark theme, colours green.\nA React TSX component, responsive, accessible.\nReturn only one code block (```tsx) with the complete file, and nothing before or after it.',
    );
    expect(compact.length).toBeLessThan(buildUiuxPrompt(request, 'CLI landing', full).length / 3);
  });
});

describe('buildUiuxMessages', () => {
  it('splits rules (system) from the request (user)', () => {
    const { system, user } = buildUiuxMessages(uiuxRequest({ controls: { framework: 'vanilla-css' } }), 'FAQ');
    expect(system.startsWith('You are a senior front-end engineer')).toBe(true);
    expect(system).toContain('CSS custom properties');
    expect(system).not.toContain('FAQ');
    expect(user.startsWith('Build: FAQ\n')).toBe(true);
    expect(user).not.toContain('You are');
  });
});
