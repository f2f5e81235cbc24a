import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sourceOf, testContext } from '../../exports/testing';
import { VECTOR_EXPORTERS, vectorPng, vectorSvg, vectorZip } from './exports';

const ICON = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">
  <!-- a comment svgo removes -->
  <g fill="#ff0000">
    <rect x="2" y="2" width="20" height="20" rx="3.0000001"/>
  </g>
</svg>`;

const MALICIOUS = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
  <script>alert('x')</script>
  <style>@import url(https://evil.example/x.css); rect { fill: blue }</style>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
  <image href="https://evil.example/track.png" width="10" height="10"/>
  <use xlink:href="https://evil.example/sprite.svg#a"/>
  <a href="javascript:alert(2)"><rect width="10" height="10" fill="#00ff00" onclick="steal()"/></a>
  <rect width="5" height="5" fill="url(https://evil.example/p.svg#g)" style="background:url(http://evil.example/b.png)"/>
</svg>`;

const svgSource = (text: string, name: string) => sourceOf(new TextEncoder().encode(text), name, { mime: 'image/svg+xml', kind: 'svg' });

describe('vector exporters', () => {
  it('registers the vector formats', () => {
    expect(VECTOR_EXPORTERS.map((e) => e.info.id)).toEqual(['svg', 'png', 'zip']);
  });

  it('optimises an SVG with svgo and it still renders at its size', async () => {
    const out = await vectorSvg.run([svgSource(ICON, 'square')], {}, testContext());
    const text = new TextDecoder().decode(out.files[0]!.bytes);
    expect(text.length).toBeLessThan(ICON.length);
    expect(text).not.toContain('comment');
    expect(text).toContain('viewBox="0 0 24 24"');
    const { data, info } = await sharp(Buffer.from(text)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([24, 24]);
    const centre = (12 * 24 + 12) * info.channels;
    expect([...data.subarray(centre, centre + 3)]).toEqual([255, 0, 0]);
  });

  it('sanitises a malicious SVG: no script, handlers, foreignObject or external references survive', async () => {
    const out = await vectorSvg.run([svgSource(MALICIOUS, 'evil')], {}, testContext());
    const text = new TextDecoder().decode(out.files[0]!.bytes).toLowerCase();
    for (const bad of ['<script', 'onload', 'onclick', 'foreignobject', 'evil.example', 'javascript:', '@import', '<image', 'xlink:href="http']) {
      expect(text, bad).not.toContain(bad);
    }
    // The drawing itself survives and renders.
    expect(text).toContain('#0f0');
    expect((await sharp(Buffer.from(text)).metadata()).format).toBe('svg');
  });

  it('refuses a file that is not an SVG, naming it', async () => {
    await expect(vectorSvg.run([svgSource('<html><body/></html>', 'page')], {}, testContext())).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('page'),
    });
  });

  it('renders PNG rasters at the chosen sizes from the sanitised SVG', async () => {
    const out = await vectorPng.run([svgSource(ICON, 'square')], { sizes: ['16', '512'] }, testContext());
    expect(out.files.map((f) => f.path)).toEqual(['square-16.png', 'square-512.png']);
    const big = await sharp(out.files[1]!.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([big.info.width, big.info.height]).toEqual([512, 512]);
    // Drawn at 512, not upscaled from 24: the rounded corner's edge is a clean anti-aliased ramp, the middle pure red.
    const mid = (256 * 512 + 256) * big.info.channels;
    expect([...big.data.subarray(mid, mid + 4)]).toEqual([255, 0, 0, 255]);
  });

  it('zips SVGs and PNGs per asset', async () => {
    const out = await vectorZip.run([svgSource(ICON, 'a'), svgSource(MALICIOUS, 'b')], { sizes: ['32'] }, testContext());
    expect(out.files.map((f) => f.path)).toEqual(['a/a.svg', 'a/a-32.png', 'b/b.svg', 'b/b-32.png']);
  });
});
