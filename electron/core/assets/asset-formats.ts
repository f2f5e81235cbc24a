/**
 * The file formats assets are written in: extension ↔ MIME type, the library's asset kind,
 * and how (whether) the format carries our metadata. One table, so the writer, the
 * thumbnailer and the rebuild agree on what a `.svg` is.
 */
import type { AssetKind } from '../../../shared/library';
import type { CodeCommentStyle } from './code-metadata';

/** How metadata is embedded: PNG text chunks, SVG `<metadata>`, a code header, or not at all. */
export type MetadataCarrier = { readonly type: 'png' } | { readonly type: 'svg' } | { readonly type: 'code'; readonly style: CodeCommentStyle } | { readonly type: 'none' };

export interface AssetFormat {
  readonly extension: string;
  readonly mime: string;
  readonly kind: AssetKind;
  readonly carrier: MetadataCarrier;
  /** sharp can rasterise it (so it gets a thumbnail). */
  readonly raster: boolean;
}

const FORMATS: ReadonlyArray<AssetFormat> = [
  { extension: 'png', mime: 'image/png', kind: 'image', carrier: { type: 'png' }, raster: true },
  { extension: 'svg', mime: 'image/svg+xml', kind: 'svg', carrier: { type: 'svg' }, raster: true },
  { extension: 'tsx', mime: 'text/tsx', kind: 'code', carrier: { type: 'code', style: 'block' }, raster: false },
  { extension: 'css', mime: 'text/css', kind: 'code', carrier: { type: 'code', style: 'block' }, raster: false },
  { extension: 'html', mime: 'text/html', kind: 'code', carrier: { type: 'code', style: 'html' }, raster: false },
  // Provider originals may arrive in these; they are kept as they came, without our metadata
  // (only the processed file, always one of the formats above, is read back by the rebuild).
  { extension: 'jpg', mime: 'image/jpeg', kind: 'image', carrier: { type: 'none' }, raster: true },
  { extension: 'webp', mime: 'image/webp', kind: 'image', carrier: { type: 'none' }, raster: true },
  { extension: 'gif', mime: 'image/gif', kind: 'animation', carrier: { type: 'none' }, raster: true },
];

const BY_EXTENSION = new Map(FORMATS.map((f) => [f.extension, f]));
const BY_MIME = new Map(FORMATS.map((f) => [f.mime, f]));
BY_EXTENSION.set('jpeg', BY_MIME.get('image/jpeg') as AssetFormat);

/** The format of a (lower-case, dot-less) extension, or undefined when we do not write it. */
export function formatForExtension(extension: string): AssetFormat | undefined {
  return BY_EXTENSION.get(extension.toLowerCase());
}

export function formatForMime(mime: string): AssetFormat | undefined {
  return BY_MIME.get(mime.toLowerCase());
}

/** Extensions whose files can carry our metadata: what the rebuild reads. */
export const METADATA_EXTENSIONS: ReadonlySet<string> = new Set(FORMATS.filter((f) => f.carrier.type !== 'none').map((f) => f.extension));
