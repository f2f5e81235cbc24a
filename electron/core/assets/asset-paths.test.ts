import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { maskPath, monthFolder, originalAssetPath, processedAssetPath, thumbnailPath } from './asset-paths';

const JOB = '01956a3b-7c00-7abc-8def-0123456789ab';
const name = { jobId: JOB, slot: 2, extension: 'png', createdAt: Date.UTC(2025, 0, 31, 23, 30) };

describe('asset paths', () => {
  it('are generated from ids, relative, /-separated, in UTC month folders', () => {
    expect(processedAssetPath(name)).toBe(`assets/2025-01/${JOB}-2.png`);
    expect(originalAssetPath({ ...name, extension: 'jpg' })).toBe(`assets/2025-01/${JOB}-2.original.jpg`);
    expect(thumbnailPath(JOB)).toBe(`.wokgen/thumbnails/${JOB}.webp`);
    expect(maskPath(JOB)).toBe(`.wokgen/masks/${JOB}.png`);
    // 23:30 UTC on 31 January is February in UTC+1; the folder must not depend on the machine.
    expect(monthFolder(Date.UTC(2025, 11, 31, 23, 59))).toBe('assets/2025-12');
  });

  it('refuse anything that could smuggle a path or an odd name into the file name', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'ok';
      } catch (error) {
        return error instanceof AppFailure ? `${error.code}:${error.field}` : 'untyped';
      }
    };
    expect(code(() => processedAssetPath({ ...name, jobId: '../escape' }))).toBe('invalid_input:jobId');
    expect(code(() => processedAssetPath({ ...name, jobId: 'a/b' }))).toBe('invalid_input:jobId');
    expect(code(() => processedAssetPath({ ...name, jobId: '' }))).toBe('invalid_input:jobId');
    expect(code(() => processedAssetPath({ ...name, slot: -1 }))).toBe('invalid_input:slot');
    expect(code(() => processedAssetPath({ ...name, slot: 1.5 }))).toBe('invalid_input:slot');
    expect(code(() => processedAssetPath({ ...name, extension: 'exe' }))).toBe('invalid_input:extension');
    expect(code(() => processedAssetPath({ ...name, extension: 'png/../x' }))).toBe('invalid_input:extension');
    expect(code(() => processedAssetPath({ ...name, extension: 'PNG' }))).toBe('invalid_input:extension');
    expect(code(() => processedAssetPath({ ...name, createdAt: Number.NaN }))).toBe('invalid_input:createdAt');
    expect(code(() => thumbnailPath('..'))).toBe('invalid_input:assetId');
    expect(code(() => maskPath('../workspace'))).toBe('invalid_input:jobId');
    expect(code(() => maskPath('a\\b'))).toBe('invalid_input:jobId');
  });
});
