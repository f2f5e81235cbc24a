/**
 * The vector mode's export formats: optimised SVG, PNG rasters at chosen sizes, and a zip of
 * both. Every SVG leaves through the same sanitiser the mode uses for its own output
 * (`sanitizePlugin`, first in the svgo chain, so no later plugin ever sees — or inlines —
 * unsafe content), and rasters are rendered from that sanitised text, never the raw file.
 */
import sharp from 'sharp';
import { optimize } from 'svgo';
import { AppFailure } from '../../../../shared/errors';
import { defineExporter, forEachSource, perAssetPath, type AnyExporter, type ExportContext, type ExportFile, type ExportSource } from '../../exports/exporter';
import { SvgSanitizeError, requireSvgRootPlugin, sanitizePlugin } from '../../svg/sanitize';

const RASTER_SIZES = ['16', '24', '32', '48', '64', '128', '256', '512', '1024'] as const;
/** librsvg's density ceiling in sharp. */
const MAX_DENSITY = 100_000;

/** Sanitised, then svgo's preset-default (which keeps the viewBox in svgo 4), multipass. */
export function exportSvgText(svgText: string): string {
  return optimize(svgText, {
    multipass: true,
    floatPrecision: 3,
    plugins: [requireSvgRootPlugin, sanitizePlugin, 'preset-default', 'removeScripts'],
    js2svg: { pretty: false },
  }).data;
}

async function cleanSvg(source: ExportSource): Promise<string> {
  const text = new TextDecoder().decode(await source.read());
  try {
    return exportSvgText(text);
  } catch (error) {
    const reason = error instanceof SvgSanitizeError ? error.message : 'The SVG could not be read.';
    throw new AppFailure('invalid_input', `${source.name}: ${reason}`, 'assets');
  }
}

/** A square PNG of `edge` px; the density makes librsvg draw at that size instead of upscaling. */
export async function rasterise(svgText: string, edge: number): Promise<Uint8Array> {
  const svg = Buffer.from(svgText, 'utf8');
  const { width = edge, height = edge } = await sharp(svg).metadata();
  const density = Math.min(MAX_DENSITY, Math.max(1, (72 * edge) / Math.max(width, height, 1)));
  const buffer = await sharp(svg, { density })
    .resize(edge, edge, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

const sizesOption = {
  type: 'multi',
  key: 'sizes',
  label: 'PNG sizes',
  choices: RASTER_SIZES.map((size) => ({ value: size, label: `${size} px` })),
  default: ['64', '256'],
} as const;

async function rasterFiles(sources: ReadonlyArray<ExportSource>, svg: string, source: ExportSource, sizes: ReadonlyArray<string>): Promise<ExportFile[]> {
  return Promise.all(sizes.map(async (size) => ({ path: perAssetPath(sources, source, `${source.name}-${size}.png`), bytes: await rasterise(svg, Number(size)) })));
}

/**
 * The sanitised SVGs (when `withSvg`) and their rasters at `sizes`. With rasters, several
 * assets get a folder each; SVGs alone stay flat.
 */
async function vectorFiles(sources: ReadonlyArray<ExportSource>, context: ExportContext, sizes: ReadonlyArray<string>, withSvg: boolean): Promise<ExportFile[]> {
  const cleaned = await forEachSource(sources, context, async (source) => ({ source, svg: await cleanSvg(source) }));
  const groups = await Promise.all(
    cleaned.map(async ({ source, svg }) => [
      ...(withSvg ? [{ path: sizes.length > 0 ? perAssetPath(sources, source, `${source.name}.svg`) : `${source.name}.svg`, bytes: new TextEncoder().encode(svg) }] : []),
      ...(await rasterFiles(sources, svg, source, sizes)),
    ]),
  );
  return groups.flat();
}

export const vectorSvg = defineExporter({
  id: 'svg',
  label: 'SVG (optimised)',
  description: 'Each SVG optimised with svgo and sanitised: no scripts, event handlers, foreignObject or external references.',
  extension: 'svg',
  options: [],
  export: async (sources, _options, context) => ({ files: await vectorFiles(sources, context, [], true), notes: [] }),
});

export const vectorPng = defineExporter({
  id: 'png',
  label: 'PNG rasters',
  description: 'Each SVG rendered crisply to PNG at the chosen sizes (transparent, square).',
  extension: 'png',
  options: [sizesOption],
  export: async (sources, options, context) => ({ files: await vectorFiles(sources, context, options.sizes, false), notes: [] }),
});

export const vectorZip = defineExporter({
  id: 'zip',
  label: 'Zip (SVG + PNGs)',
  description: 'The optimised SVGs with PNG rasters at the chosen sizes.',
  extension: 'zip',
  options: [sizesOption],
  export: async (sources, options, context) => ({ files: await vectorFiles(sources, context, options.sizes, true), notes: [] }),
});

export const VECTOR_EXPORTERS: ReadonlyArray<AnyExporter> = [vectorSvg, vectorPng, vectorZip];
