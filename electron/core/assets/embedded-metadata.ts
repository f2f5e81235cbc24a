/**
 * Embeds / reads our metadata in whichever way the file's format carries it (PNG text
 * chunks, SVG `<metadata>`, code header). The writer and the rebuild call only this.
 */
import type { AssetMetadata } from './asset-metadata';
import type { AssetFormat } from './asset-formats';
import { embedCodeMetadata, readCodeMetadata } from './code-metadata';
import { AssetMetadataError } from './errors';
import { embedPngMetadata, readPngMetadata } from './png-metadata';
import { embedSvgMetadata, readSvgMetadata } from './svg-metadata';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text formats are UTF-8; anything else is refused rather than silently mangled. */
function decodeText(bytes: Uint8Array, format: AssetFormat): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AssetMetadataError(format.carrier.type === 'svg' ? 'not_svg' : 'malformed', `The .${format.extension} file is not valid UTF-8 text.`);
  }
}

/** The file's bytes with `metadata` embedded; a typed error if the format cannot carry it. */
export function embedMetadata(bytes: Uint8Array, format: AssetFormat, metadata: AssetMetadata): Buffer {
  const carrier = format.carrier;
  switch (carrier.type) {
    case 'png':
      return embedPngMetadata(bytes, metadata);
    case 'svg':
      return Buffer.from(embedSvgMetadata(decodeText(bytes, format), metadata), 'utf8');
    case 'code':
      return Buffer.from(embedCodeMetadata(decodeText(bytes, format), carrier.style, metadata), 'utf8');
    case 'none':
      throw new AssetMetadataError('unsupported_format', `.${format.extension} files cannot carry WokGen metadata.`);
  }
}

export interface EmbeddedMetadata {
  /** Null when the file has none of ours. */
  readonly metadata: AssetMetadata | null;
  /** Pixel size read from the file itself where the format states it cheaply (PNG's IHDR). */
  readonly width: number | null;
  readonly height: number | null;
}

export function readEmbeddedMetadata(bytes: Uint8Array, format: AssetFormat): EmbeddedMetadata {
  const carrier = format.carrier;
  switch (carrier.type) {
    case 'png': {
      const { metadata, width, height } = readPngMetadata(bytes);
      return { metadata, width, height };
    }
    case 'svg':
      return { metadata: readSvgMetadata(decodeText(bytes, format)), width: null, height: null };
    case 'code':
      return { metadata: readCodeMetadata(decodeText(bytes, format), carrier.style), width: null, height: null };
    case 'none':
      return { metadata: null, width: null, height: null };
  }
}
