/**
 * A minimal XML tokenizer: just enough structure to find an SVG's root element and its
 * direct children without an XML library, and without being fooled by markup-looking text
 * inside comments, CDATA sections, processing instructions or attribute values.
 *
 * It does not validate (tag names are not matched against each other) and does not expand
 * entities. Every token ends strictly after it starts, so a scan always finishes; an
 * unterminated construct is a typed `truncated` error.
 */
import { AssetMetadataError } from './errors';

export type XmlTokenKind = 'text' | 'comment' | 'cdata' | 'pi' | 'doctype' | 'start' | 'end';

export interface XmlToken {
  readonly kind: XmlTokenKind;
  /** Offsets into the source: `source.slice(start, end)` is the whole token. */
  readonly start: number;
  readonly end: number;
  /** Qualified tag name for `start` and `end` tokens, '' otherwise. */
  readonly name: string;
  /** `<x/>` */
  readonly selfClosing: boolean;
}

function unterminated(what: string): never {
  throw new AssetMetadataError('truncated', `The SVG ends inside ${what}.`);
}

function endOf(source: string, from: number, terminator: string, what: string): number {
  const at = source.indexOf(terminator, from);
  if (at < 0) unterminated(what);
  return at + terminator.length;
}

/** The end of a tag or declaration: the first `>` outside quotes (and, for DOCTYPE, outside `[...]`). */
function tagEnd(source: string, from: number, allowSubset: boolean): number {
  let quote: string | null = null;
  let subset = 0;
  for (let i = from; i < source.length; i += 1) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (allowSubset && c === '[') subset += 1;
    else if (allowSubset && c === ']') subset = Math.max(0, subset - 1);
    else if (c === '>' && subset === 0) return i + 1;
  }
  return unterminated('a tag');
}

const NAME = /^[^\s/>]+/;

/** The token that starts at `at` (which must be < source.length). */
export function tokenAt(source: string, at: number): XmlToken {
  if (source[at] !== '<') {
    const next = source.indexOf('<', at);
    return { kind: 'text', start: at, end: next < 0 ? source.length : next, name: '', selfClosing: false };
  }
  const plain = (kind: XmlTokenKind, end: number): XmlToken => ({ kind, start: at, end, name: '', selfClosing: false });
  if (source.startsWith('<!--', at)) return plain('comment', endOf(source, at + 4, '-->', 'a comment'));
  if (source.startsWith('<![CDATA[', at)) return plain('cdata', endOf(source, at + 9, ']]>', 'a CDATA section'));
  if (source.startsWith('<?', at)) return plain('pi', endOf(source, at + 2, '?>', 'a processing instruction'));
  if (source.startsWith('<!', at)) return plain('doctype', tagEnd(source, at + 2, true));
  const isEnd = source[at + 1] === '/';
  const nameStart = at + (isEnd ? 2 : 1);
  const name = NAME.exec(source.slice(nameStart, nameStart + 256))?.[0] ?? '';
  if (name.length === 0) throw new AssetMetadataError('malformed', 'The SVG has a tag without a name.');
  const end = tagEnd(source, nameStart + name.length, false);
  return { kind: isEnd ? 'end' : 'start', start: at, end, name, selfClosing: !isEnd && source[end - 2] === '/' };
}

/** Tokens from `from` to the end of the source. */
export function* scanXml(source: string, from = 0): Generator<XmlToken> {
  let at = from;
  while (at < source.length) {
    const token = tokenAt(source, at);
    yield token;
    at = token.end;
  }
}

/** Resolves the five predefined entities and character references; anything else is refused. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (match, ref: string | undefined) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (ref === undefined) throw new AssetMetadataError('invalid_metadata', 'The SVG metadata contains a bare "&".');
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new AssetMetadataError('invalid_metadata', `Invalid character reference ${match}.`);
      return String.fromCodePoint(code);
    }
    const value = named[ref];
    if (value === undefined) throw new AssetMetadataError('invalid_metadata', `Unknown entity ${match} in the SVG metadata.`);
    return value;
  });
}

/** Text content escaped for XML: `&`, `<` and `>` (the last so `]]>` can never appear). */
export function encodeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
