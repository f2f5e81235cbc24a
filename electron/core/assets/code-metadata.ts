/**
 * Our metadata in code files, as one header comment at the top:
 *
 *   /* wokgen: {json} *\/        (tsx, css — and any C-style comment language)
 *   <!-- wokgen: {json} -->      (html)
 *
 * The JSON is made safe for the comment it sits in by escaping inside its strings (the
 * only place these characters can occur in JSON), with escapes JSON.parse undoes:
 * - block comments: `/` after `*` becomes `\/`, so the text never contains the closing
 *   delimiter;
 * - HTML comments: every `<` and `>` becomes `\u003c` / `\u003e`, which rules out
 *   `-->`, `--!>` and `<!--` (all the HTML spec forbids inside a comment).
 *
 * The header is looked for only at the top of the file (after a BOM, and after the few
 * things that must come first: HTML's doctype, CSS's `@charset`), so a lookalike comment
 * further down (user text, a string literal) is never read or replaced.
 */
import { parseAssetMetadata, serializeAssetMetadata, type AssetMetadata } from './asset-metadata';
import { AssetMetadataError } from './errors';

export type CodeCommentStyle = 'block' | 'html';

const STYLES: Readonly<Record<CodeCommentStyle, { open: string; close: string }>> = {
  block: { open: '/* wokgen: ', close: ' */' },
  html: { open: '<!-- wokgen: ', close: ' -->' },
};

export function commentStyleFor(extension: string): CodeCommentStyle | null {
  switch (extension.toLowerCase()) {
    case 'tsx':
    case 'ts':
    case 'jsx':
    case 'js':
    case 'css':
      return 'block';
    case 'html':
    case 'htm':
      return 'html';
    default:
      return null;
  }
}

function escapeJson(json: string, style: CodeCommentStyle): string {
  return style === 'block' ? json.replaceAll('*/', '*\\/') : json.replace(/[<>]/g, (c) => (c === '<' ? '\\u003c' : '\\u003e'));
}

/**
 * Where the header goes / is looked for: after a BOM, then after a leading
 * `<!DOCTYPE …>` (html) or `@charset "…";` (css, which must be the very first bytes).
 */
function headerOffset(code: string, style: CodeCommentStyle): number {
  let at = code.startsWith('\uFEFF') ? 1 : 0;
  const rest = code.slice(at);
  const lead = style === 'html' ? /^\s*<!doctype[^>]*>[ \t]*\r?\n?/i.exec(rest) : /^@charset "[^"]*";[ \t]*\r?\n?/.exec(rest);
  if (lead) at += lead[0].length;
  return at;
}

interface Header {
  readonly start: number;
  /** Just after the header's own line break. */
  readonly end: number;
  readonly json: string;
}

function findHeader(code: string, style: CodeCommentStyle): Header | null {
  const { open, close } = STYLES[style];
  const start = headerOffset(code, style);
  if (!code.startsWith(open, start)) return null;
  const closeAt = code.indexOf(close, start + open.length);
  if (closeAt < 0) throw new AssetMetadataError('truncated', 'The WokGen header comment is not closed.');
  let end = closeAt + close.length;
  if (code.startsWith('\r\n', end)) end += 2;
  else if (code[end] === '\n') end += 1;
  return { start, end, json: code.slice(start + open.length, closeAt) };
}

/** The code with our header at the top, replacing an earlier header of ours. */
export function embedCodeMetadata(code: string, style: CodeCommentStyle, metadata: AssetMetadata): string {
  const { open, close } = STYLES[style];
  const header = `${open}${escapeJson(serializeAssetMetadata(metadata), style)}${close}\n`;
  const existing = findHeader(code, style);
  const at = existing?.start ?? headerOffset(code, style);
  return code.slice(0, at) + header + code.slice(existing?.end ?? at);
}

/** Our metadata, or null when the file has no header of ours; a typed error when it is bad. */
export function readCodeMetadata(code: string, style: CodeCommentStyle): AssetMetadata | null {
  const header = findHeader(code, style);
  return header ? parseAssetMetadata(header.json) : null;
}
