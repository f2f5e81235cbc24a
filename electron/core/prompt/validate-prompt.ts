/**
 * The prompt validator (pipeline stage 4): what the user typed becomes something a provider
 * can take, and the studio learns what was changed and why.
 *
 * Strips URLs, HTML tags, markdown emphasis/links, code fences and rules; removes words that
 * contradict the mode; collapses whitespace; rejects prompts with fewer than 3 letters.
 * Provider length caps are applied later, per attempt (`fitToProvider`), because the provider
 * is only known after routing and may change on fallback.
 */
export interface PromptValidation {
  readonly prompt: string;
  readonly negative: string;
  /** Human-readable notes for the studio ("Removed a link", "Removed “photorealistic”…"). */
  readonly warnings: ReadonlyArray<string>;
}

export class PromptRejected extends Error {
  constructor(
    message: string,
    readonly field: 'prompt' | 'negativePrompt',
  ) {
    super(message);
    this.name = 'PromptRejected';
  }
}

const MIN_LETTERS = 3;

interface Cleaner {
  readonly pattern: RegExp;
  readonly replacement: string;
  readonly warning: string;
}

/**
 * Order matters: invisible characters first (so "photo\u200brealistic" or a link split by a
 * zero-width space is seen whole), fences before inline code, links before bare URLs.
 * ZWJ/ZWNJ (U+200C/D) are kept: emoji sequences and Persian or Indic words need them.
 */
const CLEANERS: ReadonlyArray<Cleaner> = [
  // eslint-disable-next-line no-control-regex -- the point is to drop control characters
  { pattern: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, replacement: ' ', warning: 'Removed invisible control characters.' },
  { pattern: /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, replacement: '', warning: 'Removed invisible control characters.' },
  { pattern: /```[\s\S]*?```/g, replacement: ' ', warning: 'Removed a code block.' },
  // An unclosed fence keeps its text (it may be the whole description); only the backticks go.
  { pattern: /```/g, replacement: ' ', warning: 'Removed code formatting.' },
  { pattern: /`([^`]*)`/g, replacement: '$1', warning: 'Removed code formatting.' },
  { pattern: /!?\[([^\]]*)\]\([^)]*\)/g, replacement: '$1', warning: 'Removed a markdown link.' },
  { pattern: /\b(?:https?|ftp|file|data|javascript):\/?\/?[^\s,)]+/gi, replacement: ' ', warning: 'Removed a link.' },
  { pattern: /\bwww\.[^\s,)]+/gi, replacement: ' ', warning: 'Removed a link.' },
  // A tag name right after `<`, then attributes (`<b>`, `<img src=x>`); `a < b` is left alone.
  { pattern: /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/gi, replacement: ' ', warning: 'Removed HTML tags.' },
  // Emphasis must start and end at a word boundary: `my__init__` is a name, not emphasis.
  { pattern: /(^|[^\p{L}\p{N}_])(\*\*|__)(?=\S)(.+?)(?<=\S)\2(?![\p{L}\p{N}_])/gu, replacement: '$1$3', warning: 'Removed markdown emphasis.' },
  { pattern: /(^|\s)(-{3,}|_{3,}|\*{3,}|={3,})(?=\s|$)/g, replacement: ' ', warning: 'Removed a divider line.' },
];

function clean(text: string, warnings: Set<string>): string {
  // NFKC folds full-width and compatibility forms (ｈｔｔｐｓ://) so the patterns below see them.
  let out = text.normalize('NFKC');
  for (const { pattern, replacement, warning } of CLEANERS) {
    const next = out.replace(pattern, replacement);
    if (next !== out) warnings.add(warning);
    out = next;
  }
  return collapse(out);
}

function collapse(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])\1+/g, '$1')
    .replace(/^[\s,.;:]+|[\s,;:]+$/g, '')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes whole-word occurrences of each term (case-insensitive), warning once per term. */
export function removeConflictingTerms(text: string, terms: ReadonlyArray<string>, modeName: string, warnings: Set<string>): string {
  let out = text;
  // Longest first, so "3d render" goes before "3d".
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(term)}(?=$|[^\\p{L}\\p{N}])`, 'giu');
    const next = out.replace(pattern, '$1');
    if (next !== out) warnings.add(`Removed “${term}”: it does not fit the ${modeName} mode.`);
    out = next;
  }
  return collapse(out);
}

export function countLetters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

export function validatePrompt(
  prompt: string,
  negative: string,
  mode: { readonly name: string; readonly conflictingTerms: ReadonlyArray<string> },
): PromptValidation {
  const warnings = new Set<string>();
  const cleaned = removeConflictingTerms(clean(prompt, warnings), mode.conflictingTerms, mode.name, warnings);
  if (countLetters(cleaned) < MIN_LETTERS) {
    throw new PromptRejected(
      cleaned.length === 0 && prompt.trim().length > 0
        ? 'Nothing is left of the prompt after removing links, markup and words that do not fit this mode. Describe what you want in plain words.'
        : 'Describe what you want in at least a few words (3 letters or more).',
      'prompt',
    );
  }
  const cleanedNegative = clean(negative, new Set());
  return { prompt: cleaned, negative: cleanedNegative, warnings: [...warnings] };
}

/**
 * Cuts a prompt to a provider's limit at a comma or word boundary, never mid-word, and says
 * so. The user's words come first in every builder, so the cut falls on style tokens.
 */
export function truncateAtBoundary(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const slice = text.slice(0, maxChars);
  const cut = Math.max(slice.lastIndexOf(','), slice.lastIndexOf(' '));
  const result = (cut > maxChars * 0.5 ? slice.slice(0, cut) : slice).replace(/[\s,;:]+$/, '');
  return { text: result, truncated: true };
}
