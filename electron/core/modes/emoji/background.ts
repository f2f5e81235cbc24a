/**
 * Background removal for emoji: the prompt asks for a plain background, so whatever colour
 * dominates the image's border is the background. A flood from the border pixels clears every
 * connected pixel near that colour. Flooding (rather than clearing that colour everywhere)
 * keeps enclosed regions of the same colour — the whites of the eyes, a white shirt inside
 * an outline — which is exactly what an emoji needs.
 *
 * Works in place on 8-bit RGBA pixels (sharp's `raw()` output).
 */

/**
 * Euclidean RGB distance (0–441) under which a pixel counts as background. 48 (~11 %) absorbs
 * what providers put in a "plain" background — JPEG ringing (±8 per channel), faint noise and
 * vignettes of ~20 levels — while the subject's outline (dark, 150+ away from white) and pale
 * fills such as light yellow (255,240,180: 76 away) stop the flood.
 */
export const BACKGROUND_TOLERANCE = 48;
/** Alpha under which a pixel is already transparent (a provider that returns RGBA). */
export const ALPHA_CLEAR = 16;
/**
 * Share of the opaque border that must be near one colour for it to count as a flat
 * background; below it (a scene, a subject touching most of the frame) nothing is removed,
 * since a partial flood would eat into the subject.
 */
export const MIN_BORDER_COVERAGE = 0.6;

export interface RgbaImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type BackgroundResult =
  | { readonly kind: 'removed'; readonly colour: readonly [number, number, number]; readonly cleared: number }
  | { readonly kind: 'already-transparent'; readonly cleared: number }
  | { readonly kind: 'not-flat'; readonly coverage: number };

function borderIndices(width: number, height: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < width; x++) {
    out.push(x);
    if (height > 1) out.push((height - 1) * width + x);
  }
  for (let y = 1; y < height - 1; y++) {
    out.push(y * width);
    if (width > 1) out.push(y * width + width - 1);
  }
  return out;
}

function distanceSq(data: Uint8Array, pixel: number, colour: readonly [number, number, number]): number {
  const o = pixel * 4;
  const dr = (data[o] ?? 0) - colour[0];
  const dg = (data[o + 1] ?? 0) - colour[1];
  const db = (data[o + 2] ?? 0) - colour[2];
  return dr * dr + dg * dg + db * db;
}

/**
 * The border's dominant colour: the fullest 16-level bucket, averaged. Null when at least half
 * the border is already transparent: the render came with alpha, and its opaque border pixels
 * are the subject touching the edge, not a background to flood.
 */
export function borderColour(image: RgbaImage): { colour: readonly [number, number, number]; coverage: number } | null {
  const { data, width, height } = image;
  const buckets = new Map<number, { n: number; r: number; g: number; b: number }>();
  const border = borderIndices(width, height);
  const opaque: number[] = [];
  for (const pixel of border) {
    const o = pixel * 4;
    if ((data[o + 3] ?? 0) < ALPHA_CLEAR) continue;
    const r = data[o] ?? 0;
    const g = data[o + 1] ?? 0;
    const b = data[o + 2] ?? 0;
    opaque.push(pixel);
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const bucket = buckets.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    bucket.n++;
    bucket.r += r;
    bucket.g += g;
    bucket.b += b;
    buckets.set(key, bucket);
  }
  let best: { n: number; r: number; g: number; b: number } | undefined;
  for (const bucket of buckets.values()) if (best === undefined || bucket.n > best.n) best = bucket;
  if (best === undefined || opaque.length * 2 <= border.length) return null;
  const colour = [Math.round(best.r / best.n), Math.round(best.g / best.n), Math.round(best.b / best.n)] as const;
  const limit = BACKGROUND_TOLERANCE * BACKGROUND_TOLERANCE;
  const near = opaque.filter((pixel) => distanceSq(data, pixel, colour) <= limit).length;
  return { colour, coverage: near / opaque.length };
}

/**
 * Clears (alpha 0) the background connected to the border. With `feather`, the subject's
 * edge pixels that are still close to the background colour (anti-aliasing blended with it)
 * get a partial alpha instead of a pale halo.
 */
export function removeBackground(image: RgbaImage, options: { readonly feather: boolean }): BackgroundResult {
  const { data, width, height } = image;
  const dominant = borderColour(image);
  if (dominant !== null && dominant.coverage < MIN_BORDER_COVERAGE) return { kind: 'not-flat', coverage: dominant.coverage };
  const colour = dominant?.colour ?? null;
  const limit = BACKGROUND_TOLERANCE * BACKGROUND_TOLERANCE;
  // The flood visits up to a million pixels: the colour in plain locals, not a tuple read each time.
  const [cr, cg, cb] = colour ?? [0, 0, 0];
  const hasColour = colour !== null;

  const total = width * height;
  const cleared = new Uint8Array(total);
  const queue = new Int32Array(total);
  let head = 0;
  let tail = 0;
  const visit = (pixel: number): void => {
    if (cleared[pixel] === 1) return;
    const o = pixel * 4;
    if ((data[o + 3] ?? 0) >= ALPHA_CLEAR) {
      if (!hasColour) return;
      const dr = (data[o] ?? 0) - cr;
      const dg = (data[o + 1] ?? 0) - cg;
      const db = (data[o + 2] ?? 0) - cb;
      if (dr * dr + dg * dg + db * db > limit) return;
    }
    cleared[pixel] = 1;
    queue[tail++] = pixel;
    data[o] = 0;
    data[o + 1] = 0;
    data[o + 2] = 0;
    data[o + 3] = 0;
  };
  for (const pixel of borderIndices(width, height)) visit(pixel);
  while (head < tail) {
    const pixel = queue[head++] ?? 0;
    const x = pixel % width;
    if (x > 0) visit(pixel - 1);
    if (x < width - 1) visit(pixel + 1);
    if (pixel >= width) visit(pixel - width);
    if (pixel + width < total) visit(pixel + width);
  }
  if (options.feather && colour !== null) featherEdge(image, cleared, colour);
  return colour === null ? { kind: 'already-transparent', cleared: tail } : { kind: 'removed', colour, cleared: tail };
}

/** Edge pixels within twice the tolerance fade linearly from transparent to their own alpha. */
function featherEdge(image: RgbaImage, cleared: Uint8Array, colour: readonly [number, number, number]): void {
  const { data, width, height } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const pixel = y * width + x;
      if (cleared[pixel] === 1) continue;
      const touches =
        (x > 0 && cleared[pixel - 1] === 1) ||
        (x < width - 1 && cleared[pixel + 1] === 1) ||
        (y > 0 && cleared[pixel - width] === 1) ||
        (y < height - 1 && cleared[pixel + width] === 1);
      if (!touches) continue;
      const distance = Math.sqrt(distanceSq(data, pixel, colour));
      if (distance >= 2 * BACKGROUND_TOLERANCE) continue;
      const keep = (distance - BACKGROUND_TOLERANCE) / BACKGROUND_TOLERANCE;
      data[pixel * 4 + 3] = Math.round((data[pixel * 4 + 3] ?? 0) * Math.min(1, Math.max(0, keep)));
    }
  }
}
