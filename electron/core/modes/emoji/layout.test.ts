import { describe, expect, it } from 'vitest';
import type { RgbaImage } from './background';
import { centreOnSquare, CONTENT_ALPHA, contentBounds, despeckle, PADDING } from './layout';

/** Transparent width×height with opaque red rectangles [left, top, width, height]. */
function withRects(width: number, height: number, rects: ReadonlyArray<readonly [number, number, number, number]>): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (const [left, top, w, h] of rects) {
    for (let y = top; y < top + h; y++) for (let x = left; x < left + w; x++) data.set([255, 0, 0, 255], (y * width + x) * 4);
  }
  return { data, width, height };
}

describe('despeckle', () => {
  it('clears islands smaller than the limit and keeps the rest', () => {
    const img = withRects(50, 50, [
      [10, 10, 20, 20],
      [45, 45, 2, 2],
      [2, 40, 1, 1],
    ]);
    expect(despeckle(img, 10)).toBe(2);
    expect(contentBounds(img)).toEqual({ left: 10, top: 10, width: 20, height: 20 });
  });

  it('counts diagonal neighbours as one island', () => {
    // Five pixels touching only at corners: one island of 5, kept at a limit of 5.
    const img = withRects(10, 10, [0, 1, 2, 3, 4].map((i) => [i, i, 1, 1] as const));
    expect(despeckle(img, 5)).toBe(0);
    expect(despeckle(img, 6)).toBe(1);
    expect(contentBounds(img)).toBeNull();
  });
});

describe('contentBounds', () => {
  it('ignores pixels fainter than CONTENT_ALPHA', () => {
    const img = withRects(20, 20, [[5, 6, 3, 4]]);
    img.data[(19 * 20 + 19) * 4 + 3] = CONTENT_ALPHA - 1;
    expect(contentBounds(img)).toEqual({ left: 5, top: 6, width: 3, height: 4 });
  });

  it('is null for an empty image', () => {
    expect(contentBounds(withRects(4, 4, []))).toBeNull();
  });
});

describe('centreOnSquare', () => {
  it('centres the bounds on a square leaving PADDING on each side of the long edge', () => {
    const img = withRects(200, 100, [[30, 20, 84, 42]]);
    const bounds = contentBounds(img)!;
    const square = centreOnSquare(img, bounds, PADDING);
    expect(square.width).toBe(Math.ceil(84 / (1 - 2 * PADDING)));
    expect(square.height).toBe(square.width);
    const placed = contentBounds(square)!;
    expect(placed.width).toBe(84);
    expect(placed.height).toBe(42);
    expect(placed.left + placed.width / 2).toBeCloseTo(square.width / 2, 0);
    expect(placed.top + placed.height / 2).toBeCloseTo(square.height / 2, 0);
    expect(placed.left / square.width).toBeCloseTo(PADDING, 1);
  });
});
