import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { frameOf, sourceOf, testContext } from '../../exports/testing';
import { PIXEL_EXPORTERS, pixelGif, pixelPaletteGpl, pixelPaletteHex, pixelPng, pixelSheet, pixelStrip, pixelZip } from './exports';
import { playOrder } from './export-gif';

/** Pixel art: `block`×`block` squares, each one of four flat colours. */
async function pixelArtPng(size: number, block: number): Promise<Buffer> {
  const palette = [
    [255, 0, 0],
    [0, 128, 255],
    [255, 255, 0],
    [20, 20, 20],
  ] as const;
  const raw = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) raw.set(palette[(Math.floor(x / block) + 2 * Math.floor(y / block)) % 4] ?? palette[0], (y * size + x) * 3);
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } }).png().toBuffer();
}

async function rawPixels(image: Uint8Array): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** A 16×16 frame whose colour blocks move with `shift`, so frames differ. */
async function frame(shift: number): Promise<Uint8Array> {
  const raw = Buffer.alloc(16 * 16 * 4);
  for (let i = 0; i < 256; i += 1) {
    const on = ((i % 16) + shift) % 4 < 2;
    raw.set(on ? [200, 40, 40, 255] : [0, 0, 0, 0], i * 4);
  }
  raw.set([10, 200, 10, 255], shift * 4); // a marker pixel per frame
  return sharp(raw, { raw: { width: 16, height: 16, channels: 4 } }).png().toBuffer();
}

async function frames(count: number, fps = 8) {
  return Promise.all(Array.from({ length: count }, async (_, i) => frameOf(await frame(i), `walk-${i + 1}`, { jobId: 'anim', frame: i, count, fps })));
}

describe('pixel exporters', () => {
  it('registers exactly the pixel formats, each with unique ids', () => {
    const ids = PIXEL_EXPORTERS.map((exporter) => exporter.info.id);
    expect(ids).toEqual(['png', 'gif', 'sprite-strip', 'sprite-sheet', 'palette-gpl', 'palette-hex', 'zip']);
  });

  it('scales PNGs by nearest-neighbour: 8× of a 16² sprite is 128² with crisp blocks', async () => {
    const source = sourceOf(await pixelArtPng(16, 4), 'knight');
    const out = await pixelPng.run([source], { scales: ['1', '8'] }, testContext());
    expect(out.files.map((f) => f.path)).toEqual(['knight@1x.png', 'knight@8x.png']);
    const big = await rawPixels(out.files[1]!.bytes);
    expect([big.width, big.height]).toEqual([128, 128]);
    const small = await rawPixels(out.files[0]!.bytes);
    // Every 8×8 block of the big one is exactly the small one's pixel (no blending at edges).
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [32, 7],
      [127, 127],
      [63, 64],
    ] as const) {
      const b = (y * 128 + x) * big.channels;
      const s = (Math.floor(y / 8) * 16 + Math.floor(x / 8)) * small.channels;
      expect([...big.data.subarray(b, b + 3)]).toEqual([...small.data.subarray(s, s + 3)]);
    }
    const colours = new Set<string>();
    for (let i = 0; i < big.data.length; i += big.channels) colours.add(big.data.subarray(i, i + 3).join());
    expect(colours.size).toBe(4);
  });

  it('refuses unknown options and values, naming the field', async () => {
    const source = sourceOf(await pixelArtPng(8, 2), 'a');
    await expect(pixelPng.run([source], { scales: ['3'] }, testContext())).rejects.toMatchObject({ code: 'invalid_input', field: 'options.scales.0' });
    await expect(pixelPng.run([source], { zoom: 2 }, testContext())).rejects.toMatchObject({ code: 'invalid_input', field: 'options' });
  });

  it('writes an animated GIF whose frame count and delays read back', async () => {
    const sources = await frames(4);
    const out = await pixelGif.run(sources.reverse(), { delayMs: 120, loop: 'forever', scale: '2' }, testContext());
    const meta = await sharp(out.files[0]!.bytes, { pages: -1 }).metadata();
    expect(meta.format).toBe('gif');
    expect(meta.pages).toBe(4);
    expect(meta.delay).toEqual([120, 120, 120, 120]);
    expect(meta.loop).toBe(0);
    expect([meta.width, meta.pageHeight]).toEqual([32, 32]);
    // Frames come out in frame order even though they were given reversed: frame 0's marker is at x=0.
    const { data, info } = await sharp(out.files[0]!.bytes, { pages: -1 }).raw().toBuffer({ resolveWithObject: true });
    const at = (page: number, x: number) => [...data.subarray(((page * 32 + 0) * info.width + x) * info.channels, ((page * 32) * info.width + x) * info.channels + 3)];
    expect(at(0, 0)).toEqual([10, 200, 10]);
    expect(at(1, 2)).toEqual([10, 200, 10]);
  });

  it('uses the animation’s own fps when the delay is 0, and ping-pongs without doubling the ends', async () => {
    const out = await pixelGif.run(await frames(4, 10), { delayMs: 0, loop: 'pingpong', scale: '1' }, testContext());
    const meta = await sharp(out.files[0]!.bytes, { pages: -1 }).metadata();
    expect(meta.pages).toBe(6);
    expect(meta.delay).toEqual(Array(6).fill(100));
    expect(playOrder(4, 'pingpong')).toEqual([0, 1, 2, 3, 2, 1]);
  });

  it('quantises frames with more than 255 colours to one shared palette, keeping transparency', async () => {
    const rich = async (seed: number) => {
      const raw = Buffer.alloc(32 * 32 * 4);
      for (let i = 0; i < 32 * 32; i += 1) raw.set(i % 7 === 0 ? [0, 0, 0, 0] : [(i * 7 + seed) & 0xff, (i * 3) & 0xff, (i * 11) & 0xff, 255], i * 4);
      return sharp(raw, { raw: { width: 32, height: 32, channels: 4 } }).png().toBuffer();
    };
    const sources = [frameOf(await rich(0), 'a', { jobId: 'r', frame: 0, count: 2, fps: 10 }), frameOf(await rich(50), 'b', { jobId: 'r', frame: 1, count: 2, fps: 10 })];
    const out = await pixelGif.run(sources, { scale: '1' }, testContext());
    expect(out.notes.join(' ')).toMatch(/quantised to 255/);
    const { data, info } = await sharp(out.files[0]!.bytes, { pages: -1 }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.pageHeight).toBe(32);
    expect(data[3]).toBe(0); // pixel 0 was transparent and stays so
    expect(data[7]).toBe(255);
  });

  it('plays once when asked (no endless loop)', async () => {
    const out = await pixelGif.run(await frames(3), { delayMs: 50, loop: 'once', scale: '1' }, testContext());
    const meta = await sharp(out.files[0]!.bytes, { pages: -1 }).metadata();
    expect(meta.pages).toBe(3);
    expect(meta.loop).not.toBe(0);
  });

  it('builds a sprite sheet whose TexturePacker atlas coordinates match the pixels', async () => {
    const sources = await frames(5);
    const out = await pixelSheet.run(sources, { columns: 0, scale: '2', padding: 1 }, testContext());
    expect(out.files.map((f) => f.path)).toEqual(['sheet.png', 'sheet.json']);
    const atlas = JSON.parse(new TextDecoder().decode(out.files[1]!.bytes)) as {
      frames: Record<string, { frame: { x: number; y: number; w: number; h: number }; sourceSize: { w: number; h: number }; duration: number }>;
      meta: { image: string; size: { w: number; h: number } };
    };
    const sheet = await sharp(out.files[0]!.bytes).metadata();
    // 5 frames → 3 columns × 2 rows of 32² cells with 2 px (1 px × 2) padding.
    expect([sheet.width, sheet.height]).toEqual([3 * 32 + 2 * 2, 2 * 32 + 2]);
    expect(atlas.meta).toMatchObject({ image: 'sheet.png', size: { w: sheet.width, h: sheet.height } });
    expect(Object.keys(atlas.frames)).toEqual(['walk-1.png', 'walk-2.png', 'walk-3.png', 'walk-4.png', 'walk-5.png']);
    expect(atlas.frames['walk-5.png']!.frame).toEqual({ x: 34, y: 34, w: 32, h: 32 });
    expect(atlas.frames['walk-1.png']!.duration).toBe(125);
    for (const [index, source] of sources.entries()) {
      const { x, y, w, h } = atlas.frames[`${source.name}.png`]!.frame;
      const cut = await sharp(out.files[0]!.bytes).extract({ left: x, top: y, width: w, height: h }).raw().toBuffer();
      const expected = await sharp(await frame(index)).resize(32, 32, { kernel: 'nearest' }).ensureAlpha().raw().toBuffer();
      expect(Buffer.compare(cut, expected), `frame ${index}`).toBe(0);
    }
  });

  it('lays a strip out in one row', async () => {
    const out = await pixelStrip.run(await frames(4), {}, testContext());
    const sheet = await sharp(out.files[0]!.bytes).metadata();
    expect([sheet.width, sheet.height]).toEqual([64, 16]);
  });

  it('exports the palette actually used as .gpl and .hex', async () => {
    const source = sourceOf(await pixelArtPng(16, 4), 'tiles');
    const gpl = new TextDecoder().decode((await pixelPaletteGpl.run([source], {}, testContext())).files[0]!.bytes);
    const lines = gpl.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual(['GIMP Palette', 'Name: Test Workspace', 'Columns: 4', '#']);
    expect(lines.slice(4)).toHaveLength(4);
    expect(lines).toContain('255   0   0\t#ff0000');
    const hex = new TextDecoder().decode((await pixelPaletteHex.run([source], {}, testContext())).files[0]!.bytes);
    expect(hex.trimEnd().split('\n').sort()).toEqual(['0080ff', '141414', 'ff0000', 'ffff00']);
  });

  it('zips the whole set with PNGs, sheet, atlas, GIF and palettes', async () => {
    const context = testContext();
    const out = await pixelZip.run(await frames(3), { scales: ['1', '8'] }, context);
    expect(out.files.map((f) => f.path).sort()).toEqual(
      [
        'animation.gif',
        'palette.gpl',
        'palette.hex',
        'sheet.json',
        'sheet.png',
        'walk-1/walk-1@1x.png',
        'walk-1/walk-1@8x.png',
        'walk-2/walk-2@1x.png',
        'walk-2/walk-2@8x.png',
        'walk-3/walk-3@1x.png',
        'walk-3/walk-3@8x.png',
      ].sort(),
    );
    expect(context.reported.at(-1)).toEqual([3, 3]);
    const gif = await sharp(out.files.find((f) => f.path === 'animation.gif')!.bytes).metadata();
    expect(gif.width).toBe(128);
  });

  it('names the asset whose file cannot be decoded', async () => {
    const broken = sourceOf(new TextEncoder().encode('not a png'), 'broken');
    await expect(pixelPng.run([broken], {}, testContext())).rejects.toMatchObject({ code: 'invalid_input', field: 'assets', message: expect.stringMatching(/^broken could not be exported: /) });
  });

  it('stops between assets when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(pixelPng.run(await frames(2), {}, testContext({ signal: controller.signal }))).rejects.toThrow();
  });
});
