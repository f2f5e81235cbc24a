import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatA1111Parameters } from './asset-metadata';
import { AssetMetadataError, type AssetMetadataErrorReason } from './errors';
import { crc32 } from './crc32';
import { parsePngChunks, serializePngChunks, type PngChunk } from './png-chunks';
import { embedPngMetadata, makeITxtChunk, makeTExtChunk, readPngMetadata, readPngTextChunks, setPngTextChunks } from './png-metadata';
import { fullMetadata, HOSTILE_TEXT, patternPng, rawPixels } from './testing';

let png: Buffer;
beforeAll(async () => {
  png = await patternPng(48, 32);
});

function idatBytes(bytes: Uint8Array): Buffer {
  return Buffer.concat(parsePngChunks(bytes).filter((c) => c.type === 'IDAT').map((c) => c.data));
}

function textChunks(bytes: Uint8Array): Array<{ type: string; keyword: string }> {
  return parsePngChunks(bytes)
    .filter((c) => ['tEXt', 'zTXt', 'iTXt'].includes(c.type))
    .map((c) => ({ type: c.type, keyword: Buffer.from(c.data.subarray(0, c.data.indexOf(0))).toString('latin1') }));
}

/** The typed reason, 'untyped' for any other exception, 'ok' when it did not throw. */
function outcome(fn: () => unknown): AssetMetadataErrorReason | 'untyped' | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AssetMetadataError ? error.reason : 'untyped';
  }
}

describe('embedPngMetadata / readPngMetadata', () => {
  it('round-trips the metadata and the A1111 parameters, hostile text included', () => {
    const metadata = fullMetadata({ prompt: HOSTILE_TEXT, extra: { palette: 16 } });
    const out = embedPngMetadata(png, metadata);
    const read = readPngMetadata(out);
    expect(read.metadata).toEqual(metadata);
    expect(read.parameters).toBe(formatA1111Parameters(metadata).replaceAll('\u0000', ''));
    expect({ width: read.width, height: read.height }).toEqual({ width: 48, height: 32 });
  });

  it('does not re-encode: the image data is byte-identical and decodes to the same pixels', async () => {
    const out = embedPngMetadata(png, fullMetadata());
    expect(idatBytes(out).equals(idatBytes(png))).toBe(true);
    const [before, after] = await Promise.all([rawPixels(png), rawPixels(out)]);
    expect(after.width).toBe(48);
    expect(after.data.equals(before.data)).toBe(true);
  });

  it('puts the chunks before the image data, where header readers (libvips/sharp) see them', async () => {
    const out = embedPngMetadata(png, fullMetadata({ prompt: 'a café ✨' }));
    const types = parsePngChunks(out).map((c) => c.type);
    expect(types.indexOf('iTXt')).toBeLessThan(types.indexOf('IDAT'));
    const { comments } = await sharp(out).metadata();
    const byKeyword = new Map(comments?.map((c) => [c.keyword, c.text]));
    expect(JSON.parse(byKeyword.get('wokgen') ?? 'null')).toMatchObject({ prompt: 'a café ✨', seed: 123 });
    expect(byKeyword.get('parameters')).toContain('Seed: 123');
  });

  it('writes parameters as tEXt when Latin-1 fits (as A1111/Pillow do) and as iTXt otherwise', () => {
    expect(textChunks(embedPngMetadata(png, fullMetadata({ prompt: 'a café' })))).toEqual([
      { type: 'iTXt', keyword: 'wokgen' },
      { type: 'tEXt', keyword: 'parameters' },
    ]);
    const unicode = embedPngMetadata(png, fullMetadata({ prompt: '猫 ✨' }));
    expect(textChunks(unicode)).toEqual([
      { type: 'iTXt', keyword: 'wokgen' },
      { type: 'iTXt', keyword: 'parameters' },
    ]);
    expect(readPngMetadata(unicode).parameters?.startsWith('猫 ✨\n')).toBe(true);
  });

  it('replaces existing chunks with the same keywords (wherever they are) and keeps every other chunk', () => {
    // Another tool's file: its own parameters after IDAT, and a Software chunk we must keep.
    const chunks = parsePngChunks(png);
    const iend = chunks.pop()!;
    const foreign = serializePngChunks([...chunks, makeTExtChunk('parameters', 'old prompt\nSteps: 5'), makeTExtChunk('Software', 'Other tool'), iend]);
    const once = embedPngMetadata(foreign, fullMetadata({ prompt: 'first' }));
    const twice = embedPngMetadata(once, fullMetadata({ prompt: 'second' }));
    expect(textChunks(twice)).toEqual([
      { type: 'iTXt', keyword: 'wokgen' },
      { type: 'tEXt', keyword: 'parameters' },
      { type: 'tEXt', keyword: 'Software' },
    ]);
    expect(readPngMetadata(twice).metadata?.prompt).toBe('second');
    expect(readPngMetadata(twice).parameters?.startsWith('second\n')).toBe(true);
    expect(readPngTextChunks(twice, ['Software']).get('Software')).toBe('Other tool');
    expect(idatBytes(twice).equals(idatBytes(png))).toBe(true);
  });

  it('reads text other tools wrote compressed (zTXt, compressed iTXt)', () => {
    const json = JSON.stringify(fullMetadata({ prompt: 'compressed ✨' }));
    const compressedITxt: PngChunk = {
      type: 'iTXt',
      data: Buffer.concat([Buffer.from('wokgen\0', 'latin1'), Uint8Array.of(1, 0), Buffer.from('en\0wokgen\0', 'latin1'), deflateSync(Buffer.from(json, 'utf8'))]),
    };
    const zTxt: PngChunk = { type: 'zTXt', data: Buffer.concat([Buffer.from('parameters\0', 'latin1'), Uint8Array.of(0), deflateSync(Buffer.from('caf\u00e9', 'latin1'))]) };
    const out = setPngTextChunks(png, [
      { keyword: 'wokgen', chunk: compressedITxt },
      { keyword: 'parameters', chunk: zTxt },
    ]);
    const read = readPngMetadata(out);
    expect(read.metadata?.prompt).toBe('compressed ✨');
    expect(read.parameters).toBe('café');
  });

  it('returns null metadata for a PNG without ours, and a typed error for a bad one of ours', () => {
    expect(readPngMetadata(png)).toMatchObject({ metadata: null, parameters: null, width: 48 });
    const bad = setPngTextChunks(png, [{ keyword: 'wokgen', chunk: makeITxtChunk('wokgen', '{"format": 1, "app": "wokgen-studio"') }]);
    expect(outcome(() => readPngMetadata(bad))).toBe('invalid_metadata');
    const future = setPngTextChunks(png, [{ keyword: 'wokgen', chunk: makeITxtChunk('wokgen', JSON.stringify({ ...fullMetadata(), format: 2 })) }]);
    expect(outcome(() => readPngMetadata(future))).toBe('invalid_metadata');
    const badUtf8: PngChunk = { type: 'iTXt', data: Buffer.concat([Buffer.from('wokgen\0\0\0\0\0', 'latin1'), Uint8Array.of(0xff, 0xfe)]) };
    expect(outcome(() => readPngMetadata(setPngTextChunks(png, [{ keyword: 'wokgen', chunk: badUtf8 }])))).toBe('malformed');
  });

  it('refuses a decompression bomb in a text chunk with a typed error', () => {
    const bomb: PngChunk = { type: 'zTXt', data: Buffer.concat([Buffer.from('parameters\0', 'latin1'), Uint8Array.of(0), deflateSync(Buffer.alloc(16 * 1024 * 1024))]) };
    expect(outcome(() => readPngMetadata(setPngTextChunks(png, [{ keyword: 'parameters', chunk: bomb }])))).toBe('malformed');
  });
});

describe('damaged PNGs', () => {
  it('every truncation is a typed error (not_png or truncated), never a crash', () => {
    const full = embedPngMetadata(png, fullMetadata());
    const reasons = new Set<string>();
    for (let length = 0; length < full.length; length += 1) {
      const cut = full.subarray(0, length);
      reasons.add(outcome(() => readPngMetadata(cut)));
      reasons.add(outcome(() => embedPngMetadata(cut, fullMetadata())));
    }
    expect([...reasons].sort()).toEqual(['not_png', 'truncated']);
  });

  it('a flipped byte in the image data or in our chunk is a CRC error', () => {
    const full = embedPngMetadata(png, fullMetadata());
    const chunks = parsePngChunks(full);
    for (const type of ['IDAT', 'iTXt']) {
      const damaged = Buffer.from(full);
      const chunk = chunks.find((c) => c.type === type)!;
      damaged[chunk.data.byteOffset - full.byteOffset + 3]! ^= 0x40;
      expect(outcome(() => readPngMetadata(damaged))).toBe('bad_crc');
      expect(outcome(() => embedPngMetadata(damaged, fullMetadata()))).toBe('bad_crc');
    }
  });

  it('impossible or overlong chunk lengths, bad chunk types and a missing IHDR are typed errors', () => {
    const withLength = (length: number) => {
      const copy = Buffer.from(png);
      copy.writeUInt32BE(length, 8); // IHDR's length field
      return copy;
    };
    expect(outcome(() => readPngMetadata(withLength(0xffffffff)))).toBe('malformed');
    expect(outcome(() => readPngMetadata(withLength(0x7ffffff0)))).toBe('truncated');
    const badType = Buffer.from(png);
    badType.write('I1DR', 12, 'latin1');
    expect(outcome(() => readPngMetadata(badType))).toBe('malformed');
    // A valid chunk stream that does not start with IHDR.
    const [, ...rest] = parsePngChunks(png);
    expect(outcome(() => readPngMetadata(serializePngChunks(rest)))).toBe('malformed');
    expect(outcome(() => embedPngMetadata(Buffer.from('GIF89a not a png at all'), fullMetadata()))).toBe('not_png');
  });

  it('random corruption never escapes as an untyped error', () => {
    const full = embedPngMetadata(png, fullMetadata());
    let state = 12345; // deterministic LCG, so a failure reproduces
    const next = () => (state = (state * 1103515245 + 12345) >>> 0);
    for (let round = 0; round < 400; round += 1) {
      const damaged = Buffer.from(full);
      for (let flips = 1 + (next() % 4); flips > 0; flips -= 1) damaged[next() % damaged.length] = next() & 0xff;
      // Fix the CRCs half of the time, so the damage reaches the chunk decoders too.
      const candidate = round % 2 === 0 ? damaged : recrc(damaged);
      expect(outcome(() => readPngMetadata(candidate))).not.toBe('untyped');
    }
  });
});

/** Recomputes every chunk CRC it can walk to, so structural damage is what remains. */
function recrc(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  let offset = 8;
  while (offset + 12 <= out.length) {
    const length = out.readUInt32BE(offset);
    if (offset + 12 + length > out.length) break;
    out.writeUInt32BE(crc32(out.subarray(offset + 4, offset + 8 + length)), offset + 8 + length);
    offset += 12 + length;
  }
  return out;
}
