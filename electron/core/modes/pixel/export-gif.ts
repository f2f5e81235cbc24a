/**
 * Animated GIF from frames with gifenc (maintained, dependency-free, fast LZW encoder).
 *
 * Pixel art rarely has more than 255 colours, so the frames usually share one exact global
 * palette (lossless); only beyond that does gifenc's quantiser pick 255. Index 0 is the
 * transparent colour: GIF has 1-bit transparency, and pixel art's alpha is already 0 or 255.
 * Each frame is disposed to the background (dispose 2), so a transparent pixel never shows
 * the previous frame through it.
 */
import { GIFEncoder, applyPalette, quantize, type Palette } from 'gifenc';
import { ALPHA_THRESHOLD, type RgbaImage } from './raster';

export type GifLoop = 'forever' | 'pingpong' | 'once';

export interface GifOptions {
  /** Milliseconds each frame shows (GIF stores hundredths: rounded to 10 ms). */
  readonly delayMs: number;
  readonly loop: GifLoop;
}

const TRANSPARENT = 0;
/** GIF disposal method 2: restore to background before the next frame. */
const DISPOSE_TO_BACKGROUND = 2;

/** forever: 0 1 2 3 ↺; ping-pong: 0 1 2 3 2 1 ↺ (the ends are not doubled); once: 0 1 2 3. */
export function playOrder(count: number, loop: GifLoop): number[] {
  const forward = Array.from({ length: count }, (_, i) => i);
  if (loop !== 'pingpong' || count < 3) return forward;
  return [...forward, ...forward.slice(1, -1).reverse()];
}

function exactPalette(frames: ReadonlyArray<RgbaImage>): { palette: Palette; lookup: Map<number, number> } | null {
  const lookup = new Map<number, number>();
  const palette: Palette = [[0, 0, 0]];
  for (const frame of frames) {
    const { data } = frame;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) < ALPHA_THRESHOLD) continue;
      const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      if (lookup.has(key)) continue;
      if (palette.length === 256) return null;
      lookup.set(key, palette.length);
      palette.push([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0]);
    }
  }
  return { palette, lookup };
}

function indexExact(frame: RgbaImage, lookup: Map<number, number>): Uint8Array {
  const { data } = frame;
  const index = new Uint8Array(frame.width * frame.height);
  for (let p = 0, i = 0; p < index.length; p += 1, i += 4) {
    if ((data[i + 3] ?? 0) < ALPHA_THRESHOLD) index[p] = TRANSPARENT;
    else index[p] = lookup.get(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0)) ?? TRANSPARENT;
  }
  return index;
}

/** More than 255 colours: quantise all frames together so the palette does not flicker. */
function quantised(frames: ReadonlyArray<RgbaImage>): { palette: Palette; indexes: Uint8Array[] } {
  // Only opaque pixels compete for the 255 colours; transparency has its own index.
  const total = frames.reduce((sum, frame) => sum + frame.data.length, 0);
  const opaque = new Uint8Array(total);
  let offset = 0;
  for (const { data } of frames) {
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) < ALPHA_THRESHOLD) continue;
      opaque.set(data.subarray(i, i + 4), offset);
      offset += 4;
    }
  }
  const colours = quantize(offset > 0 ? opaque.subarray(0, offset) : opaque.subarray(0, 4), 255, { format: 'rgb565' });
  const palette: Palette = [[0, 0, 0], ...colours];
  const indexes = frames.map((frame) => {
    const index = applyPalette(frame.data, colours, 'rgb565');
    for (let p = 0; p < index.length; p += 1) index[p] = (frame.data[p * 4 + 3] ?? 0) < ALPHA_THRESHOLD ? TRANSPARENT : (index[p] ?? 0) + 1;
    return index;
  });
  return { palette, indexes };
}

/** Frames must share one size (see `toCommonCell`). */
export function encodeGif(frames: ReadonlyArray<RgbaImage>, options: GifOptions): { bytes: Uint8Array; colours: number; exact: boolean } {
  const first = frames[0];
  if (!first) throw new Error('A GIF needs at least one frame.');
  const exact = exactPalette(frames);
  const { palette, indexes } = exact
    ? { palette: exact.palette, indexes: frames.map((frame) => indexExact(frame, exact.lookup)) }
    : quantised(frames);
  const gif = GIFEncoder();
  const order = playOrder(frames.length, options.loop);
  for (const [position, frameIndex] of order.entries()) {
    gif.writeFrame(indexes[frameIndex] ?? new Uint8Array(first.width * first.height), first.width, first.height, {
      ...(position === 0 ? { palette } : {}),
      delay: Math.round(options.delayMs / 10) * 10,
      repeat: options.loop === 'once' ? -1 : 0,
      transparent: true,
      transparentIndex: TRANSPARENT,
      dispose: DISPOSE_TO_BACKGROUND,
    });
  }
  gif.finish();
  return { bytes: gif.bytes(), colours: palette.length - 1, exact: exact !== null };
}
