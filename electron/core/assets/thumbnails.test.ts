import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { makeThumbnail } from './thumbnails';
import { patternPng, pixelArtPng, rawPixels } from './testing';

async function decoded(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
}

/** Distinct RGB colours in an image. */
async function colours(bytes: Uint8Array): Promise<Set<string>> {
  const { data, channels } = await rawPixels(bytes);
  const set = new Set<string>();
  for (let i = 0; i < data.length; i += channels) set.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
  return set;
}

describe('makeThumbnail', () => {
  it('shrinks a 1024² image to 256² WebP, and keeps the aspect ratio of a wide one', async () => {
    const square = await makeThumbnail(await patternPng(1024, 1024, 3), 'image/png');
    expect({ width: square.width, height: square.height }).toEqual({ width: 256, height: 256 });
    expect(await decoded(square.bytes)).toEqual({ format: 'webp', width: 256, height: 256 });
    const wide = await makeThumbnail(await patternPng(1024, 512, 3), 'image/png');
    expect(await decoded(wide.bytes)).toEqual({ format: 'webp', width: 256, height: 128 });
  });

  it('never upscales: a 64² sprite stays 64² with exactly its pixels (lossless)', async () => {
    const sprite = await patternPng(64, 64);
    const thumb = await makeThumbnail(sprite, 'image/png');
    expect(await decoded(thumb.bytes)).toEqual({ format: 'webp', width: 64, height: 64 });
    const [a, b] = await Promise.all([rawPixels(sprite), rawPixels(thumb.bytes)]);
    expect(b.data.equals(a.data)).toBe(true);
  });

  it('pixel art is downscaled by nearest-neighbour: no colour the sprite does not have', async () => {
    const art = await pixelArtPng(512, 8); // 8-px blocks of four flat colours
    const palette = await colours(art);
    expect(palette.size).toBe(4);
    const crisp = await makeThumbnail(art, 'image/png', { pixelArt: true });
    expect(await decoded(crisp.bytes)).toMatchObject({ width: 256, height: 256 });
    expect([...(await colours(crisp.bytes))].every((c) => palette.has(c))).toBe(true);
    // The same image without the hint is smoothed (Lanczos) and gains in-between colours:
    // proof the hint is what keeps the edges hard.
    const smooth = await makeThumbnail(art, 'image/png');
    expect([...(await colours(smooth.bytes))].some((c) => !palette.has(c))).toBe(true);
  });

  it('rasterises SVG at thumbnail size (a 24-px icon is drawn at 256, not blown up)', async () => {
    const icon = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="12"><rect width="24" height="12" fill="#3a3"/></svg>');
    const thumb = await makeThumbnail(icon, 'image/svg+xml');
    expect(await decoded(thumb.bytes)).toEqual({ format: 'webp', width: 256, height: 128 });
    const huge = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="4000"><circle cx="2000" cy="2000" r="1000"/></svg>');
    expect(await decoded((await makeThumbnail(huge, 'image/svg+xml')).bytes)).toMatchObject({ width: 256, height: 256 });
  });

  it('undecodable bytes and unsupported types are typed errors', async () => {
    await expect(makeThumbnail(Buffer.from('not an image'), 'image/png')).rejects.toBeInstanceOf(AppFailure);
    await expect(makeThumbnail(Buffer.from('<svg'), 'image/svg+xml')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(makeThumbnail(Buffer.from('export {}'), 'text/tsx')).rejects.toMatchObject({ code: 'invalid_input', field: 'mime' });
  });
});
