/**
 * Bitmap → SVG paths with imagetracerjs.
 *
 * The tracer's own colour quantiser is a k-means that starts from a random or grid-sampled
 * palette; on an icon that is mostly background it can start with two whites and lose the
 * icon. So the palette comes from sharp instead (libimagequant, no dithering: dither noise
 * would trace as hundreds of specks), and the tracer only assigns pixels to it (one cycle on a
 * fixed palette: deterministic, same input → same SVG).
 *
 * Mono and duotone icons lose their background: when all four corners share one palette
 * colour, that colour's layer is dropped and the icon sits on transparency. Full-colour
 * illustrations keep theirs (a scene's background is part of the picture).
 */
import sharp from 'sharp';
import ImageTracer, { type TracerColour, type TracerOptions } from 'imagetracerjs';
import type { VectorColourMode } from '../../../../shared/mode-specs/vector';

/** Palette size per colour mode, background included. */
export const TRACE_COLOURS: Readonly<Record<VectorColourMode, number>> = { mono: 2, duotone: 3, full: 16 };

/**
 * A palette colour covering less than this share of the image is dropped, and its pixels go
 * to the nearest remaining colour. When the image has fewer real colours than the palette
 * (a black icon asked as duotone), the quantiser spends the spare entries on anti-aliasing
 * fringes, which would trace as thin rings around every edge.
 */
export const MIN_COLOUR_COVERAGE: Readonly<Record<VectorColourMode, number>> = { mono: 0.01, duotone: 0.01, full: 0.001 };

export interface TraceSettings {
  /** The square the bitmap is fitted into before tracing (the SVG's viewBox). */
  readonly traceSize: number;
  readonly colourMode: VectorColourMode;
}

export interface TraceResult {
  /** The tracer's SVG (viewBox = 0 0 traceSize traceSize), not yet sanitised or optimised. */
  readonly svg: string;
  /** Colours drawn (background excluded when it was removed). */
  readonly colours: number;
  readonly paths: number;
  /** The removed background colour as `rgb(r,g,b)`, or null when it was kept. */
  readonly removedBackground: string | null;
  /** Colours in the quantised bitmap after merging; 1 means a blank image. */
  readonly paletteSize: number;
  /** Fringe colours dropped under `MIN_COLOUR_COVERAGE`. */
  readonly mergedColours: number;
}

function colourKey(data: Uint8Array, offset: number): number {
  // RGBA packed into one unsigned 32-bit number.
  return (((data[offset] ?? 0) << 24) | ((data[offset + 1] ?? 0) << 16) | ((data[offset + 2] ?? 0) << 8) | (data[offset + 3] ?? 0)) >>> 0;
}

function keyToColour(key: number): TracerColour {
  return { r: (key >>> 24) & 0xff, g: (key >>> 16) & 0xff, b: (key >>> 8) & 0xff, a: key & 0xff };
}

/** Fits the image into a white square and reduces it to at most `colours` colours, as raw RGBA. */
async function quantise(bytes: Uint8Array, traceSize: number, colours: number) {
  const indexed = await sharp(bytes)
    .flatten({ background: '#ffffff' })
    .resize(traceSize, traceSize, { fit: 'contain', background: '#ffffff', kernel: 'lanczos3' })
    .png({ palette: true, colours, dither: 0, effort: 10 })
    .toBuffer();
  return sharp(indexed).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
}

function tracerOptions(settings: TraceSettings, palette: TracerColour[]): TracerOptions {
  return {
    pal: palette,
    numberofcolors: palette.length,
    colorquantcycles: 1,
    // Drop specks shorter than ~1/64 of the side; keep straight lines and right angles crisp.
    pathomit: Math.max(8, Math.round(settings.traceSize / 64)),
    ltres: 1,
    qtres: 1,
    rightangleenhance: true,
    blurradius: 0,
    // Adjacent colour layers get a 1px stroke of their own colour so no hairline gaps show
    // between them; a mono icon has no neighbouring layer, so no stroke.
    strokewidth: settings.colourMode === 'mono' ? 0 : 1,
    linefilter: false,
    scale: 1,
    roundcoords: 1,
    viewbox: true,
    desc: false,
    layering: 0,
  };
}

export async function traceBitmap(bytes: Uint8Array, settings: TraceSettings): Promise<TraceResult> {
  const { data, info } = await quantise(bytes, settings.traceSize, TRACE_COLOURS[settings.colourMode]);
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

  const counts = new Map<number, number>();
  for (let offset = 0; offset < pixels.length; offset += 4) {
    const key = colourKey(pixels, offset);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Most frequent first (a stable order); the most frequent colour is always kept.
  const total = pixels.length / 4;
  const minimum = total * MIN_COLOUR_COVERAGE[settings.colourMode];
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const keys = ranked.filter(([, count], index) => index === 0 || count >= minimum).map(([key]) => key);
  const palette = keys.map(keyToColour);

  const { width, height } = info;
  const corners = [0, width - 1, (height - 1) * width, height * width - 1].map((pixel) => colourKey(pixels, pixel * 4));
  const background = corners.every((key) => key === corners[0]) ? keys.indexOf(corners[0] ?? -1) : -1;
  const removeBackground = settings.colourMode !== 'full' && background >= 0 && palette.length > 1;

  const options = tracerOptions(settings, palette);
  const traced = ImageTracer.imagedataToTracedata({ width, height, data: pixels }, { ...options });
  if (removeBackground) traced.layers[background] = [];
  const svg = ImageTracer.getsvgstring(traced, { ...options });

  const paths = traced.layers.reduce((sum, layer) => sum + layer.filter((path) => !path.isholepath).length, 0);
  const drawnColours = traced.layers.filter((layer) => layer.some((path) => !path.isholepath)).length;
  const removed = removeBackground ? palette[background] : undefined;
  return {
    svg,
    colours: drawnColours,
    paths,
    removedBackground: removed === undefined ? null : `rgb(${removed.r},${removed.g},${removed.b})`,
    paletteSize: palette.length,
    mergedColours: ranked.length - keys.length,
  };
}
