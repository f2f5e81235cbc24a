import { describe, expect, it } from 'vitest';
import { limitColours } from './palette';
import { countColours, type RgbaImage } from './raster';

type Pixel = readonly [number, number, number, number];

function strip(pixels: ReadonlyArray<Pixel>): RgbaImage {
  return { data: Uint8Array.from(pixels.flat()), width: pixels.length, height: 1 };
}

function repeat(pixel: Pixel, times: number): Pixel[] {
  return Array.from({ length: times }, () => pixel);
}

describe('limitColours', () => {
  it('leaves an image already within the limit untouched', () => {
    const img = strip([[1, 2, 3, 255], [4, 5, 6, 255], [0, 0, 0, 0]]);
    const before = Uint8Array.from(img.data);
    expect(limitColours(img, 4)).toBe(3);
    expect(img.data).toEqual(before);
  });

  it('merges the closest colours first and keeps large areas exact', () => {
    // Lots of red and blue; two near-red shades used once each.
    const img = strip([...repeat([200, 0, 0, 255], 50), [205, 5, 0, 255], [196, 0, 4, 255], ...repeat([0, 0, 200, 255], 50)]);
    expect(limitColours(img, 2)).toBe(2);
    expect(countColours(img)).toBe(2);
    expect([...img.data.slice(0, 4)]).toEqual([200, 0, 0, 255]);
    expect([...img.data.slice(50 * 4, 52 * 4)]).toEqual([200, 0, 0, 255, 200, 0, 0, 255]);
    expect([...img.data.slice(-4)]).toEqual([0, 0, 200, 255]);
  });

  it('counts the transparent entry inside the limit, as sharp does', () => {
    const img = strip([[0, 0, 0, 0], [255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 0, 255]]);
    expect(limitColours(img, 4)).toBe(4);
    expect(countColours(img)).toBe(4);
    expect([...img.data.slice(0, 4)]).toEqual([0, 0, 0, 0]);
  });

  it.each([4, 8, 16, 32, 64])('brings 200 scattered colours down to %i', (limit) => {
    const pixels: Pixel[] = [];
    for (let i = 0; i < 200; i += 1) pixels.push([(i * 37) % 256, (i * 91) % 256, (i * 53) % 256, 255], [0, 0, 0, 0]);
    const img = strip(pixels);
    expect(limitColours(img, limit)).toBeLessThanOrEqual(limit);
    expect(countColours(img)).toBeLessThanOrEqual(limit);
    expect(countColours(img)).toBeGreaterThan(limit / 2);
  });

  it('is deterministic', () => {
    const make = () => strip(Array.from({ length: 100 }, (_, i): Pixel => [(i * 13) % 256, (i * 29) % 256, (i * 7) % 256, 255]));
    const a = make();
    const b = make();
    limitColours(a, 8);
    limitColours(b, 8);
    expect(a.data).toEqual(b.data);
  });
});
