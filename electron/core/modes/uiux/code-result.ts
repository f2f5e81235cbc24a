/**
 * The code a UI/UX generation delivers, and how it is pulled out of a text model's answer.
 *
 * `extractCode(text, framework)`:
 * 1. rejects answers over 200 KB (measured in UTF-8 bytes, before any parsing);
 * 2. takes the code from the first fenced block — the first whose language tag fits the
 *    framework when there are several (models sometimes lead with a ```bash install line) —
 *    or the whole text when there is no fence; an unclosed fence (an answer cut off at the
 *    token limit) is taken to the end, with a note;
 * 3. rejects an empty result;
 * 4. removes every `<script src=…>` (remote code; the preview supplies Tailwind itself);
 * 5. checks the code is what the framework asked for: TSX has an export and JSX and is not an
 *    HTML document; HTML has markup and no module syntax; vanilla-css's HTML also has CSS rules
 *    in a `<style>`; a stylesheet has rules and no markup.
 * Failures throw `CodeExtractError` with a `reason` the pipeline can branch on.
 *
 * Inline `<script>` blocks are kept (the prompt asks for none, and the preview runs code in a
 * sandbox); so are remote `<link>`s (the negatives ask for none).
 */
import { z } from 'zod';
import { FRAMEWORK_LANGUAGE, UIUX_FRAMEWORKS, type UiuxFramework } from '../../../../shared/mode-specs/uiux';

export const CODE_LANGUAGES = ['html', 'tsx', 'css'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** Largest answer accepted, in UTF-8 bytes (a 4096-token answer is ~16 KB). */
export const MAX_CODE_BYTES = 200 * 1024;

export const CodeResultSchema = z.strictObject({
  framework: z.enum(UIUX_FRAMEWORKS),
  language: z.enum(CODE_LANGUAGES),
  /** A bare file name (no folders) with the language's extension. */
  filename: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.(html|tsx|css)$/, { error: 'The file name must be a bare name ending in .html, .tsx or .css.' }),
  code: z.string().min(1),
});
export type CodeResult = z.output<typeof CodeResultSchema>;

export type CodeErrorReason = 'empty' | 'too_large' | 'framework_mismatch' | 'not_text';

export class CodeExtractError extends Error {
  constructor(
    readonly reason: CodeErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'CodeExtractError';
  }
}

export interface ExtractedCode {
  readonly result: CodeResult;
  /** What extraction changed, for the job details ("Removed 1 external script."). */
  readonly notes: ReadonlyArray<string>;
}

export interface ExtractOptions {
  /** File name to give the result; defaults to `component.html` / `Component.tsx`. */
  readonly filename?: string;
}

/** Fence tags accepted for each language. */
const FENCE_TAGS: Readonly<Record<CodeLanguage, ReadonlyArray<string>>> = {
  html: ['html', 'htm', 'xhtml'],
  tsx: ['tsx', 'jsx', 'typescript', 'ts', 'typescriptreact', 'react', 'javascript', 'js'],
  css: ['css'],
};

interface Fence {
  readonly tag: string;
  readonly body: string;
  readonly closed: boolean;
}

/** Every fenced block (``` or ~~~, three or more), in order; the last may be unclosed. */
export function findFences(text: string): Fence[] {
  const fences: Fence[] = [];
  const lines = text.split('\n');
  let open: { marker: string; tag: string; start: number } | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    if (open === null) {
      const match = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
      if (match) open = { marker: match[1] ?? '```', tag: (match[2] ?? '').toLowerCase(), start: index + 1 };
    } else {
      const trimmed = line.trim();
      if (trimmed.startsWith(open.marker) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === open.marker[0]) {
        fences.push({ tag: open.tag, body: lines.slice(open.start, index).join('\n'), closed: true });
        open = null;
      }
    }
  }
  if (open !== null) fences.push({ tag: open.tag, body: lines.slice(open.start).join('\n'), closed: false });
  return fences;
}

function pickBlock(text: string, language: CodeLanguage, notes: string[]): string {
  const fences = findFences(text);
  if (fences.length === 0) return text;
  const fence = fences.find((candidate) => FENCE_TAGS[language].includes(candidate.tag)) ?? fences[0];
  if (fence === undefined) return text;
  if (fences.length > 1) notes.push(`The answer had ${fences.length} code blocks; kept the ${fence.tag || 'untagged'} one.`);
  if (!fence.closed) notes.push('The code block was not closed; the answer may have been cut off.');
  return fence.body;
}

/** Removes `<script … src=…>` elements (self-closing, paired, or an unclosed opening tag). */
export function stripExternalScripts(code: string): { code: string; removed: number } {
  let removed = 0;
  const count = () => {
    removed += 1;
    return '';
  };
  const out = code
    .replace(/<script\b[^>]*\bsrc\s*=[^>]*\/>/gi, count)
    .replace(/<script\b[^>]*\bsrc\s*=[^>]*>[\s\S]*?<\/script\s*>/gi, count)
    .replace(/<script\b[^>]*\bsrc\s*=[^>]*>/gi, count);
  return { code: out, removed };
}

const HTML_DOCUMENT = /<!doctype\s+html|<html[\s>]/i;
const MARKUP = /<(?:!doctype\s+html|html|head|body|main|section|header|footer|nav|div|article|aside|form|button|a|p|h[1-6]|ul|ol|table|img|span|label|input|dialog|details)[\s>/]/i;
const MODULE_SYNTAX = /^\s*(?:import\s[^;\n]*\bfrom\s*['"]|import\s*['"]|export\s+(?:default|const|function|class|interface|type)\b)/m;
const TSX_EXPORT = /\bexport\s+(?:default\b|(?:async\s+)?function\b|const\b|class\b)/;
/** JSX, not a TypeScript generic: a closing tag `</div>`, a self-closing `<Card … />` or a fragment `<>`. */
const JSX_TAG = /<\/[A-Za-z][\w.:-]*\s*>|<[A-Za-z][\w.:-]*(?:\s[^<>]*)?\/>|<>/;
/** `selector { property: value }` */
const CSS_RULE = /[^{}\s][^{}]*\{[^{}]*[\w-]+\s*:\s*[^{};]+;?[^{}]*\}/;
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

function mismatch(message: string): CodeExtractError {
  return new CodeExtractError('framework_mismatch', message);
}

/** Throws when the code is not the language (and framework flavour) asked for. */
export function checkLanguage(code: string, language: CodeLanguage, framework: UiuxFramework): void {
  switch (language) {
    case 'tsx':
      if (HTML_DOCUMENT.test(code)) throw mismatch('The answer is an HTML document, but a TSX component was asked for.');
      if (!TSX_EXPORT.test(code)) throw mismatch('The TSX code exports nothing; a component must be exported.');
      if (!JSX_TAG.test(code)) throw mismatch('The TSX code has no JSX markup.');
      return;
    case 'html': {
      if (MODULE_SYNTAX.test(code)) throw mismatch('The answer is a JavaScript/TSX module, but HTML was asked for.');
      if (!MARKUP.test(code)) throw mismatch('The answer has no HTML markup.');
      if (framework === 'vanilla-css') {
        const css = [...code.matchAll(STYLE_BLOCK)].map((match) => match[1] ?? '').join('\n');
        if (!CSS_RULE.test(css)) throw mismatch('The vanilla CSS page has no CSS rules in a <style> block.');
      }
      return;
    }
    case 'css':
      if (/<[a-z!][^>]*>/i.test(code)) throw mismatch('The stylesheet contains markup.');
      if (!CSS_RULE.test(code)) throw mismatch('The stylesheet has no CSS rules.');
      return;
  }
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

export function defaultFilename(language: CodeLanguage): string {
  return language === 'tsx' ? 'Component.tsx' : `component.${language}`;
}

export function extractCode(text: string, framework: UiuxFramework, options: ExtractOptions = {}): ExtractedCode {
  if (utf8Length(text) > MAX_CODE_BYTES) {
    throw new CodeExtractError('too_large', `The generated answer is larger than ${MAX_CODE_BYTES / 1024} KB.`);
  }
  const language = FRAMEWORK_LANGUAGE[framework];
  const notes: string[] = [];
  const block = pickBlock(text.replace(/^\uFEFF/, ''), language, notes);
  const trimmed = block.replace(/^\s*\n/, '').trimEnd();
  if (trimmed.trim().length === 0) throw new CodeExtractError('empty', 'The model returned no code.');

  const { code, removed } = stripExternalScripts(trimmed);
  if (removed > 0) notes.push(`Removed ${removed} external script${removed === 1 ? '' : 's'}.`);
  if (code.trim().length === 0) throw new CodeExtractError('empty', 'The model returned no code.');
  checkLanguage(code, language, framework);

  const result = CodeResultSchema.parse({ framework, language, filename: options.filename ?? defaultFilename(language), code: `${code}\n` });
  return { result, notes };
}
