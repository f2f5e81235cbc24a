import { describe, expect, it } from 'vitest';
import { formatForExtension } from '../../assets/asset-formats';
import { CODE_MIME, codeFilename, postProcessUiux } from './post-process';
import { CodeExtractError } from './code-result';
import { uiuxRequest } from './test-fixtures';

const encode = (text: string) => new TextEncoder().encode(text);
const live = () => new AbortController().signal;
const TSX = "export default function Hero() {\n  return <section><h1>Ship faster</h1></section>;\n}";

describe('postProcessUiux', () => {
  it('turns a model answer into a code file', async () => {
    const request = uiuxRequest({ controls: { framework: 'react-tsx', componentType: 'hero' } });
    const output = await postProcessUiux(request, { bytes: encode(`Here:\n\`\`\`tsx\n${TSX}\n\`\`\`\n`), mime: 'text/plain' }, live());
    expect(output).toMatchObject({ kind: 'code', mime: 'text/tsx', extension: 'tsx', width: 1280, height: 800 });
    expect(new TextDecoder().decode(output.bytes)).toBe(`${TSX}\n`);
    expect(output.notes).toEqual(['Hero.tsx: 3 lines of tsx.']);
  });

  it('writes HTML for html-tailwind and vanilla-css', async () => {
    const tailwind = await postProcessUiux(uiuxRequest({ size: 375 }), { bytes: encode('<section><h2>Plans</h2></section>'), mime: 'text/markdown' }, live());
    expect(tailwind).toMatchObject({ kind: 'code', mime: 'text/html', extension: 'html', width: 375, height: 812 });
    const vanilla = await postProcessUiux(
      uiuxRequest({ controls: { framework: 'vanilla-css', componentType: 'cta' } }),
      { bytes: encode('```html\n<style>.cta { padding: 2rem; }</style>\n<section class="cta"><a href="#">Start</a></section>\n```'), mime: 'text/plain' },
      live(),
    );
    expect(vanilla).toMatchObject({ kind: 'code', extension: 'html' });
    expect(vanilla.notes).toEqual(['cta.html: 2 lines of html.']);
  });

  it.each([
    ['an image', { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), mime: 'image/png' }, 'not_text'],
    ['invalid UTF-8', { bytes: new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xfe]), mime: 'text/plain' }, 'not_text'],
    ['an empty answer', { bytes: new Uint8Array(), mime: 'text/plain' }, 'empty'],
    ['an oversized answer', { bytes: new Uint8Array(300 * 1024).fill(0x61), mime: 'text/plain' }, 'too_large'],
  ])('rejects %s', async (_what, image, reason) => {
    const error = await postProcessUiux(uiuxRequest(), image, live()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CodeExtractError);
    expect((error as CodeExtractError).reason).toBe(reason);
  });

  it('stops when the job is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(postProcessUiux(uiuxRequest(), { bytes: encode('<p>x</p>'), mime: 'text/plain' }, controller.signal)).rejects.toThrow(/abort/i);
  });
});

describe('codeFilename', () => {
  it.each([
    ['section', 'html-tailwind', 'pricing', 'pricing.html'],
    ['section', 'vanilla-css', 'custom', 'section.html'],
    ['component', 'react-tsx', 'navbar', 'Navbar.tsx'],
    ['component', 'react-tsx', 'custom', 'Component.tsx'],
    ['section', 'next-tsx', 'faq', 'Faq.tsx'],
    ['page', 'next-tsx', 'landing', 'page.tsx'],
    ['page', 'react-tsx', 'landing', 'Landing.tsx'],
  ] as const)('%s / %s / %s → %s', (tool, framework, componentType, filename) => {
    expect(codeFilename(uiuxRequest({ tool, controls: { framework, componentType } }))).toBe(filename);
  });

  it('gives each code file the type the asset writer expects for its extension (a mismatch failed every TSX job at persist)', () => {
    for (const [extension, mime] of Object.entries(CODE_MIME)) expect(formatForExtension(extension)?.mime, extension).toBe(mime);
  });
});
