import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AssetMetadataError, type AssetMetadataErrorReason } from './errors';
import { embedSvgMetadata, readSvgMetadata, SVG_METADATA_NAMESPACE } from './svg-metadata';
import { fullMetadata, HOSTILE_TEXT } from './testing';

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><path d="M2 2h20v20H2z" fill="#e33"/></svg>';
const META = fullMetadata();
const OURS_OPEN = `<metadata><wokgen:asset xmlns:wokgen="${SVG_METADATA_NAMESPACE}">`;

function outcome(fn: () => unknown): AssetMetadataErrorReason | 'untyped' | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AssetMetadataError ? error.reason : 'untyped';
  }
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('embedSvgMetadata / readSvgMetadata', () => {
  it('round-trips hostile text and puts our element first inside the root, leaving the rest byte for byte', () => {
    const metadata = fullMetadata({ mode: 'vector', prompt: HOSTILE_TEXT, negativePrompt: '</wokgen:asset></metadata><svg>', extra: { q: '"\'&<>' } });
    const out = embedSvgMetadata(ICON, metadata);
    expect(readSvgMetadata(out)).toEqual(metadata);
    const rootEnd = ICON.indexOf('>') + 1;
    expect(out.startsWith(ICON.slice(0, rootEnd) + OURS_OPEN)).toBe(true);
    expect(out.endsWith(ICON.slice(rootEnd))).toBe(true);
    // Escaped, so the hostile closing tags are text, not markup.
    expect(count(out, '</metadata>')).toBe(1);
    expect(out).not.toMatch(/[\uFFFE\uFFFF]/);
  });

  it('keeps the SVG renderable (librsvg through sharp draws the same picture)', async () => {
    const out = embedSvgMetadata(ICON, fullMetadata({ prompt: HOSTILE_TEXT }));
    const [before, after] = await Promise.all([sharp(Buffer.from(ICON)).raw().toBuffer(), sharp(Buffer.from(out)).raw().toBuffer()]);
    expect(after.equals(before)).toBe(true);
  });

  it('replaces an existing element instead of adding a second one', () => {
    const once = embedSvgMetadata(ICON, fullMetadata({ prompt: 'first' }));
    const twice = embedSvgMetadata(once, fullMetadata({ prompt: 'second' }));
    expect(count(twice, '<wokgen:asset')).toBe(1);
    expect(count(twice, '<metadata>')).toBe(1);
    expect(readSvgMetadata(twice)?.prompt).toBe('second');
    expect(twice.length).toBe(once.length + 1); // "second" vs "first"
  });

  it('shares a <metadata> with other tools: removes only ours and keeps their data', () => {
    const inkscape = `<svg xmlns="http://www.w3.org/2000/svg"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/><wokgen:asset xmlns:wokgen="${SVG_METADATA_NAMESPACE}">{}</wokgen:asset></metadata><rect width="4" height="4"/></svg>`;
    const out = embedSvgMetadata(inkscape, META);
    expect(out).toContain('<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><rect');
    expect(count(out, '<wokgen:asset')).toBe(1);
    expect(readSvgMetadata(out)).toEqual(META);
  });

  it('handles a prolog (XML declaration, comment, DOCTYPE with internal subset), a BOM and a self-closing root', () => {
    const prolog = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- <svg> in a comment -->\n<!DOCTYPE svg [ <!ENTITY x "<svg>"> ]>\n';
    const doc = `${prolog}<svg xmlns="http://www.w3.org/2000/svg" data-x="a>b"><g/></svg>\n`;
    const out = embedSvgMetadata(doc, META);
    expect(out.startsWith(`${prolog}<svg xmlns="http://www.w3.org/2000/svg" data-x="a>b">${OURS_OPEN}`)).toBe(true);
    expect(readSvgMetadata(out)).toEqual(META);

    const empty = embedSvgMetadata('<svg xmlns="http://www.w3.org/2000/svg" />', META);
    expect(empty).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"><metadata>.*<\/metadata><\/svg>$/);
    expect(readSvgMetadata(empty)).toEqual(META);
  });

  it('never reads or removes lookalikes outside a direct <metadata> child of the root', () => {
    const fake = JSON.stringify({ ...fullMetadata(), prompt: 'FAKE' });
    const doc =
      '<svg xmlns="http://www.w3.org/2000/svg">' +
      `<!-- ${OURS_OPEN}${fake}</wokgen:asset></metadata> -->` +
      `<g><metadata><wokgen:asset xmlns:wokgen="${SVG_METADATA_NAMESPACE}">${fake.replaceAll('<', '&lt;')}</wokgen:asset></metadata></g>` +
      `<text><![CDATA[${OURS_OPEN}${fake}</wokgen:asset></metadata>]]></text>` +
      `<rect title="${OURS_OPEN.replaceAll('"', '&quot;')}"/>` +
      '</svg>';
    expect(readSvgMetadata(doc)).toBeNull();
    const out = embedSvgMetadata(doc, META);
    expect(readSvgMetadata(out)?.prompt).toBe(fullMetadata().prompt);
    expect(out.slice(out.indexOf('</metadata>') + '</metadata>'.length)).toBe(doc.slice(doc.indexOf('>') + 1));
  });

  it('reads metadata an editor re-saved as CDATA or with character references', () => {
    const json = JSON.stringify(fullMetadata({ prompt: 'a & b' }));
    const cdata = `<svg xmlns="http://www.w3.org/2000/svg"><metadata><wokgen:asset xmlns:wokgen="${SVG_METADATA_NAMESPACE}"><![CDATA[${json}]]></wokgen:asset></metadata></svg>`;
    expect(readSvgMetadata(cdata)?.prompt).toBe('a & b');
    const refs = cdata.replace(`<![CDATA[${json}]]>`, json.replace('a & b', 'a &#38; b &#x2728;'));
    expect(readSvgMetadata(refs)?.prompt).toBe('a & b ✨');
  });

  it('gives typed errors for what is not an SVG, a truncated SVG and bad metadata', () => {
    expect(outcome(() => readSvgMetadata('<html><body/></html>'))).toBe('not_svg');
    expect(outcome(() => readSvgMetadata('just text'))).toBe('not_svg');
    expect(outcome(() => readSvgMetadata(''))).toBe('not_svg');
    expect(outcome(() => embedSvgMetadata('<?xml version="1.0"?>', META))).toBe('not_svg');
    const full = embedSvgMetadata(ICON, META);
    const reasons = new Set<string>();
    for (let length = 0; length < full.length; length += 1) reasons.add(outcome(() => readSvgMetadata(full.slice(0, length))));
    expect([...reasons].every((r) => r === 'not_svg' || r === 'truncated' || r === 'malformed')).toBe(true);
    expect(reasons.has('truncated')).toBe(true);
    const broken = full.replace('"format":1', '"format":"one"');
    expect(outcome(() => readSvgMetadata(broken))).toBe('invalid_metadata');
    const child = full.replace('{"format"', '<b/>{"format"');
    expect(outcome(() => readSvgMetadata(child))).toBe('invalid_metadata');
    expect(outcome(() => readSvgMetadata(full.replace('{"format"', '&bogus;{"format"')))).toBe('invalid_metadata');
  });
});
