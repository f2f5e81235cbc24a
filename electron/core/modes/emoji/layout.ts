/**
 * After the cut-out: drop stray specks, find the subject's bounds and centre it on a square
 * transparent canvas with even padding, so every emoji of a pack sits the same way in chat.
 */
import type { RgbaImage } from './background';

/** Pixels fainter than this are fringe or noise, not content, when finding the bounds. */
export const CONTENT_ALPHA = 24;
/**
 * Opaque islands smaller than this share of the image (≈120 px of a 768² render) are specks
 * the flood left behind — JPEG noise, a stray dot — and would otherwise stretch the bounds.
 * Real separate parts (a tear, confetti, a sparkle) are far larger at render size.
 */
export const SPECK_FRACTION = 0.0002;
/** Space around the subject on each side, as a share of the square (platform emoji use ~6–10 %). */
export const PADDING = 0.08;

export interface Bounds {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Clears 8-connected opaque islands smaller than `minPixels`; returns how many islands went. */
export function despeckle(image: RgbaImage, minPixels: number): number {
  const { data, width, height } = image;
  const total = width * height;
  const seen = new Uint8Array(total);
  const stack = new Int32Array(total);
  const members: number[] = [];
  let removed = 0;
  for (let start = 0; start < total; start++) {
    if (seen[start] === 1 || (data[start * 4 + 3] ?? 0) < CONTENT_ALPHA) continue;
    seen[start] = 1;
    let top = 0;
    stack[top++] = start;
    members.length = 0;
    while (top > 0) {
      const pixel = stack[--top] ?? 0;
      // Only small islands need their members remembered; a big one just needs counting past the limit.
      if (members.length < minPixels) members.push(pixel);
      const x = pixel % width;
      const y = (pixel - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue;
          const next = ny * width + nx;
          if (seen[next] === 1 || (data[next * 4 + 3] ?? 0) < CONTENT_ALPHA) continue;
          seen[next] = 1;
          stack[top++] = next;
        }
      }
    }
    if (members.length < minPixels) {
      for (const pixel of members) data[pixel * 4 + 3] = 0;
      removed++;
    }
  }
  return removed;
}

/** The smallest rectangle holding every pixel with alpha ≥ CONTENT_ALPHA; null if there is none. */
export function contentBounds(image: RgbaImage): Bounds | null {
  const { data, width, height } = image;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[(y * width + x) * 4 + 3] ?? 0) < CONTENT_ALPHA) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return null;
  return { left: minX, top: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** The bounds' pixels centred on a transparent square whose side leaves `padding` on each side. */
export function centreOnSquare(image: RgbaImage, bounds: Bounds, padding: number): RgbaImage {
  const side = Math.ceil(Math.max(bounds.width, bounds.height) / (1 - 2 * padding));
  const data = new Uint8Array(side * side * 4);
  const left = Math.floor((side - bounds.width) / 2);
  const top = Math.floor((side - bounds.height) / 2);
  for (let row = 0; row < bounds.height; row++) {
    const from = ((bounds.top + row) * image.width + bounds.left) * 4;
    data.set(image.data.subarray(from, from + bounds.width * 4), ((top + row) * side + left) * 4);
  }
  return { data, width: side, height: side };
}
