import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { commentStyleFor, embedCodeMetadata, readCodeMetadata } from './code-metadata';
import { AssetMetadataError } from './errors';
import { fullMetadata, HOSTILE_TEXT } from './testing';

const META = fullMetadata({ mode: 'uiux', tool: 'component', prompt: HOSTILE_TEXT, negativePrompt: '*/ /* */ --> <!-- --!> <!-', extra: { s: '*/' } });

const TSX = "'use client';\nexport function Card() {\n  return <div className=\"card\">{'*/'}</div>;\n}\n";
const CSS = '@charset "UTF-8";\n.card { color: red; }\n';
const HTML = '<!DOCTYPE html>\n<html><body><p>--&gt;</p></body></html>\n';

/** Syntax errors TypeScript reports for a TSX module (none means the header broke nothing). */
function tsxSyntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, { fileName: 'Card.tsx', reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('code header comments', () => {
  it('picks the comment style by extension', () => {
    expect(['tsx', 'css', 'html', 'HTML', 'png'].map(commentStyleFor)).toEqual(['block', 'block', 'html', 'html', null]);
  });

  it('tsx: round-trips hostile text; the file still parses and its code is unchanged', () => {
    const out = embedCodeMetadata(TSX, 'block', META);
    expect(out.startsWith('/* wokgen: {')).toBe(true);
    expect(out.endsWith(TSX)).toBe(true);
    // The comment closes exactly once, at the end of our header line.
    expect(out.indexOf('*/')).toBe(out.indexOf('\n') - 2);
    expect(tsxSyntaxErrors(out)).toEqual([]);
    expect(readCodeMetadata(out, 'block')).toEqual(META);
  });

  it('css: goes after @charset (which must stay first) and round-trips', () => {
    const out = embedCodeMetadata(CSS, 'block', META);
    expect(out.startsWith('@charset "UTF-8";\n/* wokgen: ')).toBe(true);
    expect(out.endsWith('.card { color: red; }\n')).toBe(true);
    expect(readCodeMetadata(out, 'block')).toEqual(META);
  });

  it('html: goes after the doctype; the comment cannot be closed early by the JSON', () => {
    const out = embedCodeMetadata(HTML, 'html', META);
    expect(out.startsWith('<!DOCTYPE html>\n<!-- wokgen: {')).toBe(true);
    const header = out.slice(out.indexOf('<!--'), out.indexOf('\n', out.indexOf('<!--')));
    // Nothing the HTML spec forbids inside a comment: only our own opener and closer.
    expect(header.slice(4, -3)).not.toMatch(/-->|--!>|<!--|<!-$/);
    expect(header.endsWith(' -->')).toBe(true);
    expect(out.endsWith('<html><body><p>--&gt;</p></body></html>\n')).toBe(true);
    expect(readCodeMetadata(out, 'html')).toEqual(META);
  });

  it('replaces its own header instead of stacking a second one, and keeps a BOM first', () => {
    const once = embedCodeMetadata(`\uFEFF${TSX}`, 'block', fullMetadata({ prompt: 'first' }));
    const twice = embedCodeMetadata(once, 'block', META);
    expect(twice.split('/* wokgen: ').length - 1).toBe(1);
    expect(twice.startsWith('\uFEFF/* wokgen: ')).toBe(true);
    expect(twice.endsWith(TSX)).toBe(true);
    expect(readCodeMetadata(twice, 'block')).toEqual(META);
  });

  it('ignores lookalikes that are not at the top of the file', () => {
    const fake = `/* wokgen: ${JSON.stringify(fullMetadata())} */`;
    expect(readCodeMetadata(`const x = 1;\n${fake}\n`, 'block')).toBeNull();
    expect(readCodeMetadata(`<p>hi</p><!-- wokgen: ${JSON.stringify(fullMetadata())} -->`, 'html')).toBeNull();
    const out = embedCodeMetadata(`const x = 1;\n${fake}\n`, 'block', META);
    expect(out.endsWith(`const x = 1;\n${fake}\n`)).toBe(true);
  });

  it('an unclosed or invalid header is a typed error', () => {
    const reason = (fn: () => unknown) => {
      try {
        fn();
        return 'ok';
      } catch (error) {
        return error instanceof AssetMetadataError ? error.reason : 'untyped';
      }
    };
    expect(reason(() => readCodeMetadata('/* wokgen: {"format":1', 'block'))).toBe('truncated');
    expect(reason(() => readCodeMetadata('/* wokgen: {"format":1} */', 'block'))).toBe('invalid_metadata');
    expect(reason(() => readCodeMetadata('<!-- wokgen: nope -->', 'html'))).toBe('invalid_metadata');
  });
});
