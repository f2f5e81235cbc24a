import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { writeAssetFiles, type WriteAssetFilesInput } from './asset-writer';
import { readCodeMetadata } from './code-metadata';
import { readPngMetadata } from './png-metadata';
import { readSvgMetadata } from './svg-metadata';
import { metadataInput, patternPng, rawPixels, TempFolders } from './testing';

const temp = new TempFolders();
afterEach(() => temp.cleanup());

let processedPng: Buffer;
let originalPng: Buffer;
beforeAll(async () => {
  processedPng = await patternPng(64, 64);
  originalPng = await patternPng(512, 512, 3);
});

/** Every file under `folder` (manifest excluded), as sorted /-separated relative paths. */
function filesIn(folder: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(relative(folder, full).split(sep).join('/'));
    }
  };
  visit(folder);
  return out.filter((p) => p !== 'workspace.json').sort();
}

function pngInput(folder: string, overrides: Partial<WriteAssetFilesInput> = {}): WriteAssetFilesInput {
  return {
    workspaceFolder: folder,
    metadata: metadataInput(),
    processed: { bytes: processedPng, mime: 'image/png', extension: 'png', width: 64, height: 64 },
    original: { bytes: originalPng, mime: 'image/png' },
    ...overrides,
  };
}

describe('writeAssetFiles', () => {
  it('writes processed, original and thumbnail, each where the path rules say, with metadata inside', async () => {
    const { folder } = temp.workspace();
    const input = pngInput(folder);
    const written = await writeAssetFiles(input);
    const { jobId, assetId } = input.metadata;
    expect(written).toMatchObject({
      relativePath: `assets/2025-03/${jobId}-0.png`,
      originalRelativePath: `assets/2025-03/${jobId}-0.original.png`,
      thumbnailRelativePath: `.wokgen/thumbnails/${assetId}.webp`,
    });
    expect(filesIn(folder)).toEqual([written.thumbnailRelativePath, written.relativePath, written.originalRelativePath].sort());

    const processed = readFileSync(join(folder, written.relativePath));
    expect(written.bytes).toBe(processed.byteLength);
    const read = readPngMetadata(processed);
    expect(read.metadata).toEqual({ format: 1, app: 'wokgen-studio', ...input.metadata, role: 'processed', fileWidth: 64, fileHeight: 64 });
    expect(written.metadata).toEqual(read.metadata);
    expect(read.parameters).toContain('Seed: 123, Size: 1024x1024, Model: sdxl-base');
    // Embedding did not touch the pixels.
    expect((await rawPixels(processed)).data.equals((await rawPixels(processedPng)).data)).toBe(true);

    const original = readPngMetadata(readFileSync(join(folder, written.originalRelativePath!)));
    expect(original.metadata).toMatchObject({ role: 'original', assetId, jobId });
    expect(original.metadata).not.toHaveProperty('fileWidth');
    expect(original.width).toBe(512);

    const thumb = await sharp(readFileSync(join(folder, written.thumbnailRelativePath!))).metadata();
    expect({ format: thumb.format, width: thumb.width, height: thumb.height }).toEqual({ format: 'webp', width: 64, height: 64 });
  });

  it('writes SVG and code assets (code gets no thumbnail) and keeps a JPEG original unchanged', async () => {
    const { folder } = temp.workspace();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32"/></svg>');
    const jpeg = await sharp(originalPng).jpeg().toBuffer();
    const vector = await writeAssetFiles({
      ...pngInput(folder, { metadata: metadataInput({ mode: 'vector', tool: 'icon' }) }),
      processed: { bytes: svg, mime: 'image/svg+xml', extension: 'svg', width: 32, height: 32 },
      original: { bytes: jpeg, mime: 'image/jpeg' },
    });
    expect(readSvgMetadata(readFileSync(join(folder, vector.relativePath), 'utf8'))).toMatchObject({ mode: 'vector', role: 'processed' });
    expect(vector.originalRelativePath).toMatch(/\.original\.jpg$/);
    expect(readFileSync(join(folder, vector.originalRelativePath!)).equals(jpeg)).toBe(true);
    expect(vector.thumbnailRelativePath).not.toBeNull();

    const code = await writeAssetFiles({
      workspaceFolder: folder,
      metadata: metadataInput({ mode: 'uiux', tool: 'component', width: null, height: null }),
      processed: { bytes: Buffer.from('export const A = () => <div/>;\n'), mime: 'text/tsx', extension: 'tsx', width: null, height: null },
    });
    expect(code).toMatchObject({ originalRelativePath: null, thumbnailRelativePath: null });
    const text = readFileSync(join(folder, code.relativePath), 'utf8');
    expect(readCodeMetadata(text, 'block')).toMatchObject({ mode: 'uiux', fileWidth: null });
    expect(text.endsWith('export const A = () => <div/>;\n')).toBe(true);
  });

  it('never overwrites: a second write of the same asset fails and leaves the first intact', async () => {
    const { folder } = temp.workspace();
    const input = pngInput(folder);
    const first = await writeAssetFiles(input);
    const before = filesIn(folder).map((p) => [p, readFileSync(join(folder, p)).toString('base64')]);
    const other = await patternPng(64, 64, 3);
    await expect(writeAssetFiles({ ...input, processed: { ...input.processed, bytes: other } })).rejects.toMatchObject({ code: 'conflict' });
    expect(filesIn(folder).map((p) => [p, readFileSync(join(folder, p)).toString('base64')])).toEqual(before);
    expect(first.relativePath).toMatch(/^assets\/\d{4}-\d{2}\/.+-0\.png$/);
    expect(filesIn(folder)).toHaveLength(3);
  });

  it('removes what it wrote when a later write fails (nothing half-written)', async () => {
    const { folder } = temp.workspace();
    // A file where the thumbnails folder should be: processed and original are written
    // first, then the thumbnail write fails (ENOTDIR / EEXIST on mkdir).
    mkdirSync(join(folder, '.wokgen'));
    writeFileSync(join(folder, '.wokgen', 'thumbnails'), 'in the way');
    await expect(writeAssetFiles(pngInput(folder))).rejects.toMatchObject({ code: 'io_failed' });
    expect(filesIn(folder)).toEqual(['.wokgen/thumbnails']);
  });

  it('rolls back the processed file when the original name is taken, leaving that file alone', async () => {
    const { folder } = temp.workspace();
    const input = pngInput(folder);
    // Someone else's file exactly where the original goes: the second of three writes fails.
    const originalPath = join(folder, 'assets', '2025-03', `${input.metadata.jobId}-0.original.png`);
    mkdirSync(join(folder, 'assets', '2025-03'), { recursive: true });
    writeFileSync(originalPath, 'not ours');
    await expect(writeAssetFiles(input)).rejects.toMatchObject({ code: 'conflict' });
    expect(filesIn(folder)).toEqual([`assets/2025-03/${input.metadata.jobId}-0.original.png`]);
    expect(readFileSync(originalPath, 'utf8')).toBe('not ours');
  });

  it('respects an aborted signal: before starting and while the thumbnail is made', async () => {
    const { folder } = temp.workspace();
    const controller = new AbortController();
    controller.abort(new DOMException('Cancelled by the user.', 'AbortError'));
    await expect(writeAssetFiles(pngInput(folder, { signal: controller.signal }))).rejects.toMatchObject({ name: 'AbortError' });
    expect(filesIn(folder)).toEqual([]);

    const during = new AbortController();
    const pending = writeAssetFiles(pngInput(folder, { signal: during.signal }));
    during.abort(new DOMException('Cancelled by the user.', 'AbortError')); // sharp is still working
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(filesIn(folder)).toEqual([]);
  });

  it('refuses bad input before writing anything', async () => {
    const { folder } = temp.workspace();
    const cases: Array<[Partial<WriteAssetFilesInput>, string]> = [
      [{ processed: { bytes: processedPng, mime: 'image/jpeg', extension: 'png', width: 64, height: 64 } }, 'invalid_input'],
      [{ processed: { bytes: processedPng, mime: 'image/webp', extension: 'webp', width: 64, height: 64 } }, 'invalid_input'],
      [{ processed: { bytes: Buffer.from('not a png'), mime: 'image/png', extension: 'png', width: 64, height: 64 } }, 'invalid_input'],
      [{ metadata: metadataInput({ jobId: '../../outside' }) }, 'invalid_input'],
      [{ original: { bytes: originalPng, mime: 'application/x-msdownload' } }, 'invalid_input'],
    ];
    for (const [overrides, code] of cases) {
      await expect(writeAssetFiles(pngInput(folder, overrides))).rejects.toMatchObject({ code });
    }
    expect(filesIn(folder)).toEqual([]);
  });

  it('does not recreate a vanished workspace folder', async () => {
    const folder = join(temp.make(), 'gone');
    await expect(writeAssetFiles(pngInput(folder))).rejects.toBeInstanceOf(AppFailure);
    expect(existsSync(folder)).toBe(false);
  });

  it('sizes: the written processed file is the input plus only our chunks', async () => {
    const { folder } = temp.workspace();
    const written = await writeAssetFiles(pngInput(folder));
    const size = statSync(join(folder, written.relativePath)).size;
    expect(size).toBeGreaterThan(processedPng.byteLength);
    expect(size - processedPng.byteLength).toBeLessThan(2048);
  });
});
