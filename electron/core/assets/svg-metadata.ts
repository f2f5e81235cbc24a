/**
 * Our metadata inside an SVG, as the first child of the root element:
 *
 *   <metadata><wokgen:asset xmlns:wokgen="https://wokgen.dev/ns/asset">{json, XML-escaped}</wokgen:asset></metadata>
 *
 * `<metadata>` is SVG's own place for machine-readable data (SVG 2 §5.11): renderers
 * ignore it and editors keep it. Our element lives in its own namespace so it cannot clash
 * with anyone else's (Inkscape's RDF, for instance, may share the same `<metadata>`).
 *
 * The document is edited as text, guided by the tokenizer (xml-scan.ts), never parsed and
 * re-serialised: everything outside our element stays byte for byte as it was. Only
 * direct `<metadata>` children of the root are looked at, so a lookalike hidden in a
 * comment, CDATA section, attribute or deeper element is never read or removed.
 */
import { parseAssetMetadata, serializeAssetMetadata, type AssetMetadata } from './asset-metadata';
import { AssetMetadataError } from './errors';
import { decodeXmlText, encodeXmlText, scanXml, type XmlToken } from './xml-scan';

export const SVG_METADATA_NAMESPACE = 'https://wokgen.dev/ns/asset';
const ASSET_TAG = 'wokgen:asset';

interface OurElement {
  /** The enclosing depth-1 `<metadata>`: whole element [start, end), content [innerStart, innerEnd). */
  readonly parent: { readonly start: number; readonly end: number; readonly innerStart: number; readonly innerEnd: number };
  /** Our `<wokgen:asset>` element: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Its content tokens: text and CDATA make up the JSON; anything else makes it invalid. */
  readonly content: ReadonlyArray<XmlToken>;
}

interface SvgLayout {
  /** The root `<svg>` start tag. */
  readonly root: XmlToken;
  /** In document order. */
  readonly ours: ReadonlyArray<OurElement>;
}

function isWhitespace(text: string): boolean {
  return /^[\s\uFEFF]*$/.test(text);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The root element, skipping the prolog (XML declaration, comments, DOCTYPE, whitespace). */
function findRoot(svg: string, tokens: Iterator<XmlToken>): XmlToken {
  for (let next = tokens.next(); !next.done; next = tokens.next()) {
    const token = next.value;
    if (token.kind === 'start') {
      if (localName(token.name) !== 'svg') throw new AssetMetadataError('not_svg', `The root element is <${token.name}>, not <svg>.`);
      return token;
    }
    if (token.kind === 'end' || token.kind === 'cdata') break;
    if (token.kind === 'text' && !isWhitespace(svg.slice(token.start, token.end))) break;
  }
  throw new AssetMetadataError('not_svg', 'The file has no <svg> root element.');
}

/** Finds the root and every `<metadata><wokgen:asset>` that is a direct child of it. */
function layoutOf(svg: string): SvgLayout {
  const tokens = scanXml(svg);
  const root = findRoot(svg, tokens);
  const ours: OurElement[] = [];
  if (root.selfClosing) return { root, ours };

  let depth = 1; // inside the root
  let parent: XmlToken | null = null; // the depth-1 <metadata> start tag we are inside
  let asset: { start: number; content: XmlToken[] } | null = null;
  let found: Array<Omit<OurElement, 'parent'>> = [];
  for (let next = tokens.next(); !next.done; next = tokens.next()) {
    const token = next.value;
    if (asset && depth === 3 && token.kind !== 'end') asset.content.push(token);
    if (token.kind === 'start') {
      if (depth === 1 && token.name === 'metadata' && !token.selfClosing) parent = token;
      if (depth === 2 && parent && token.name === ASSET_TAG) {
        if (token.selfClosing) found.push({ start: token.start, end: token.end, content: [] });
        else asset = { start: token.start, content: [] };
      }
      if (!token.selfClosing) depth += 1;
    } else if (token.kind === 'end') {
      depth -= 1;
      if (asset && depth === 2) {
        found.push({ start: asset.start, end: token.end, content: asset.content });
        asset = null;
      }
      if (depth === 1 && parent) {
        const bounds = { start: parent.start, end: token.end, innerStart: parent.end, innerEnd: token.start };
        for (const element of found) ours.push({ ...element, parent: bounds });
        found = [];
        parent = null;
      }
      if (depth === 0) return { root, ours };
    }
  }
  throw new AssetMetadataError('truncated', 'The SVG ends before its root element is closed.');
}

/** Cuts [start, end) ranges (sorted, disjoint) out of `text`. */
function cut(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const range of ranges) {
    out += text.slice(at, range.start);
    at = range.end;
  }
  return out + text.slice(at);
}

/** What to remove: a whole `<metadata>` that held only ours, else just our elements. */
function removals(svg: string, ours: ReadonlyArray<OurElement>): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const element of ours) {
    const { parent } = element;
    if (ranges.some((r) => r.start === parent.start)) continue;
    const siblings = ours.filter((o) => o.parent.start === parent.start);
    const rest = cut(svg.slice(parent.innerStart, parent.innerEnd), siblings.map((o) => ({ start: o.start - parent.innerStart, end: o.end - parent.innerStart })));
    if (isWhitespace(rest)) ranges.push({ start: parent.start, end: parent.end });
    else ranges.push(...siblings.map((o) => ({ start: o.start, end: o.end })));
  }
  return ranges;
}

function elementFor(metadata: AssetMetadata): string {
  return `<metadata><${ASSET_TAG} xmlns:wokgen="${SVG_METADATA_NAMESPACE}">${encodeXmlText(serializeAssetMetadata(metadata))}</${ASSET_TAG}></metadata>`;
}

/**
 * The SVG with our metadata as the root's first child. Earlier copies of ours are removed:
 * the whole `<metadata>` when it held nothing else, only our element when it is shared.
 */
export function embedSvgMetadata(svg: string, metadata: AssetMetadata): string {
  const { root, ours } = layoutOf(svg);
  const tag = elementFor(metadata);
  // Every removal lies after the root start tag, so the root's offsets stay valid.
  const head = svg.slice(0, root.end);
  const body = cut(svg.slice(root.end), removals(svg, ours).map((r) => ({ start: r.start - root.end, end: r.end - root.end })));
  if (root.selfClosing) {
    // `<svg …/>` becomes `<svg …>ours</svg>`.
    const open = svg.slice(root.start, root.end - 2).replace(/\s+$/, '');
    return `${svg.slice(0, root.start)}${open}>${tag}</${root.name}>${body}`;
  }
  return head + tag + body;
}

/** Our metadata, null when the SVG has none; a typed error for a broken SVG or bad metadata. */
export function readSvgMetadata(svg: string): AssetMetadata | null {
  const { ours } = layoutOf(svg);
  const element = ours[0];
  if (!element) return null;
  let json = '';
  for (const token of element.content) {
    const raw = svg.slice(token.start, token.end);
    if (token.kind === 'text') json += decodeXmlText(raw);
    else if (token.kind === 'cdata') json += raw.slice(9, -3); // an editor may re-save text as CDATA
    else if (token.kind !== 'comment') throw new AssetMetadataError('invalid_metadata', 'The SVG metadata element has unexpected children.');
  }
  return parseAssetMetadata(json);
}
