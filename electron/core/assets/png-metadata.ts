/**
 * Our metadata in PNG text chunks, added to the file as it is — the image data (IDAT) is
 * copied byte for byte, never decoded or re-encoded.
 *
 * Two chunks, any earlier chunk with the same keyword removed first:
 * - `iTXt` keyword `wokgen`: our JSON, UTF-8, uncompressed
 *   (layout: https://www.w3.org/TR/png-3/#11iTXt);
 * - keyword `parameters`: the A1111 text. As A1111 does through Pillow's `add_text`, it is
 *   a `tEXt` chunk (https://www.w3.org/TR/png-3/#11tEXt) when the text fits Latin-1, and
 *   an `iTXt` otherwise (any prompt with non-Latin characters).
 *
 * Where: just before the first IDAT. The spec allows text chunks anywhere between IHDR and
 * IEND (PNG-3 §5.6, chunk ordering), but header-only readers stop at the image data:
 * measured here, libvips (sharp's `metadata().comments`) reports text chunks placed before
 * IDAT and none placed before IEND; Pillow's `Image.open().info`, which A1111's PNG Info
 * tab reads, behaves the same until the image is loaded. So "before IDAT" is what other
 * tools actually see. Reading accepts all three text chunk types anywhere (tEXt, zTXt,
 * iTXt, compressed or not), since other tools may have rewritten the file.
 */
import { inflateSync } from 'node:zlib';
import { formatA1111Parameters, parseAssetMetadata, serializeAssetMetadata, type AssetMetadata } from './asset-metadata';
import { AssetMetadataError } from './errors';
import { parsePngChunks, pngSizeOf, serializePngChunks, type PngChunk } from './png-chunks';

export const PNG_METADATA_KEYWORD = 'wokgen';
export const PNG_PARAMETERS_KEYWORD = 'parameters';

/** Decompressed text larger than this is refused (a zTXt/iTXt "zip bomb" must not fill memory). */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

const TEXT_CHUNK_TYPES = new Set(['tEXt', 'zTXt', 'iTXt']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The keyword of a text chunk (Latin-1, 1–79 bytes, NUL-terminated), or null if malformed. */
function keywordOf(chunk: PngChunk): { keyword: string; rest: number } | null {
  const end = chunk.data.indexOf(0);
  if (end < 1 || end > 79) return null;
  return { keyword: Buffer.from(chunk.data.subarray(0, end)).toString('latin1'), rest: end + 1 };
}

function inflate(data: Uint8Array): Buffer {
  try {
    return inflateSync(data, { maxOutputLength: MAX_TEXT_BYTES });
  } catch {
    throw new AssetMetadataError('malformed', 'A compressed PNG text chunk cannot be decompressed (or is too large).');
  }
}

/** Decodes the text of a tEXt / zTXt / iTXt chunk whose keyword ends at `rest`. */
function textOf(chunk: PngChunk, rest: number): string {
  const data = chunk.data;
  if (chunk.type === 'tEXt') return Buffer.from(data.subarray(rest)).toString('latin1');
  if (chunk.type === 'zTXt') {
    if (data[rest] !== 0) throw new AssetMetadataError('malformed', 'A zTXt chunk uses an unknown compression method.');
    return inflate(data.subarray(rest + 1)).toString('latin1');
  }
  // iTXt: compression flag, compression method, language tag\0, translated keyword\0, text.
  const flag = data[rest];
  const method = data[rest + 1];
  if (flag === undefined || method === undefined || (flag !== 0 && flag !== 1) || method !== 0) {
    throw new AssetMetadataError('malformed', 'An iTXt chunk has an invalid compression flag or method.');
  }
  const languageEnd = data.indexOf(0, rest + 2);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) throw new AssetMetadataError('malformed', 'An iTXt chunk is missing its language or translated-keyword field.');
  const raw = data.subarray(translatedEnd + 1);
  try {
    return utf8.decode(flag === 1 ? inflate(raw) : raw);
  } catch (error) {
    if (error instanceof AssetMetadataError) throw error;
    throw new AssetMetadataError('malformed', 'An iTXt chunk is not valid UTF-8.');
  }
}

/**
 * The texts of the wanted keywords (the last chunk wins when a keyword repeats: tools
 * that append metadata append it later). Other text chunks are not decoded at all, so a
 * broken chunk of some other tool does not stop us reading ours.
 */
export function readPngTextChunks(png: Uint8Array, keywords: ReadonlyArray<string>): Map<string, string> {
  return textsOf(parsePngChunks(png), keywords);
}

function textsOf(chunks: ReadonlyArray<PngChunk>, keywords: ReadonlyArray<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const chunk of chunks) {
    if (!TEXT_CHUNK_TYPES.has(chunk.type)) continue;
    const head = keywordOf(chunk);
    if (head && keywords.includes(head.keyword)) found.set(head.keyword, textOf(chunk, head.rest));
  }
  return found;
}

function latin1Bytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** An uncompressed iTXt chunk with empty language tag and translated keyword. */
export function makeITxtChunk(keyword: string, text: string): PngChunk {
  const data = Buffer.concat([latin1Bytes(keyword), Uint8Array.of(0, 0, 0, 0, 0), Buffer.from(text, 'utf8')]);
  return { type: 'iTXt', data };
}

export function makeTExtChunk(keyword: string, text: string): PngChunk {
  return { type: 'tEXt', data: Buffer.concat([latin1Bytes(keyword), Uint8Array.of(0), latin1Bytes(text)]) };
}

/** tEXt when every character is Latin-1 (Pillow's rule, which A1111 inherits), iTXt otherwise. */
function textChunk(keyword: string, text: string): PngChunk {
  // NUL separates fields in every text chunk, so it can never be part of the text.
  const clean = text.replaceAll('\u0000', '');
  // eslint-disable-next-line no-control-regex -- Latin-1 is exactly U+0000..U+00FF
  return /^[\u0000-\u00ff]*$/.test(clean) ? makeTExtChunk(keyword, clean) : makeITxtChunk(keyword, clean);
}

/**
 * Replaces (or adds) text chunks with the given keywords, placed just before the first
 * IDAT; every other chunk is kept in order, byte for byte.
 */
export function setPngTextChunks(png: Uint8Array, entries: ReadonlyArray<{ readonly keyword: string; readonly chunk: PngChunk }>): Buffer {
  const keywords = new Set(entries.map((e) => e.keyword));
  const chunks = parsePngChunks(png).filter((chunk) => {
    if (!TEXT_CHUNK_TYPES.has(chunk.type)) return true;
    const head = keywordOf(chunk);
    return !head || !keywords.has(head.keyword);
  });
  const firstIdat = chunks.findIndex((chunk) => chunk.type === 'IDAT');
  if (firstIdat < 0) throw new AssetMetadataError('malformed', 'The PNG has no image data (IDAT).');
  return serializePngChunks([...chunks.slice(0, firstIdat), ...entries.map((e) => e.chunk), ...chunks.slice(firstIdat)]);
}

/** The PNG with our `wokgen` JSON and the A1111 `parameters` text embedded. */
export function embedPngMetadata(png: Uint8Array, metadata: AssetMetadata): Buffer {
  return setPngTextChunks(png, [
    { keyword: PNG_METADATA_KEYWORD, chunk: makeITxtChunk(PNG_METADATA_KEYWORD, serializeAssetMetadata(metadata)) },
    { keyword: PNG_PARAMETERS_KEYWORD, chunk: textChunk(PNG_PARAMETERS_KEYWORD, formatA1111Parameters(metadata)) },
  ]);
}

export interface PngMetadata {
  /** Null when the PNG has no `wokgen` chunk; a typed error when it has a bad one. */
  readonly metadata: AssetMetadata | null;
  readonly parameters: string | null;
  readonly width: number;
  readonly height: number;
}

export function readPngMetadata(png: Uint8Array): PngMetadata {
  const chunks = parsePngChunks(png);
  const texts = textsOf(chunks, [PNG_METADATA_KEYWORD, PNG_PARAMETERS_KEYWORD]);
  const json = texts.get(PNG_METADATA_KEYWORD);
  return {
    metadata: json === undefined ? null : parseAssetMetadata(json),
    parameters: texts.get(PNG_PARAMETERS_KEYWORD) ?? null,
    ...pngSizeOf(chunks),
  };
}
