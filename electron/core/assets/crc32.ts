/**
 * CRC-32 (ISO 3309 / ITU-T V.42, the one PNG uses: https://www.w3.org/TR/png-3/#5CRC-algorithm).
 *
 * Node ≥ 22.2 (and 20.15) ships `zlib.crc32`, native and fast; older runtimes get the
 * spec's table-driven version, which is slower but gives the same numbers.
 */
import * as zlib from 'node:zlib';

type Crc32 = (data: Uint8Array) => number;

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** The spec's sample code (PNG-3 Annex D), for runtimes without `zlib.crc32`. */
export function crc32Fallback(data: Uint8Array): number {
  const t = crcTable();
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) c = (t[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Looked up once: `zlib.crc32` is absent (undefined) before Node 22.2 / 20.15.
const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const crc32: Crc32 = typeof native === 'function' ? (data) => native(data) >>> 0 : crc32Fallback;
