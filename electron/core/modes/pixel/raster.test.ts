import { describe, expect, it } from 'vitest';
import { countColours, flattenOnto, hasCrispAlpha, thresholdAlpha, type RgbaImage } from './raster';

function image(pixels: ReadonlyArray<readonly [number, number, number, number]>): RgbaImage {
  return { data: Uint8Array.from(pixels.flat()), width: pixels.length, height: 1 };
}

describe('thresholdAlpha', () => {
  it('snaps alpha to 0 or 255 at 128 and clears the colour under transparent pixels', () => {
    const img = image([[10, 20, 30, 0], [10, 20, 30, 127], [10, 20, 30, 128], [10, 20, 30, 255], [99, 99, 99, 1]]);
    expect(thresholdAlpha(img)).toBe(3);
    expect([...img.data]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 10, 20, 30, 255, 10, 20, 30, 255, 0, 0, 0, 0]);
    expect(hasCrispAlpha(img)).toBe(true);
  });
});

describe('flattenOnto', () => {
  it('composites partial and transparent pixels over the matte and leaves opaque ones alone', () => {
    const img = image([[200, 100, 0, 255], [200, 100, 0, 0], [200, 100, 0, 51]]);
    expect(flattenOnto(img, { r: 0, g: 0, b: 100 })).toBe(2);
    expect([...img.data]).toEqual([200, 100, 0, 255, 0, 0, 100, 255, 40, 20, 80, 255]);
  });
});

describe('countColours', () => {
  it('counts distinct RGBA values, all transparent pixels as one', () => {
    expect(countColours(image([[1, 2, 3, 255], [1, 2, 3, 255], [1, 2, 4, 255], [9, 9, 9, 0], [0, 0, 0, 0]]))).toBe(3);
    expect(countColours(image([[255, 255, 255, 255], [255, 255, 255, 254]]))).toBe(2);
  });
});

describe('hasCrispAlpha', () => {
  it('is false when any pixel is half transparent', () => {
    expect(hasCrispAlpha(image([[0, 0, 0, 255], [0, 0, 0, 200]]))).toBe(false);
  });
});
