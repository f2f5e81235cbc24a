/**
 * Background removal for sprites: flood fill from the image border over pixels close to the
 * background colour, making them transparent. Only background *connected to the border* goes,
 * so the white of an eye or a highlight inside the outline stays.
 *
 * - The background colour is the colour most of the border agrees on (each sampled border pixel
 *   counts how many border pixels lie within the tolerance of it; the mean of the best-supported
 *   sample's cluster is the reference). If
 *   no colour covers at least {@link MIN_BORDER_SHARE} of the border, the picture has no plain
 *   background (a scene, or a subject cropped by every edge) and nothing is removed.
 * - 4-connected: the fill cannot slip between two diagonal outline pixels, which is how most
 *   pixel-art outlines run on curves.
 * - Pixels that are already transparent (a provider that returns alpha) count as background.
 */
import { ALPHA_THRESHOLD, type Rgb, type RgbaImage } from './raster';

/**
 * Euclidean RGB distance (0–441) under which a pixel counts as background. Providers that return
 * JPEG (Hugging Face) leave a flat field within about ±8 per channel and ringing of up to ~20 per
 * channel next to edges (√(3·20²) ≈ 35); 40 covers both. A dark 1 px outline is 150+ away from a
 * light field, so the fill stops at it; a subject colour within 40 of the background and touching
 * it without an outline would be eaten — which is why the default outline is "thin".
 */
export const BACKGROUND_TOLERANCE = 40;
/** The share of border pixels that must agree on one colour for it to be called the background. */
export const MIN_BORDER_SHARE = 0.25;
/** Border pixels sampled as background candidates (all border pixels are counted against them). */
const CANDIDATE_SAMPLES = 64;

export type BackgroundReference = { readonly kind: 'transparent' } | { readonly kind: 'colour'; readonly colour: Rgb };

export interface FloodResult {
  /** What was taken as background, or null when the border had no dominant colour. */
  readonly reference: BackgroundReference | null;
  /** Pixels made transparent (not counting those already transparent). */
  readonly removed: number;
  /** Share of the border that agreed with the reference (0–1). */
  readonly borderShare: number;
}

function borderIndices(width: number, height: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < width; x += 1) out.push(x);
  if (height > 1) for (let x = 0; x < width; x += 1) out.push((height - 1) * width + x);
  for (let y = 1; y < height - 1; y += 1) {
    out.push(y * width);
    if (width > 1) out.push(y * width + width - 1);
  }
  return out;
}

const TOLERANCE_SQ = BACKGROUND_TOLERANCE * BACKGROUND_TOLERANCE;

function isTransparent(data: Uint8Array, pixel: number): boolean {
  return (data[pixel * 4 + 3] as number) < ALPHA_THRESHOLD;
}

function closeTo(data: Uint8Array, pixel: number, colour: Rgb): boolean {
  const o = pixel * 4;
  const dr = (data[o] as number) - colour.r;
  const dg = (data[o + 1] as number) - colour.g;
  const db = (data[o + 2] as number) - colour.b;
  return dr * dr + dg * dg + db * db <= TOLERANCE_SQ;
}

function colourAt(data: Uint8Array, pixel: number): Rgb {
  const o = pixel * 4;
  return { r: data[o] as number, g: data[o + 1] as number, b: data[o + 2] as number };
}

/** The colour (or transparency) most of the border agrees on, with its share. */
export function findBackground(image: RgbaImage): { reference: BackgroundReference; share: number } {
  const { data, width, height } = image;
  const border = borderIndices(width, height);
  const transparent = border.filter((pixel) => isTransparent(data, pixel)).length;
  let best: { reference: BackgroundReference; share: number } = { reference: { kind: 'transparent' }, share: transparent / border.length };
  const opaque = border.filter((pixel) => !isTransparent(data, pixel));
  const step = Math.max(1, Math.floor(opaque.length / CANDIDATE_SAMPLES));
  let bestCandidate: Rgb | null = null;
  for (let i = 0; i < opaque.length; i += step) {
    const colour = colourAt(data, opaque[i] as number);
    let agree = 0;
    for (const pixel of opaque) if (closeTo(data, pixel, colour)) agree += 1;
    const share = agree / border.length;
    if (share > best.share) {
      best = { reference: { kind: 'colour', colour }, share };
      bestCandidate = colour;
    }
  }
  if (bestCandidate === null) return best;
  // The sample is one pixel of the cluster; its mean is the background colour (JPEG noise averages out).
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (const pixel of opaque) {
    if (!closeTo(data, pixel, bestCandidate)) continue;
    const o = pixel * 4;
    r += data[o] as number;
    g += data[o + 1] as number;
    b += data[o + 2] as number;
    n += 1;
  }
  return { reference: { kind: 'colour', colour: { r: Math.round(r / n), g: Math.round(g / n), b: Math.round(b / n) } }, share: best.share };
}

/** Makes the border-connected background transparent, in place. */
export function removeBorderBackground(image: RgbaImage): FloodResult {
  const { data, width, height } = image;
  const { reference, share } = findBackground(image);
  if (share < MIN_BORDER_SHARE) return { reference: null, removed: 0, borderShare: share };

  const isBackground = (pixel: number): boolean =>
    isTransparent(data, pixel) || (reference.kind === 'colour' && closeTo(data, pixel, reference.colour));

  const total = width * height;
  const visited = new Uint8Array(total);
  const queue = new Int32Array(total);
  let head = 0;
  let tail = 0;
  // A pixel is looked at once: background-ness never changes for a pixel the fill has not reached.
  const visit = (pixel: number): void => {
    if (visited[pixel] === 1) return;
    visited[pixel] = 1;
    if (isBackground(pixel)) queue[tail++] = pixel;
  };
  for (const pixel of borderIndices(width, height)) visit(pixel);
  let removed = 0;
  while (head < tail) {
    const pixel = queue[head++] as number;
    const o = pixel * 4;
    if ((data[o + 3] as number) >= ALPHA_THRESHOLD) removed += 1;
    data[o] = 0;
    data[o + 1] = 0;
    data[o + 2] = 0;
    data[o + 3] = 0;
    const x = pixel % width;
    // Left, right, up, down — no diagonals (see the header).
    if (x > 0) visit(pixel - 1);
    if (x < width - 1) visit(pixel + 1);
    if (pixel >= width) visit(pixel - width);
    if (pixel < total - width) visit(pixel + width);
  }
  return { reference, removed, borderShare: share };
}
