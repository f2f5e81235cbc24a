import { describe, expect, it } from 'vitest';
import { codeHeaderComment, withCodeHeader } from './header';

describe('withCodeHeader', () => {
  it('puts an HTML comment after the DOCTYPE', () => {
    const out = withCodeHeader('<!DOCTYPE html>\n<html></html>\n', 'html', ['WokGen uiux', 'seed: 42']);
    expect(out).toBe('<!DOCTYPE html>\n<!--\n  WokGen uiux\n  seed: 42\n-->\n<html></html>\n');
  });

  it('puts the header first when there is no DOCTYPE, and before a use client directive', () => {
    expect(withCodeHeader('<section></section>\n', 'html', ['a'])).toBe('<!--\n  a\n-->\n<section></section>\n');
    expect(withCodeHeader("'use client';\nexport default function A() { return <div />; }\n", 'tsx', ['a'])).toBe(
      "/*\n * a\n */\n'use client';\nexport default function A() { return <div />; }\n",
    );
  });

  it('cannot be closed early by the metadata (a prompt with --> or */)', () => {
    const html = codeHeaderComment('html', ['prompt: a --> <script>alert(1)</script> ---', 'x-']);
    expect(html.slice(4, -3)).not.toContain('--');
    expect(html.match(/-->/g)).toHaveLength(1);
    const tsx = codeHeaderComment('tsx', ['prompt: */ alert(1) /*', 'two\nlines']);
    expect(tsx.match(/\*\//g)).toHaveLength(1);
    expect(tsx.split('\n')).toHaveLength(4);
  });
});
