/**
 * PNG chunk layer: split a PNG into its chunks and join them back, byte for byte, without
 * decoding the image (https://www.w3.org/TR/png-3/#5DataRep).
 *
 * A PNG is the 8-byte signature followed by chunks of `length (4, big-endian) | type (4) |
 * data (length) | CRC (4, over type and data)`, IHDR first and IEND last. The parser never
 * trusts a length: each step checks the chunk fits in what is left, and every iteration
 * consumes at least 12 bytes, so a truncated or hostile file ends in a typed error, never
 * in an exception from a buffer read or an endless loop.
 */
import { crc32 } from './crc32';
import { AssetMetadataError } from './errors';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** PNG-3 §5.3: lengths are limited to 2^31 − 1. */
const MAX_CHUNK_LENGTH = 0x7fffffff;

export interface PngChunk {
  /** Four ASCII letters, e.g. `IHDR`, `iTXt`. */
  readonly type: string;
  /** A view into the source buffer (not a copy). */
  readonly data: Uint8Array;
}

export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

function chunkType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

/** §5.4: each byte of a chunk type is an ASCII letter. */
function isValidChunkType(type: string): boolean {
  return /^[A-Za-z]{4}$/.test(type);
}

/**
 * All chunks from the signature to IEND (inclusive). Bytes after IEND are not part of the
 * image and are ignored. Every chunk's CRC is checked: a mismatch means the file was
 * damaged, and we do not write metadata into (or trust metadata from) a damaged file.
 */
export function parsePngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new AssetMetadataError('not_png', 'The file is not a PNG (bad signature).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (bytes.length - offset < 12) {
      throw new AssetMetadataError('truncated', 'The PNG ends before its IEND chunk (the file is truncated).');
    }
    const length = view.getUint32(offset);
    const type = chunkType(bytes, offset + 4);
    if (length > MAX_CHUNK_LENGTH) throw new AssetMetadataError('malformed', `PNG chunk ${JSON.stringify(type)} declares an impossible length.`);
    if (!isValidChunkType(type)) throw new AssetMetadataError('malformed', 'The PNG has a chunk with an invalid type.');
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) {
      throw new AssetMetadataError('truncated', `The PNG ends inside its ${type} chunk (the file is truncated).`);
    }
    const stored = view.getUint32(dataEnd);
    if (crc32(bytes.subarray(offset + 4, dataEnd)) !== stored) {
      throw new AssetMetadataError('bad_crc', `The PNG's ${type} chunk is damaged (CRC mismatch).`);
    }
    if (chunks.length === 0 && type !== 'IHDR') throw new AssetMetadataError('malformed', 'The PNG does not start with IHDR.');
    chunks.push({ type, data: bytes.subarray(dataStart, dataEnd) });
    offset = dataEnd + 4;
    if (type === 'IEND') return chunks;
  }
}

/** Signature + chunks, each with a freshly computed length and CRC. */
export function serializePngChunks(chunks: ReadonlyArray<PngChunk>): Buffer {
  const total = PNG_SIGNATURE.length + chunks.reduce((sum, c) => sum + 12 + c.data.length, 0);
  const out = Buffer.allocUnsafe(total);
  out.set(PNG_SIGNATURE, 0);
  let offset = PNG_SIGNATURE.length;
  for (const chunk of chunks) {
    if (!isValidChunkType(chunk.type)) throw new AssetMetadataError('malformed', `Invalid PNG chunk type ${JSON.stringify(chunk.type)}.`);
    out.writeUInt32BE(chunk.data.length, offset);
    out.write(chunk.type, offset + 4, 'latin1');
    out.set(chunk.data, offset + 8);
    const crc = crc32(out.subarray(offset + 4, offset + 8 + chunk.data.length));
    out.writeUInt32BE(crc, offset + 8 + chunk.data.length);
    offset += 12 + chunk.data.length;
  }
  return out;
}

/** Width and height from IHDR (§11.2.1), or a typed error. */
export function pngSizeOf(chunks: ReadonlyArray<PngChunk>): { width: number; height: number } {
  const ihdr = chunks[0];
  if (!ihdr || ihdr.type !== 'IHDR' || ihdr.data.length !== 13) throw new AssetMetadataError('malformed', 'The PNG has no valid IHDR chunk.');
  const view = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}
