import { describe, expect, it } from 'vitest';
import { BACKGROUND_TOLERANCE, findBackground, removeBorderBackground } from './flood-fill';
import type { RgbaImage } from './raster';

type Pixel = readonly [number, number, number, number];
const WHITE: Pixel = [255, 255, 255, 255];
const BLACK: Pixel = [17, 17, 17, 255];
const RED: Pixel = [200, 40, 40, 255];
const CLEAR: Pixel = [0, 0, 0, 0];

function paint(width: number, height: number, at: (x: number, y: number) => Pixel): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data.set(at(x, y), (y * width + x) * 4);
  return { data, width, height };
}

function alphaAt(img: RgbaImage, x: number, y: number): number {
  return img.data[(y * img.width + x) * 4 + 3] as number;
}

/** A 9×9 diamond: 1 px outline of diagonal steps, `inside` within, white outside. */
function diamond(inside: Pixel): RgbaImage {
  return paint(9, 9, (x, y) => {
    const d = Math.abs(x - 4) + Math.abs(y - 4);
    return d === 3 ? BLACK : d < 3 ? inside : WHITE;
  });
}

describe('removeBorderBackground', () => {
  it('clears the background connected to the border and nothing inside the outline', () => {
    const img = diamond(RED);
    const result = removeBorderBackground(img);
    expect(result.reference).toEqual({ kind: 'colour', colour: { r: 255, g: 255, b: 255 } });
    expect(alphaAt(img, 0, 0)).toBe(0);
    expect(alphaAt(img, 8, 8)).toBe(0);
    expect(alphaAt(img, 4, 1)).toBe(255); // outline
    expect(alphaAt(img, 4, 4)).toBe(255); // inside
    // 81 pixels − (1 + 4 + 8) inside − 12 outline = 56 outside.
    expect(result.removed).toBe(56);
  });

  it('keeps a background-coloured area enclosed by a diagonal outline (4-connected fill)', () => {
    const img = diamond(WHITE);
    removeBorderBackground(img);
    expect(alphaAt(img, 4, 4)).toBe(255);
    expect(alphaAt(img, 4, 2)).toBe(255);
    expect(alphaAt(img, 3, 4)).toBe(255);
  });

  it('takes JPEG-like noise around the background colour as background', () => {
    const noise = (x: number, y: number) => ((x * 7 + y * 13) % 17) - 8; // −8…8, deterministic
    const img = paint(20, 20, (x, y) => {
      if (x >= 8 && x < 12 && y >= 8 && y < 12) return RED;
      const v = 245 + noise(x, y);
      return [v, v - 3, v + 2, 255];
    });
    const result = removeBorderBackground(img);
    expect(result.removed).toBe(400 - 16);
    expect(alphaAt(img, 9, 9)).toBe(255);
  });

  it('stops at colours beyond the tolerance', () => {
    const near = 255 - Math.floor(BACKGROUND_TOLERANCE / Math.sqrt(3)) + 1; // just inside the tolerance of white
    const far = 255 - BACKGROUND_TOLERANCE; // 40 off on every channel: ~69 away
    const img = paint(7, 3, (x, y) => (y === 1 && x === 2 ? [near, near, near, 255] : y === 1 && x === 4 ? [far, far, far, 255] : WHITE));
    removeBorderBackground(img);
    expect(alphaAt(img, 2, 1)).toBe(0);
    expect(alphaAt(img, 4, 1)).toBe(255);
    expect(alphaAt(img, 3, 1)).toBe(0);
  });

  it('measures the background from the whole agreeing border, not one sampled pixel', () => {
    // A border of pure white with a few slightly grey pixels: the reference is their mean, near white.
    const img = paint(10, 10, (x, y) => (y === 0 && x < 3 ? [235, 235, 235, 255] : WHITE));
    const { reference } = findBackground(img);
    expect(reference.kind).toBe('colour');
    if (reference.kind === 'colour') expect(reference.colour.r).toBeGreaterThan(250);
  });

  it('removes nothing when no colour dominates the border (a scene, not a sprite)', () => {
    const img = paint(16, 16, (x, y) => [(x * 40) % 256, (y * 40) % 256, ((x + y) * 60) % 256, 255]);
    const before = Uint8Array.from(img.data);
    const result = removeBorderBackground(img);
    expect(result.reference).toBeNull();
    expect(result.removed).toBe(0);
    expect(img.data).toEqual(before);
  });

  it('treats an already transparent border as the background and keeps the subject', () => {
    const img = paint(8, 8, (x, y) => (x > 2 && x < 5 && y > 2 && y < 5 ? RED : CLEAR));
    const result = removeBorderBackground(img);
    expect(result.reference).toEqual({ kind: 'transparent' });
    expect(result.removed).toBe(0);
    expect(alphaAt(img, 3, 3)).toBe(255);
  });

  it('picks the colour most of the border agrees on, not the first corner', () => {
    // A dark corner pixel, the rest of the border light grey.
    const img = paint(10, 10, (x, y) => (x === 0 && y === 0 ? BLACK : [230, 230, 230, 255]));
    expect(findBackground(img).reference).toEqual({ kind: 'colour', colour: { r: 230, g: 230, b: 230 } });
    expect(findBackground(img).share).toBeCloseTo(35 / 36);
  });
});
