import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PALETTE_SIZES } from '../../../../shared/mode-specs/pixel';
import { postProcessPixel } from './post-process';
import { pixelRequest } from './test-support';

interface Decoded {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

async function decode(bytes: Uint8Array): Promise<Decoded> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function rgbaAt(image: Decoded, x: number, y: number): [number, number, number, number] {
  const o = (y * image.width + x) * 4;
  return [image.data[o]!, image.data[o + 1]!, image.data[o + 2]!, image.data[o + 3]!];
}

function distinctRgba(image: Decoded): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < image.data.length; i += 4) seen.add(`${image.data[i]},${image.data[i + 1]},${image.data[i + 2]},${image.data[i + 3]}`);
  return seen;
}

function alphaValues(image: Decoded): Set<number> {
  const seen = new Set<number>();
  for (let i = 3; i < image.data.length; i += 4) seen.add(image.data[i]!);
  return seen;
}

/**
 * What a provider sends for "a red gem, plain white background": 512², white field, a red disc
 * with a dark outline, a white highlight inside the outline, a blue square and a gradient (so
 * there are far more colours than any palette allows).
 */
function spriteSvg(width = 512, height = 512): string {
  const cx = width / 2;
  const cy = height / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#00ff00"/><stop offset="1" stop-color="#0000ff"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="#ffffff"/>
    <circle cx="${cx}" cy="${cy}" r="150" fill="#c0392b" stroke="#111111" stroke-width="14"/>
    <circle cx="${cx - 40}" cy="${cy - 40}" r="30" fill="#ffffff"/>
    <rect x="${cx - 56}" y="${cy + 30}" width="60" height="60" fill="#3498db"/>
    <rect x="${cx + 10}" y="${cy + 30}" width="80" height="40" fill="url(#g)"/>
  </svg>`;
}

let spritePng: Buffer;
let spriteJpeg: Buffer;
let wideSpritePng: Buffer;
/** 512² of 8×8 blocks in exactly five colours, like a provider that drew on a clean 64² grid. */
let blockyPng: Buffer;
const BLOCK_COLOURS = [
  [255, 255, 255],
  [20, 20, 24],
  [210, 50, 40],
  [40, 120, 220],
  [250, 200, 40],
] as const;

beforeAll(async () => {
  spritePng = await sharp(Buffer.from(spriteSvg())).png().toBuffer();
  spriteJpeg = await sharp(Buffer.from(spriteSvg())).jpeg({ quality: 70 }).toBuffer();
  wideSpritePng = await sharp(Buffer.from(spriteSvg(768, 512))).png().toBuffer();
  const raw = Buffer.alloc(512 * 512 * 3);
  for (let y = 0; y < 512; y += 1) {
    for (let x = 0; x < 512; x += 1) {
      const bx = x >> 3;
      const by = y >> 3;
      const border = bx < 8 || by < 8 || bx >= 56 || by >= 56;
      const colour = border ? BLOCK_COLOURS[0] : BLOCK_COLOURS[1 + ((bx * 3 + by * 5) % 4)]!;
      raw.set(colour, (y * 512 + x) * 3);
    }
  }
  blockyPng = await sharp(raw, { raw: { width: 512, height: 512, channels: 3 } }).png().toBuffer();
});

const live = () => new AbortController().signal;
const png = (bytes: Buffer) => ({ bytes: new Uint8Array(bytes), mime: 'image/png' });

describe('postProcessPixel', () => {
  it.each([32, 64, 100, 128, 256, 512])('outputs exactly size × size as a PNG (%i)', async (size) => {
    const out = await postProcessPixel(pixelRequest({ size }), png(spritePng), live());
    expect(out).toMatchObject({ kind: 'image', mime: 'image/png', extension: 'png', width: size, height: size });
    expect([...out.bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const decoded = await decode(out.bytes);
    expect([decoded.width, decoded.height]).toEqual([size, size]);
  });

  it.each(PALETTE_SIZES)('keeps to a palette of %i colours (counting transparency)', async (paletteSize) => {
    for (const backgroundMode of ['transparent', 'dark'] as const) {
      const out = await postProcessPixel(pixelRequest({ size: 128, controls: { paletteSize, backgroundMode } }), png(spriteJpeg), live());
      const colours = distinctRgba(await decode(out.bytes)).size;
      expect(colours, backgroundMode).toBeLessThanOrEqual(paletteSize);
      expect(colours, backgroundMode).toBeGreaterThanOrEqual(Math.min(paletteSize, 4));
      expect(out.notes.at(-1)).toBe(`Reduced to ${colours} colours (limit ${paletteSize}), without dithering.`);
    }
  });

  it('makes the border-connected background transparent and keeps the sprite opaque', async () => {
    const out = await postProcessPixel(pixelRequest({ size: 64 }), png(spritePng), live());
    const decoded = await decode(out.bytes);
    for (const [x, y] of [[0, 0], [63, 0], [0, 63], [63, 63], [32, 1], [1, 32]] as const) expect(rgbaAt(decoded, x, y)[3], `${x},${y}`).toBe(0);
    const centre = rgbaAt(decoded, 40, 28); // in the red disc
    expect(centre[3]).toBe(255);
    expect(centre[0]).toBeGreaterThan(150);
    expect(centre[1]).toBeLessThan(100);
    // The white highlight is enclosed by red, so the fill never reaches it.
    const highlight = rgbaAt(decoded, 27, 27);
    expect(highlight).toEqual([255, 255, 255, 255].map((v, i) => (i === 3 ? v : expect.any(Number))));
    expect(Math.min(...highlight.slice(0, 3))).toBeGreaterThan(230);
    expect(out.notes[0]).toMatch(/^Made the background transparent \(flood fill from the edges, \d+% of the picture\)\.$/);
  });

  it('removes a JPEG background with its compression noise', async () => {
    const decoded = await decode((await postProcessPixel(pixelRequest({ size: 64 }), { bytes: new Uint8Array(spriteJpeg), mime: 'image/jpeg' }, live())).bytes);
    let transparent = 0;
    for (let y = 0; y < 64; y += 1) for (const x of [0, 1, 2, 61, 62, 63]) if (rgbaAt(decoded, x, y)[3] === 0) transparent += 1;
    expect(transparent).toBe(64 * 6);
  });

  it.each(['transparent', 'dark', 'scene'] as const)('leaves only alpha 0 or 255 (%s)', async (backgroundMode) => {
    for (const source of [spritePng, spriteJpeg]) {
      const decoded = await decode((await postProcessPixel(pixelRequest({ size: 100, controls: { backgroundMode, paletteSize: 8 } }), png(source), live())).bytes);
      const alphas = alphaValues(decoded);
      expect([...alphas].every((alpha) => alpha === 0 || alpha === 255)).toBe(true);
      expect(alphas.has(0)).toBe(backgroundMode === 'transparent');
    }
  });

  it.each(['dark', 'scene'] as const)('is fully opaque with a %s background', async (backgroundMode) => {
    const decoded = await decode((await postProcessPixel(pixelRequest({ controls: { backgroundMode } }), png(spritePng), live())).bytes);
    expect(alphaValues(decoded)).toEqual(new Set([255]));
    expect(rgbaAt(decoded, 0, 0)).toEqual([255, 255, 255, 255]);
  });

  it('composites a provider image with its own transparency onto the matte when the background must be opaque', async () => {
    const withAlpha = await sharp({ create: { width: 256, height: 256, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#e74c3c"/></svg>'), top: 78, left: 78 }])
      .png()
      .toBuffer();
    const opaque = await postProcessPixel(pixelRequest({ size: 32, controls: { backgroundMode: 'dark' } }), png(withAlpha), live());
    expect(rgbaAt(await decode(opaque.bytes), 0, 0)).toEqual([16, 16, 20, 255]);
    expect(opaque.notes).toContain('Made the background opaque.');
    const transparent = await decode((await postProcessPixel(pixelRequest({ size: 32 }), png(withAlpha), live())).bytes);
    expect(rgbaAt(transparent, 0, 0)[3]).toBe(0);
    expect(rgbaAt(transparent, 16, 16)[3]).toBe(255);
  });

  it('makes soft, anti-aliased alpha from the provider crisp', async () => {
    const soft = await sharp(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><circle cx="256" cy="256" r="181" fill="#8e44ad" fill-opacity="0.9"/></svg>'),
    )
      .blur(6)
      .png()
      .toBuffer();
    const source = await decode(soft);
    expect([...alphaValues(source)].some((alpha) => alpha > 0 && alpha < 255)).toBe(true);
    for (const backgroundMode of ['transparent', 'dark'] as const) {
      const decoded = await decode((await postProcessPixel(pixelRequest({ size: 128, controls: { backgroundMode } }), png(soft), live())).bytes);
      expect([...alphaValues(decoded)].every((alpha) => alpha === 0 || alpha === 255), backgroundMode).toBe(true);
    }
  });

  it('never flood-fills tiles or scenes, even in transparent mode', async () => {
    for (const overrides of [{ preset: 'tileset' as const }, { preset: 'nature_tile' as const }, { tool: 'scene' as const }]) {
      const out = await postProcessPixel(pixelRequest(overrides), png(spritePng), live());
      expect(alphaValues(await decode(out.bytes)), JSON.stringify(overrides)).toEqual(new Set([255]));
      expect(out.notes).toContain('Kept the background: tiles and scenes fill the whole frame.');
    }
  });

  it('scales by nearest-neighbour: no blended colours appear between blocks', async () => {
    const out = await postProcessPixel(pixelRequest({ size: 64, controls: { backgroundMode: 'dark', paletteSize: 256 } }), png(blockyPng), live());
    const decoded = await decode(out.bytes);
    const allowed = new Set(BLOCK_COLOURS.map(([r, g, b]) => `${r},${g},${b},255`));
    const found = distinctRgba(decoded);
    expect(found.size).toBe(5);
    for (const colour of found) expect(allowed.has(colour), colour).toBe(true);
    // One output pixel per 8×8 block, in the same place.
    expect(rgbaAt(decoded, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(rgbaAt(decoded, 8, 8).slice(0, 3)).toEqual([...BLOCK_COLOURS[1 + ((8 * 3 + 8 * 5) % 4)]!]);
    expect(rgbaAt(decoded, 9, 8).slice(0, 3)).toEqual([...BLOCK_COLOURS[1 + ((9 * 3 + 8 * 5) % 4)]!]);
  });

  it.each([
    ['a 16-bit PNG', () => sharp(Buffer.from(spriteSvg())).toColourspace('rgb16').png().toBuffer()],
    ['a greyscale JPEG', () => sharp(Buffer.from(spriteSvg())).flatten({ background: '#ffffff' }).greyscale().jpeg().toBuffer()],
    ['a WebP', () => sharp(Buffer.from(spriteSvg())).webp({ quality: 80 }).toBuffer()],
  ])('reads %s', async (_name, make) => {
    const bytes = await make();
    const decoded = await decode((await postProcessPixel(pixelRequest({ size: 64 }), png(bytes), live())).bytes);
    expect([decoded.width, decoded.height]).toEqual([64, 64]);
    expect(rgbaAt(decoded, 0, 0)[3]).toBe(0);
    expect(rgbaAt(decoded, 40, 28)[3]).toBe(255);
  });

  it('centre-crops a non-square picture to a square', async () => {
    const out = await postProcessPixel(pixelRequest({ size: 64 }), png(wideSpritePng), live());
    const decoded = await decode(out.bytes);
    expect([decoded.width, decoded.height]).toEqual([64, 64]);
    expect(out.notes).toContain('Cropped 768×512 to a centred square.');
    expect(rgbaAt(decoded, 40, 28)[3]).toBe(255); // the disc stays in the middle
  });

  it('rejects bytes that are not an image with a clear message', async () => {
    await expect(postProcessPixel(pixelRequest(), { bytes: new TextEncoder().encode('<html>rate limited</html>'), mime: 'text/html' }, live())).rejects.toThrow(
      'The provider’s image could not be read.',
    );
  });

  it('throws at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(postProcessPixel(pixelRequest(), png(spritePng), controller.signal)).rejects.toThrow('cancelled by the user');
  });

  it('stops between steps when aborted while running', async () => {
    const controller = new AbortController();
    const running = postProcessPixel(pixelRequest(), png(spritePng), controller.signal);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });
});
