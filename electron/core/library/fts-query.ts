/**
 * Raw search-box text → a safe FTS5 MATCH expression.
 *
 * FTS5 has its own query language (quotes, `*`, `^`, `:`, `-`, parentheses, AND/OR/NOT,
 * NEAR). User text must never reach it as syntax: a stray quote would be a syntax error,
 * `NOT x` or `col:` would change the meaning. So we keep only word characters (the same
 * classes the unicode61 tokenizer indexes), wrap every token in double quotes (a quoted
 * string is always a plain phrase) and let the last token match as a prefix, because
 * the box searches while the user types.
 */

/** unicode61 treats letters, numbers and private-use characters as token characters (plus marks, folded away). */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** A run of combining marks alone tokenizes to nothing: an empty phrase, so skip it. */
const HAS_BASE_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

/** Bounds the work one query can ask of the index; a search box never needs more. */
const MAX_TOKENS = 12;
const MAX_TOKEN_LENGTH = 64;

/** `null` when the text holds no searchable word (empty, whitespace, punctuation only). */
export function toFtsQuery(text: string): string | null {
  const tokens = (text.normalize('NFC').match(TOKEN) ?? [])
    .filter((token) => HAS_BASE_CHARACTER.test(token))
    .slice(0, MAX_TOKENS)
    // By code point, so a cut never leaves half a surrogate pair.
    .map((token) => Array.from(token).slice(0, MAX_TOKEN_LENGTH).join(''));
  if (tokens.length === 0) return null;
  // Tokens contain no `"` (the regex admits none), so quoting cannot be escaped out of.
  // Space-separated phrases are ANDed by FTS5: every word must appear.
  return tokens.map((token, i) => (i === tokens.length - 1 ? `"${token}"*` : `"${token}"`)).join(' ');
}
