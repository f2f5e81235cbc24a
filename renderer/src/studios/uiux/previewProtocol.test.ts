import { describe, expect, it } from 'vitest';
import { canPreview, codeLanguageOf, frameworkOf, isTsx, renderMessage, trustedPreviewMessage, tsxRenderMessage } from './previewProtocol';

const frame = {} as Window;
const other = {} as Window;

describe('trustedPreviewMessage', () => {
  it('accepts our frame’s messages: opaque origin, our window, a known shape', () => {
    expect(trustedPreviewMessage({ origin: 'null', source: frame, data: { type: 'wokgen-preview:ready' } }, frame)).toEqual({ type: 'wokgen-preview:ready' });
    expect(trustedPreviewMessage({ origin: 'null', source: frame, data: { type: 'wokgen-preview:size', height: 420 } }, frame)).toEqual({
      type: 'wokgen-preview:size',
      height: 420,
    });
  });

  it('drops messages from another window, from a real origin, or of an unknown shape', () => {
    const ready = { type: 'wokgen-preview:ready' };
    expect(trustedPreviewMessage({ origin: 'null', source: other, data: ready }, frame)).toBeNull();
    expect(trustedPreviewMessage({ origin: 'app://studio', source: frame, data: ready }, frame)).toBeNull();
    expect(trustedPreviewMessage({ origin: 'null', source: frame, data: ready }, null)).toBeNull();
    expect(trustedPreviewMessage({ origin: 'null', source: frame, data: { type: 'wokgen-preview:size', height: -1 } }, frame)).toBeNull();
    expect(trustedPreviewMessage({ origin: 'null', source: frame, data: { type: 'wokgen-preview:ready', extra: 1 } }, frame)).toBeNull();
    expect(trustedPreviewMessage({ origin: 'null', source: frame, data: 'ready' }, frame)).toBeNull();
  });
});

describe('what the frame is sent', () => {
  it('wraps a fragment in a page and adds Tailwind only for html-tailwind', () => {
    const tw = renderMessage('<button class="px-4">Go</button>', 'html-tailwind', 'TAILWIND');
    expect(tw.html).toMatch(/^<!doctype html><html>.*<body><button class="px-4">Go<\/button><\/body><\/html>$/);
    expect(tw.tailwind).toBe('TAILWIND');
    expect(renderMessage('<p>x</p>', 'vanilla-css', 'TAILWIND').tailwind).toBe('');
  });

  it('keeps a whole document as it is', () => {
    const page = '<!DOCTYPE html>\n<html><body><p>x</p></body></html>';
    expect(renderMessage(page, 'vanilla-css', '').html).toBe(page);
  });

  it('sends TSX as an empty page with a root, Tailwind and the render script; HTML carries no script', () => {
    const message = tsxRenderMessage('SCRIPT', 'TAILWIND');
    expect(message).toMatchObject({ type: 'wokgen-preview:render', tailwind: 'TAILWIND', script: 'SCRIPT' });
    expect(message.html).toContain('<div id="wokgen-preview-root"></div>');
    expect(renderMessage('<p>x</p>', 'html-tailwind', 'TAILWIND')).not.toHaveProperty('script');
  });
});

describe('frameworks', () => {
  it('reads the framework from the asset metadata, else from the file type', () => {
    expect(frameworkOf({ extra: { controls: { framework: 'vanilla-css' } } }, 'a.html')).toBe('vanilla-css');
    expect(frameworkOf({}, 'Hero.tsx')).toBe('react-tsx');
    expect(frameworkOf({ extra: { controls: { framework: 'bogus' } } }, 'a.html')).toBe('html-tailwind');
    expect(frameworkOf({}, 'a.txt')).toBeNull();
  });

  it('previews every framework (TSX through React in the frame), not an unknown file', () => {
    expect(canPreview('html-tailwind')).toBe(true);
    expect(canPreview('vanilla-css')).toBe(true);
    expect(canPreview('react-tsx')).toBe(true);
    expect(canPreview('next-tsx')).toBe(true);
    expect(canPreview(null)).toBe(false);
    expect(isTsx('next-tsx') && isTsx('react-tsx')).toBe(true);
    expect(isTsx('html-tailwind')).toBe(false);
    expect(codeLanguageOf('Hero.tsx')).toBe('typescript');
    expect(codeLanguageOf('hero.html')).toBe('xml');
  });
});
