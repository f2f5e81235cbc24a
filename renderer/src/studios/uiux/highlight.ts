/**
 * Syntax highlighting for generated code: highlight.js core with only the languages the
 * UI/UX studio writes (HTML with inline CSS/JS, CSS, TSX). Imported lazily by CodeView so the
 * studio's first load does not pay for it. highlight.js escapes the source it marks up, so
 * its HTML output is safe to insert.
 */
import hljs from 'highlight.js/lib/core';
import css from 'highlight.js/lib/languages/css';
import javascript from 'highlight.js/lib/languages/javascript';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';

hljs.registerLanguage('xml', xml);
hljs.registerLanguage('css', css);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('typescript', typescript);

export function highlightCode(code: string, language: 'xml' | 'css' | 'typescript'): string {
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
