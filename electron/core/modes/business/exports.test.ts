import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { patternPng } from '../../assets/testing';
import { sourceOf, testContext } from '../../exports/testing';
import { BUSINESS_EXPORTERS, businessBrandKit, businessFavicon, businessPng, businessSocial } from './exports';
import { encodeIco, readIcoDirectory } from './ico';

async function size(bytes: Uint8Array): Promise<[number | undefined, number | undefined, string | undefined]> {
  const meta = await sharp(bytes).metadata();
  return [meta.width, meta.height, meta.format];
}

describe('business exporters', () => {
  it('registers the business formats', () => {
    expect(BUSINESS_EXPORTERS.map((e) => e.info.id)).toEqual(['png', 'brand-kit', 'social', 'favicon']);
  });

  it('exports a JPEG asset as PNG and a PNG as it is', async () => {
    const png = await patternPng(40, 30);
    const jpeg = new Uint8Array(await sharp(png).jpeg().toBuffer());
    const out = await businessPng.run([sourceOf(png, 'logo'), sourceOf(jpeg, 'photo', { mime: 'image/jpeg' })], {}, testContext());
    expect(out.files[0]!.bytes).toBe(png);
    expect(await size(out.files[1]!.bytes)).toEqual([40, 30, 'png']);
  });

  it('makes a brand kit at the four exact sizes', async () => {
    const out = await businessBrandKit.run([sourceOf(await patternPng(300, 300), 'logo')], {}, testContext());
    const sizes = await Promise.all(out.files.map(async (file) => [file.path, ...(await size(file.bytes))]));
    expect(sizes).toEqual([
      ['brand-icon-512.png', 512, 512, 'png'],
      ['header-1200x400.png', 1200, 400, 'png'],
      ['social-profile-500.png', 500, 500, 'png'],
      ['og-image-1200x630.png', 1200, 630, 'png'],
    ]);
    // contain on white: the header's left edge is letterbox, opaque white.
    const { data } = await sharp(out.files[1]!.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('keeps one folder per asset when several are exported', async () => {
    const sources = [sourceOf(await patternPng(64, 64), 'a'), sourceOf(await patternPng(64, 32), 'b')];
    const out = await businessBrandKit.run(sources, { background: 'transparent' }, testContext());
    expect(out.files.map((f) => f.path)).toContain('b/og-image-1200x630.png');
    expect(out.files).toHaveLength(8);
  });

  it('renders only the social sizes picked, at their platform sizes', async () => {
    const out = await businessSocial.run([sourceOf(await patternPng(200, 100), 'hero')], { sizes: ['story', 'linkedin', 'og', 'twitter', 'instagram'] }, testContext());
    const sizes = await Promise.all(out.files.map(async (file) => (await size(file.bytes)).slice(0, 2).join('×')));
    expect(sizes).toEqual(['1200×630', '1500×500', '1584×396', '1080×1080', '1080×1920']);
    const some = await businessSocial.run([sourceOf(await patternPng(20, 20), 'x')], { sizes: ['instagram'] }, testContext());
    expect(some.files.map((f) => f.path)).toEqual(['instagram-1080x1080.png']);
  });

  it('builds a favicon set whose ICO parses back with 16, 32 and 48 px PNGs', async () => {
    const out = await businessFavicon.run([sourceOf(await patternPng(256, 256), 'mark')], { appName: 'Acme Tools' }, testContext());
    expect(out.files.map((f) => f.path)).toEqual([
      'favicon.ico',
      'apple-touch-icon.png',
      'android-chrome-192x192.png',
      'android-chrome-512x512.png',
      'site.webmanifest',
      'favicon-tags.html',
    ]);
    const entries = readIcoDirectory(out.files[0]!.bytes);
    expect(entries.map((e) => [e.width, e.height, e.bitCount])).toEqual([
      [16, 16, 32],
      [32, 32, 32],
      [48, 48, 32],
    ]);
    for (const entry of entries) expect(await size(entry.data)).toEqual([entry.width, entry.height, 'png']);
    expect(await size(out.files[1]!.bytes)).toEqual([180, 180, 'png']);
    expect((await sharp(out.files[1]!.bytes).metadata()).hasAlpha).toBe(false);
    expect(await size(out.files[3]!.bytes)).toEqual([512, 512, 'png']);
    const manifest = JSON.parse(new TextDecoder().decode(out.files[4]!.bytes)) as { name: string; icons: Array<{ sizes: string }> };
    expect(manifest.name).toBe('Acme Tools');
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(['192x192', '512x512']);
  });

  it('names the manifest after the workspace when no app name is given', async () => {
    const out = await businessFavicon.run([sourceOf(await patternPng(32, 32), 'mark')], {}, testContext({ workspaceName: 'Bakery' }));
    expect(JSON.parse(new TextDecoder().decode(out.files[4]!.bytes))).toMatchObject({ name: 'Bakery' });
  });

  it('stores 256 px ICO entries as 0 and refuses sizes an ICO cannot hold', () => {
    const png = new Uint8Array([1, 2, 3]);
    expect(readIcoDirectory(encodeIco([{ size: 256, png }]))[0]).toMatchObject({ width: 256, height: 256 });
    expect(() => encodeIco([{ size: 300, png }])).toThrow(/1–256/);
  });
});
