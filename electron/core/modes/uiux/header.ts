/**
 * The generation header at the top of a code asset, written in the file's own comment syntax
 * so the file still parses. The pipeline calls `withCodeHeader` with the metadata lines (mode,
 * tool, preset, prompt, provider, model, seed, job id…) when it writes the asset; post-processing
 * returns the code without it because it does not know the provider, model or job yet.
 */
import type { CodeLanguage } from './code-result';

/** Keeps a line from closing the comment early or spanning lines. */
function safeLine(line: string, language: CodeLanguage): string {
  // eslint-disable-next-line no-control-regex -- control characters would break the comment line
  const single = line.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return language === 'html' ? single.replace(/--+/g, (dashes) => dashes.split('').join(' ')).replace(/-$/, '- ') : single.replace(/\*\//g, '* /');
}

export function codeHeaderComment(language: CodeLanguage, lines: ReadonlyArray<string>): string {
  const safe = lines.map((line) => safeLine(line, language));
  if (language === 'html') return `<!--\n${safe.map((line) => `  ${line}`).join('\n')}\n-->`;
  return `/*\n${safe.map((line) => ` * ${line}`).join('\n')}\n */`;
}

/**
 * Puts the header first — in HTML after the DOCTYPE, so the document stays in standards mode
 * whatever the browser; in TSX before a 'use client' directive (comments may precede it).
 */
export function withCodeHeader(code: string, language: CodeLanguage, lines: ReadonlyArray<string>): string {
  const header = codeHeaderComment(language, lines);
  if (language === 'html') {
    const doctype = /^\s*<!doctype[^>]*>[ \t]*\r?\n?/i.exec(code);
    if (doctype) return `${doctype[0].trimEnd()}\n${header}\n${code.slice(doctype[0].length)}`;
  }
  return `${header}\n${code}`;
}
