/**
 * Plain RGBA pixel buffers and the small per-pixel operations post-processing needs. Pure
 * functions over typed arrays: no sharp here, so each is easy to test on a handful of pixels.
 */

/** 8-bit RGBA, row-major, 4 bytes a pixel. */
export interface RgbaImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** Alpha at or above this is opaque, below it transparent: pixel art has no half-transparent pixels. */
export const ALPHA_THRESHOLD = 128;

/**
 * Makes every pixel fully opaque or fully transparent; transparent pixels become (0,0,0,0) so
 * they are one palette entry, whatever colour the provider left under them.
 * Returns how many pixels had partial alpha.
 */
export function thresholdAlpha(image: RgbaImage): number {
  const { data } = image;
  let partial = 0;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3] as number;
    if (alpha !== 0 && alpha !== 255) partial += 1;
    if (alpha >= ALPHA_THRESHOLD) {
      data[i + 3] = 255;
    } else {
      data[i] = 0;
      data[i + 1] = 0;
      data[i + 2] = 0;
      data[i + 3] = 0;
    }
  }
  return partial;
}

/** Composites every pixel over an opaque matte colour. Returns how many pixels were not opaque. */
export function flattenOnto(image: RgbaImage, matte: Rgb): number {
  const { data } = image;
  let changed = 0;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3] as number;
    if (alpha === 255) continue;
    changed += 1;
    const a = alpha / 255;
    data[i] = Math.round((data[i] as number) * a + matte.r * (1 - a));
    data[i + 1] = Math.round((data[i + 1] as number) * a + matte.g * (1 - a));
    data[i + 2] = Math.round((data[i + 2] as number) * a + matte.b * (1 - a));
    data[i + 3] = 255;
  }
  return changed;
}

/** Distinct RGBA values (all fully transparent pixels count as one). */
export function countColours(image: RgbaImage): number {
  const { data } = image;
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3] as number;
    // >>> 0 keeps the packed value an unsigned 32-bit number.
    seen.add(alpha === 0 ? 0 : (((data[i] as number) << 24) | ((data[i + 1] as number) << 16) | ((data[i + 2] as number) << 8) | alpha) >>> 0);
  }
  return seen.size;
}

/** True when every alpha value is 0 or 255. */
export function hasCrispAlpha(image: RgbaImage): boolean {
  const { data } = image;
  for (let i = 3; i < data.length; i += 4) {
    const alpha = data[i] as number;
    if (alpha !== 0 && alpha !== 255) return false;
  }
  return true;
}
