import { describe, expect, it } from 'vitest';
import { ALPHA_CLEAR, BACKGROUND_TOLERANCE, borderColour, removeBackground, type RgbaImage } from './background';

type Rgba = readonly [number, number, number, number];

/** A width×height image filled by `paint(x, y)`. */
function image(width: number, height: number, paint: (x: number, y: number) => Rgba): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 4);
  return { data, width, height };
}
const alphaAt = (img: RgbaImage, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3];

const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [20, 20, 30, 255];

/** White, with a dark square ring (x/y 5–14) around a white hole (7–12): eyes on a face. */
const ring = () =>
  image(20, 20, (x, y) => {
    const inOuter = x >= 5 && x <= 14 && y >= 5 && y <= 14;
    const inHole = x >= 7 && x <= 12 && y >= 7 && y <= 12;
    return inOuter && !inHole ? INK : WHITE;
  });

describe('removeBackground', () => {
  it('clears the background connected to the border and keeps enclosed regions of the same colour', () => {
    const img = ring();
    const result = removeBackground(img, { feather: false });
    expect(result).toEqual({ kind: 'removed', colour: [255, 255, 255], cleared: 400 - 100 });
    expect(alphaAt(img, 0, 0)).toBe(0);
    expect(alphaAt(img, 19, 19)).toBe(0);
    expect(alphaAt(img, 4, 10)).toBe(0);
    expect(alphaAt(img, 5, 10)).toBe(255);
    expect(alphaAt(img, 10, 10)).toBe(255);
  });

  it('finds the background colour from the border rather than assuming white', () => {
    const img = image(30, 30, (x, y) => (x > 10 && x < 20 && y > 10 && y < 20 ? INK : [196, 210, 224, 255]));
    const result = removeBackground(img, { feather: false });
    expect(result).toMatchObject({ kind: 'removed', colour: [196, 210, 224] });
    expect(alphaAt(img, 0, 29)).toBe(0);
    expect(alphaAt(img, 15, 15)).toBe(255);
  });

  it('absorbs JPEG-like noise and a faint vignette within the tolerance', () => {
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed % 21) - 10);
    const img = image(40, 40, (x, y) => {
      if (x >= 15 && x < 25 && y >= 15 && y < 25) return INK;
      const vignette = Math.round(Math.hypot(x - 20, y - 20) * 0.6);
      return [245 - vignette + noise(), 245 - vignette + noise(), 245 - vignette + noise(), 255];
    });
    removeBackground(img, { feather: false });
    let opaque = 0;
    for (let p = 0; p < 40 * 40; p++) if ((img.data[p * 4 + 3] ?? 0) > 0) opaque++;
    expect(opaque).toBe(100);
  });

  it('stops at the tolerance: a pale fill survives, a near-white one goes', () => {
    // Left half near-white (distance 30 < 48), right half pale yellow (distance 76 > 48).
    const img = image(20, 10, (x, y) => (y === 0 || y === 9 || x === 0 ? WHITE : x < 10 ? [230, 240, 245, 255] : [255, 240, 180, 255]));
    removeBackground(img, { feather: false });
    expect(alphaAt(img, 5, 5)).toBe(0);
    expect(alphaAt(img, 15, 5)).toBe(255);
    expect(Math.hypot(0, 15, 75)).toBeGreaterThan(BACKGROUND_TOLERANCE);
    expect(Math.hypot(25, 15, 10)).toBeLessThan(BACKGROUND_TOLERANCE);
  });

  it('feathers anti-aliased edge pixels and leaves them hard without feathering', () => {
    // A column of grey (distance ≈ 69, between 48 and 96) between the white border and the ink.
    const paint = (x: number): Rgba => (x < 5 ? WHITE : x === 5 ? [215, 215, 215, 255] : INK);
    const soft = image(12, 12, (x, y) => (y === 0 || y === 11 || x === 11 ? WHITE : paint(x)));
    removeBackground(soft, { feather: true });
    const edge = alphaAt(soft, 5, 5) ?? 0;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(255);
    expect(edge).toBe(Math.round(255 * ((Math.hypot(40, 40, 40) - BACKGROUND_TOLERANCE) / BACKGROUND_TOLERANCE)));
    expect(alphaAt(soft, 7, 5)).toBe(255);

    const hard = image(12, 12, (x, y) => (y === 0 || y === 11 || x === 11 ? WHITE : paint(x)));
    removeBackground(hard, { feather: false });
    expect(alphaAt(hard, 5, 5)).toBe(255);
  });

  it('removes nothing when the border is not one flat colour', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % 256);
    const img = image(20, 20, () => [random(), random(), random(), 255]);
    const before = Uint8Array.from(img.data);
    const result = removeBackground(img, { feather: true });
    expect(result.kind).toBe('not-flat');
    expect(img.data).toEqual(before);
  });

  it('treats an already transparent border as background', () => {
    const img = image(10, 10, (x, y) => (x >= 3 && x <= 6 && y >= 3 && y <= 6 ? INK : [255, 0, 255, ALPHA_CLEAR - 1]));
    expect(removeBackground(img, { feather: true })).toEqual({ kind: 'already-transparent', cleared: 100 - 16 });
    expect(alphaAt(img, 0, 0)).toBe(0);
    expect(alphaAt(img, 4, 4)).toBe(255);
  });

  it('does not flood a transparent render whose subject touches the edge', () => {
    // Transparent, with an ink bar three pixels wide down the left edge (14 of the 36 border pixels).
    const img = image(10, 10, (x) => (x <= 2 ? INK : [0, 0, 0, 0]));
    expect(removeBackground(img, { feather: true }).kind).toBe('already-transparent');
    expect(alphaAt(img, 0, 5)).toBe(255);
    expect(alphaAt(img, 2, 0)).toBe(255);
  });
});

describe('borderColour', () => {
  it('averages the fullest bucket and reports how much of the border matches', () => {
    const img = image(10, 10, (x, y) => (x === 0 && y < 5 ? INK : [240, 244, 250, 255]));
    const dominant = borderColour(img);
    expect(dominant?.colour).toEqual([240, 244, 250]);
    expect(dominant?.coverage).toBeCloseTo(31 / 36, 5);
  });
});
