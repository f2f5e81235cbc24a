import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { colourForSeed, renderSeedPng } from './test-images';

describe('colourForSeed', () => {
  it('never picks a colour close enough to the white background to be cut out with it', () => {
    for (let seed = 0; seed < 20_000; seed += 1) {
      const value = Number.parseInt(colourForSeed(seed).slice(1), 16);
      const channels = [value >> 16, (value >> 8) & 0xff, value & 0xff];
      // The cut-outs treat a pixel within 48 of the background on every channel as background.
      expect(channels.some((c) => 255 - c > 48), `seed ${seed}: ${colourForSeed(seed)}`).toBe(true);
    }
  });
});

describe('renderSeedPng', () => {
  it('is an opaque RGB PNG, as ComfyUI’s SaveImage and the cloud endpoints send', async () => {
    const png = await renderSeedPng(23, 96, 64);
    const meta = await sharp(png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, channels: meta.channels, hasAlpha: meta.hasAlpha }).toEqual({
      format: 'png',
      width: 96,
      height: 64,
      channels: 3,
      hasAlpha: false,
    });
  });
});
