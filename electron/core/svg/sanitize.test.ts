import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sanitizeSvg, SvgSanitizeError } from './sanitize';

const MALICIOUS = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/css" href="https://evil.example/steal.css"?>
<!DOCTYPE svg [ <!ENTITY x "entity"> ]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:html="http://www.w3.org/1999/xhtml"
     width="64" height="64" viewBox="0 0 64 64" onload="alert(1)">
  <metadata><wokgen>{"mode":"vector"}</wokgen></metadata>
  <script>alert('inline')</script>
  <script xlink:href="https://evil.example/x.js"/>
  <html:script>alert('namespaced')</html:script>
  <style>@import url("https://evil.example/font.css"); .a { fill: red }</style>
  <style>.safe { fill: url(#grad) }</style>
  <defs>
    <linearGradient id="grad"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient>
    <circle id="dot" cx="8" cy="8" r="4"/>
  </defs>
  <foreignObject width="64" height="64"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"></iframe></div></foreignObject>
  <image href="https://evil.example/tracker.png" width="10" height="10"/>
  <image xlink:href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" width="10" height="10"/>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <use href="#dot" fill="#123456"/>
  <a xlink:href="javascript:alert(2)"><rect x="0" y="0" width="32" height="32" fill="#000" onclick="alert(3)" OnMouseOver="alert(4)"/></a>
  <a href="java&#x09;script:alert(5)"><rect x="32" y="0" width="32" height="32" fill="#000"/></a>
  <a href="data:text/html,&lt;script&gt;alert(6)&lt;/script&gt;"><rect x="0" y="32" width="32" height="32" fill="#000"/></a>
  <rect x="32" y="32" width="32" height="32" fill="url(https://evil.example/p.svg#g)" style="background:url(https://evil.example/b.png)"/>
  <circle cx="48" cy="48" r="8" class="safe"/>
  <set attributeName="href" to="javascript:alert(7)"/>
  <animate attributeName="onclick" values="alert(8)"/>
  <embed src="https://evil.example/x.swf"/>
  <object data="https://evil.example/x.html"/>
</svg>`;

describe('sanitizeSvg', () => {
  const clean = sanitizeSvg(MALICIOUS);

  it.each([
    ['script elements', /<(\w+:)?script/i],
    ['event handlers', /\son\w+\s*=/i],
    ['foreignObject and its HTML', /foreignObject|iframe|<div/i],
    ['external hrefs', /href="(?!#)/i],
    ['javascript: URLs', /javascript/i],
    ['data: URIs', /data:/i],
    ['external url() references', /url\((?!#)/i],
    ['@import', /@import/i],
    ['remote hosts', /evil\.example/i],
    ['the stylesheet instruction and the DOCTYPE', /xml-stylesheet|DOCTYPE|ENTITY/i],
    ['href animations', /<set|<animate/i],
    ['embed and object', /<embed|<object/i],
  ])('removes %s', (_what, pattern) => {
    expect(clean).not.toMatch(pattern);
  });

  it('keeps the drawing, same-document references and the metadata', () => {
    expect(clean).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(clean).toContain('viewBox="0 0 64 64"');
    expect(clean).toContain('<use href="#dot"');
    expect(clean).toContain('fill: url(#grad)');
    expect(clean).toContain('<metadata><wokgen>{&quot;mode&quot;:&quot;vector&quot;}</wokgen></metadata>');
    expect(clean.match(/<rect /g)).toHaveLength(4);
    // The anchors stay (harmless without an href) and keep their drawings.
    expect(clean.match(/<a>/g)).toHaveLength(3);
  });

  it('is still an SVG that sharp rasterises', async () => {
    const { data, info } = await sharp(Buffer.from(clean)).png().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([64, 64]);
    // The top-left square is black (drawn), so the drawing survived.
    expect(data[(10 * 64 + 10) * info.channels + 3]).toBe(255);
    expect(data[(10 * 64 + 10) * info.channels]).toBe(0);
  });

  it('is idempotent', () => {
    expect(sanitizeSvg(clean)).toBe(clean);
  });

  it('leaves a clean SVG alone apart from formatting', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path id="p" d="M0 0h24v24H0z" fill="#0a0"/></svg>';
    expect(sanitizeSvg(svg)).toBe(svg);
  });

  it.each([
    ['not XML', 'hello world'],
    ['unclosed', '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"'],
    ['HTML', '<html><body><svg></svg></body></html>'],
    ['empty', ''],
  ])('rejects %s with a typed error', (_what, text) => {
    expect(() => sanitizeSvg(text)).toThrow(SvgSanitizeError);
  });
});
