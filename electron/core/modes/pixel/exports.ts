/**
 * The pixel mode's export formats: scaled PNGs, animated GIF, sprite strip and sheet with a
 * TexturePacker atlas, palettes, and a zip of the whole set. Everything is scaled by whole
 * numbers with nearest-neighbour, so exported pixel art stays crisp at any size.
 */
import { AppFailure } from '../../../../shared/errors';
import { defineExporter, forEachSource, perAssetPath, type AnyExporter, type ExportContext, type ExportFile, type ExportSource } from '../../exports/exporter';
import { decodeRgba, encodePng, inFrameOrder, recordedFps, scaleNearest, toCommonCell } from './export-raster';
import { encodeGif, type GifLoop } from './export-gif';
import { PALETTE_MAX, toGpl, toHex, usedPalette } from './export-palette';
import { autoColumns, buildSheet } from './export-sheet';
import type { RgbaImage } from './raster';

const SCALES = [
  { value: '1', label: '1×' },
  { value: '2', label: '2×' },
  { value: '4', label: '4×' },
  { value: '8', label: '8×' },
] as const;

const scalesOption = { type: 'multi', key: 'scales', label: 'Scales', choices: SCALES, default: ['1'] } as const;
const scaleOption = (fallback: string) => ({ type: 'choice', key: 'scale', label: 'Scale', choices: SCALES, default: fallback }) as const;
const paddingOption = { type: 'number', key: 'padding', label: 'Padding between frames', min: 0, max: 16, step: 1, default: 0, unit: 'px' } as const;
const delayOption = {
  type: 'number',
  key: 'delayMs',
  label: 'Frame delay (0 = the animation’s own timing)',
  min: 0,
  max: 5000,
  step: 10,
  default: 0,
  unit: 'ms',
} as const;
const loopOption = {
  type: 'choice',
  key: 'loop',
  label: 'Loop',
  choices: [
    { value: 'forever', label: 'Loop forever' },
    { value: 'pingpong', label: 'Ping-pong' },
    { value: 'once', label: 'Play once' },
  ],
  default: 'forever',
} as const;

/** When neither the user nor the animation says: 10 fps, the common pixel-art rate. */
const DEFAULT_DELAY_MS = 100;

interface Decoded {
  readonly source: ExportSource;
  readonly image: RgbaImage;
}

async function decodeAll(sources: ReadonlyArray<ExportSource>, context: ExportContext): Promise<Decoded[]> {
  return forEachSource(sources, context, async (source) => ({ source, image: await decodeRgba(await source.read()) }));
}

function frameDelay(delayMs: number, sources: ReadonlyArray<ExportSource>): number {
  if (delayMs > 0) return delayMs;
  const fps = recordedFps(sources);
  return fps ? Math.round(1000 / fps) : DEFAULT_DELAY_MS;
}

async function scaledPngs(decoded: ReadonlyArray<Decoded>, scales: ReadonlyArray<string>): Promise<ExportFile[]> {
  const sources = decoded.map((entry) => entry.source);
  const files: ExportFile[] = [];
  for (const { source, image } of decoded) {
    for (const scale of scales) {
      // One scale: flat `name.png`; several: `name@2x.png`, in a folder per asset when there are several.
      const path = scales.length > 1 ? perAssetPath(sources, source, `${source.name}@${scale}x.png`) : `${source.name}.png`;
      files.push({ path, bytes: await encodePng(scaleNearest(image, Number(scale))) });
    }
  }
  return files;
}

function framesOf(decoded: ReadonlyArray<Decoded>, scale: number): { frames: RgbaImage[]; notes: string[] } {
  const { frames, resized } = toCommonCell(decoded.map((entry) => entry.image));
  const notes = resized ? ['The frames had different sizes; each is centred on a cell as large as the largest.'] : [];
  return { frames: frames.map((frame) => scaleNearest(frame, scale)), notes };
}

async function sheetFiles(decoded: ReadonlyArray<Decoded>, options: { columns: number; padding: number; scale: number; delayMs: number; base: string }) {
  const { frames, notes } = framesOf(decoded, options.scale);
  const imageName = `${options.base}.png`;
  const { sheet, atlas } = buildSheet(
    frames,
    decoded.map((entry) => `${entry.source.name}.png`),
    { columns: options.columns, padding: options.padding * options.scale },
    { imageName, durationMs: frameDelay(options.delayMs, decoded.map((entry) => entry.source)), scale: options.scale },
  );
  const files: ExportFile[] = [
    { path: imageName, bytes: await encodePng(sheet) },
    { path: `${options.base}.json`, bytes: new TextEncoder().encode(`${JSON.stringify(atlas, null, 2)}\n`) },
  ];
  return { files, notes };
}

function gifFile(decoded: ReadonlyArray<Decoded>, options: { scale: number; delayMs: number; loop: GifLoop; name: string }) {
  const { frames, notes } = framesOf(decoded, options.scale);
  const delayMs = frameDelay(options.delayMs, decoded.map((entry) => entry.source));
  const gif = encodeGif(frames, { delayMs, loop: options.loop });
  if (!gif.exact) notes.push(`The frames use more than 255 colours; the GIF is quantised to ${gif.colours}.`);
  return { file: { path: options.name, bytes: gif.bytes }, notes };
}

function paletteFiles(decoded: ReadonlyArray<Decoded>, name: string, which: 'gpl' | 'hex' | 'both') {
  const palette = usedPalette(decoded.map((entry) => entry.image));
  if (palette.colours.length === 0) throw new AppFailure('invalid_input', 'The selection has no opaque pixels, so there is no palette to export.', 'assets');
  const notes =
    palette.distinct > PALETTE_MAX ? [`${palette.distinct} colours are used; the palette keeps the ${PALETTE_MAX} most used.`] : [`${palette.colours.length} colours.`];
  const files: ExportFile[] = [];
  if (which !== 'hex') files.push({ path: 'palette.gpl', bytes: new TextEncoder().encode(toGpl(palette.colours, name)) });
  if (which !== 'gpl') files.push({ path: 'palette.hex', bytes: new TextEncoder().encode(toHex(palette.colours)) });
  return { files, notes };
}

export const pixelPng = defineExporter({
  id: 'png',
  label: 'PNG',
  description: 'Each asset as PNG at 1×, 2×, 4× or 8× (nearest-neighbour, crisp pixels).',
  extension: 'png',
  options: [scalesOption],
  async export(sources, options, context) {
    return { files: await scaledPngs(await decodeAll(sources, context), options.scales), notes: [] };
  },
});

export const pixelGif = defineExporter({
  id: 'gif',
  wholeAnimations: true,
  label: 'Animated GIF',
  description: 'The selected frames (an animation in frame order) as one animated GIF.',
  extension: 'gif',
  options: [delayOption, loopOption, scaleOption('4')],
  async export(sources, options, context) {
    const decoded = await decodeAll(inFrameOrder(sources), context);
    const { file, notes } = gifFile(decoded, { scale: Number(options.scale), delayMs: options.delayMs, loop: options.loop as GifLoop, name: 'animation.gif' });
    return { files: [file], notes };
  },
});

export const pixelStrip = defineExporter({
  id: 'sprite-strip',
  wholeAnimations: true,
  label: 'Sprite strip + atlas',
  description: 'All frames in one row as PNG, with a TexturePacker JSON (hash) atlas.',
  extension: 'zip',
  options: [scaleOption('1'), paddingOption, delayOption],
  async export(sources, options, context) {
    const decoded = await decodeAll(inFrameOrder(sources), context);
    return sheetFiles(decoded, { columns: decoded.length, padding: options.padding, scale: Number(options.scale), delayMs: options.delayMs, base: 'strip' });
  },
});

export const pixelSheet = defineExporter({
  id: 'sprite-sheet',
  wholeAnimations: true,
  label: 'Sprite sheet + atlas',
  description: 'Frames in a grid as PNG, with a TexturePacker JSON (hash) atlas for game engines.',
  extension: 'zip',
  options: [
    { type: 'number', key: 'columns', label: 'Columns (0 = square)', min: 0, max: 64, step: 1, default: 0 },
    scaleOption('1'),
    paddingOption,
    delayOption,
  ],
  async export(sources, options, context) {
    const decoded = await decodeAll(inFrameOrder(sources), context);
    const columns = options.columns === 0 ? autoColumns(decoded.length) : options.columns;
    return sheetFiles(decoded, { columns, padding: options.padding, scale: Number(options.scale), delayMs: options.delayMs, base: 'sheet' });
  },
});

function paletteExporter(kind: 'gpl' | 'hex', description: string) {
  return defineExporter({
    id: `palette-${kind}`,
    label: `Palette (.${kind})`,
    description,
    extension: kind,
    options: [],
    export: async (sources, _options, context) => paletteFiles(await decodeAll(sources, context), context.workspaceName, kind),
  });
}

export const pixelPaletteGpl = paletteExporter('gpl', 'The colours used, as a GIMP/Aseprite/Krita palette.');
export const pixelPaletteHex = paletteExporter('hex', 'The colours used, one hex value a line (Lospec format).');

export const pixelZip = defineExporter({
  id: 'zip',
  label: 'Zip of the set',
  description: 'PNGs at the chosen scales, sprite sheet + atlas, animated GIF (two or more frames) and palettes.',
  extension: 'zip',
  options: [{ ...scalesOption, default: ['1', '4'] }, loopOption],
  async export(sources, options, context) {
    const ordered = inFrameOrder(sources);
    const decoded = await decodeAll(ordered, context);
    const pngs = (await scaledPngs(decoded, options.scales)).map((file) => ({ ...file, path: ordered.length > 1 ? file.path : `png/${file.path}` }));
    const sheet = await sheetFiles(decoded, { columns: autoColumns(decoded.length), padding: 0, scale: 1, delayMs: 0, base: 'sheet' });
    const palette = paletteFiles(decoded, context.workspaceName, 'both');
    const files: ExportFile[] = [...pngs, ...sheet.files, ...palette.files];
    const notes = [...sheet.notes, ...palette.notes];
    if (decoded.length > 1) {
      const gif = gifFile(decoded, { scale: Math.max(...options.scales.map(Number)), delayMs: 0, loop: options.loop as GifLoop, name: 'animation.gif' });
      files.push(gif.file);
      notes.push(...gif.notes);
    }
    return { files, notes };
  },
});

export const PIXEL_EXPORTERS: ReadonlyArray<AnyExporter> = [pixelPng, pixelGif, pixelStrip, pixelSheet, pixelPaletteGpl, pixelPaletteHex, pixelZip];
