import { describe, expect, it } from 'vitest';
import { checkLanguage, CodeExtractError, CodeResultSchema, extractCode, findFences, MAX_CODE_BYTES, stripExternalScripts, type CodeErrorReason } from './code-result';

const HTML = '<!DOCTYPE html>\n<html lang="en">\n<head><title>Pricing</title></head>\n<body><section class="p-8"><h2>Plans</h2></section></body>\n</html>';
const TSX = "import React from 'react';\n\ninterface Props { className?: string }\n\nexport default function Pricing({ className }: Props) {\n  return <section className={className}><h2>Plans</h2></section>;\n}";
const VANILLA = '<!DOCTYPE html>\n<html><head><style>\n:root { --accent: #6366f1; }\n.plan { color: var(--accent); }\n</style></head><body><div class="plan">Pro</div></body></html>';

function reasonOf(run: () => unknown): CodeErrorReason | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof CodeExtractError) return error.reason;
    throw error;
  }
}

describe('extractCode', () => {
  it('takes the fenced block and drops the prose around it', () => {
    const text = `Sure! Here is your pricing section:\n\n\`\`\`html\n${HTML}\n\`\`\`\n\nLet me know if you want changes.`;
    const { result, notes } = extractCode(text, 'html-tailwind');
    expect(result).toEqual({ framework: 'html-tailwind', language: 'html', filename: 'component.html', code: `${HTML}\n` });
    expect(notes).toEqual([]);
  });

  it('takes the whole text when there is no fence', () => {
    expect(extractCode(`\n\n${TSX}\n\n`, 'react-tsx').result).toMatchObject({ language: 'tsx', filename: 'Component.tsx', code: `${TSX}\n` });
  });

  it('prefers the block tagged for the framework over an earlier install snippet', () => {
    const text = `First install:\n\`\`\`bash\nnpm i react\n\`\`\`\nThen:\n\`\`\`tsx\n${TSX}\n\`\`\``;
    const { result, notes } = extractCode(text, 'next-tsx', { filename: 'page.tsx' });
    expect(result.code).toBe(`${TSX}\n`);
    expect(result.filename).toBe('page.tsx');
    expect(notes).toEqual(['The answer had 2 code blocks; kept the tsx one.']);
  });

  it('takes the first block when none is tagged for the framework', () => {
    const text = `\`\`\`\n${HTML}\n\`\`\`\n\`\`\`\n<p>second</p>\n\`\`\``;
    expect(extractCode(text, 'html-tailwind').result.code).toBe(`${HTML}\n`);
  });

  it('accepts tildes, longer fences and CRLF line ends', () => {
    expect(extractCode(`~~~~html\r\n${HTML}\r\n~~~~\r\n`, 'html-tailwind').result.code).toContain('<section class="p-8">');
  });

  it('keeps an unclosed block (a cut-off answer) and says so', () => {
    const { result, notes } = extractCode(`\`\`\`tsx\n${TSX}\n`, 'react-tsx');
    expect(result.code).toBe(`${TSX}\n`);
    expect(notes).toContain('The code block was not closed; the answer may have been cut off.');
  });

  it('removes remote scripts and keeps the page', () => {
    const withScripts = HTML.replace(
      '<head>',
      '<head>\n<script src="https://cdn.tailwindcss.com"></script>\n<SCRIPT type="module" SRC=//evil.example/x.js></SCRIPT>\n<script src="https://a.example/b.js" />\n<script>tailwind.config = {}</script>',
    );
    const { result, notes } = extractCode(withScripts, 'html-tailwind');
    expect(result.code).not.toMatch(/src=|cdn\.tailwindcss|evil\.example|a\.example/i);
    expect(result.code).toContain('<script>tailwind.config = {}</script>');
    expect(result.code).toContain('<h2>Plans</h2>');
    expect(notes).toContain('Removed 3 external scripts.');
  });

  it('checks vanilla CSS pages for CSS rules', () => {
    expect(extractCode(VANILLA, 'vanilla-css').result).toMatchObject({ framework: 'vanilla-css', language: 'html' });
    expect(reasonOf(() => extractCode(HTML, 'vanilla-css'))).toBe('framework_mismatch');
  });

  it.each([
    ['empty text', '', 'html-tailwind', 'empty'],
    ['only whitespace', ' \n\t\n', 'react-tsx', 'empty'],
    ['an empty fence', 'Here you go:\n```html\n```', 'html-tailwind', 'empty'],
    ['only a remote script', '<script src="https://x.example/a.js"></script>', 'html-tailwind', 'empty'],
    ['HTML when TSX was asked', HTML, 'react-tsx', 'framework_mismatch'],
    ['TSX when HTML was asked', TSX, 'html-tailwind', 'framework_mismatch'],
    ['TSX without an export', TSX.replace('export default ', ''), 'next-tsx', 'framework_mismatch'],
    ['TypeScript without JSX', 'export const total = (xs: Array<number>): number => xs.length;', 'react-tsx', 'framework_mismatch'],
    ['prose instead of HTML', 'I cannot help with that request.', 'html-tailwind', 'framework_mismatch'],
    ['CSS when HTML was asked', '.a { color: red; }', 'html-tailwind', 'framework_mismatch'],
    ['an oversized answer', `\`\`\`html\n${HTML}\n${'<p>x</p>'.repeat(MAX_CODE_BYTES / 8)}\n\`\`\``, 'html-tailwind', 'too_large'],
  ] as const)('rejects %s', (_what, text, framework, reason) => {
    expect(reasonOf(() => extractCode(text, framework))).toBe(reason);
  });

  it('measures the size limit in UTF-8 bytes, not characters', () => {
    const fits = `<p>${'é'.repeat(MAX_CODE_BYTES / 2 - 10)}</p>`; // 2 bytes a character
    expect(reasonOf(() => extractCode(fits, 'html-tailwind'))).toBe('no error');
    expect(reasonOf(() => extractCode(`<p>${'é'.repeat(MAX_CODE_BYTES / 2)}</p>`, 'html-tailwind'))).toBe('too_large');
  });

  it('writes error messages as sentences', () => {
    try {
      extractCode(HTML, 'react-tsx');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('The answer is an HTML document, but a TSX component was asked for.');
    }
  });
});

describe('checkLanguage for stylesheets', () => {
  it('accepts rules and rejects markup or prose', () => {
    expect(() => checkLanguage(':root { --a: #fff }\n.card { padding: 1rem; }', 'css', 'vanilla-css')).not.toThrow();
    expect(() => checkLanguage('<style>.a{color:red}</style>', 'css', 'vanilla-css')).toThrow('The stylesheet contains markup.');
    expect(() => checkLanguage('make it blue', 'css', 'vanilla-css')).toThrow('The stylesheet has no CSS rules.');
  });
});

describe('findFences', () => {
  it('finds every block with its tag', () => {
    expect(findFences('a\n```HTML\n<p>1</p>\n```\nb\n```\nplain\n```')).toEqual([
      { tag: 'html', body: '<p>1</p>', closed: true },
      { tag: '', body: 'plain', closed: true },
    ]);
  });

  it('does not close a ``` block with ~~~', () => {
    expect(findFences('```tsx\nconst a = 1;\n~~~\nconst b = 2;\n```')).toEqual([{ tag: 'tsx', body: 'const a = 1;\n~~~\nconst b = 2;', closed: true }]);
  });
});

describe('stripExternalScripts', () => {
  it('leaves inline scripts and other tags alone', () => {
    expect(stripExternalScripts('<script>let a = 1;</script><img src="#x">')).toEqual({ code: '<script>let a = 1;</script><img src="#x">', removed: 0 });
  });
});

describe('CodeResultSchema', () => {
  it.each(['../evil.tsx', 'dir/a.html', 'a.js', '.hidden.css', ''])('rejects the file name %j', (filename) => {
    expect(CodeResultSchema.safeParse({ framework: 'react-tsx', language: 'tsx', filename, code: 'x' }).success).toBe(false);
  });
});
