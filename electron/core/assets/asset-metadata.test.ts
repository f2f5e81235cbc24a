import { describe, expect, it } from 'vitest';
import { formatA1111Parameters, parseAssetMetadata, serializeAssetMetadata, validateAssetMetadata } from './asset-metadata';
import { AssetMetadataError } from './errors';
import { fullMetadata, HOSTILE_TEXT } from './testing';

describe('A1111 parameters text', () => {
  it('follows create_infotext: prompt, negative line, then Key: value pairs in A1111 order', () => {
    const text = formatA1111Parameters(fullMetadata({ width: 64, height: 64, model: 'sdxl-base', scheduler: 'karras' }));
    expect(text).toBe(
      'a knight with a red cape, pixel art\nNegative prompt: blurry, photorealistic\n' +
        'Steps: 20, Sampler: euler, Schedule type: karras, CFG scale: 7.5, Seed: 123, Size: 64x64, Model: sdxl-base',
    );
  });

  it('leaves out the negative line when there is no negative, and unknown values', () => {
    const text = formatA1111Parameters(fullMetadata({ negativePrompt: null, seed: null, sampler: undefined, model: null, width: null }));
    expect(text).toBe('a knight with a red cape, pixel art\nSteps: 20, CFG scale: 7.5');
    expect(formatA1111Parameters(fullMetadata({ negativePrompt: '' }))).not.toContain('Negative prompt');
  });

  it('quotes values containing a comma, colon or newline the way A1111 does (as JSON strings)', () => {
    const text = formatA1111Parameters(fullMetadata({ model: 'flux:dev, fp8', sampler: 'dpmpp_2m' }));
    expect(text.split('\n').at(-1)).toContain('Model: "flux:dev, fp8"');
    expect(text).toContain('Sampler: dpmpp_2m,');
  });
});

describe('metadata JSON', () => {
  it('round-trips every field, hostile text included', () => {
    const metadata = fullMetadata({ prompt: HOSTILE_TEXT, negativePrompt: HOSTILE_TEXT, extra: { notes: ['quantised to 16 colours'], palette: 16 } });
    const json = serializeAssetMetadata(metadata);
    expect(json).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(parseAssetMetadata(json)).toEqual(metadata);
  });

  it('refuses what is not format 1 of our schema with a typed error naming the field', () => {
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof AssetMetadataError ? `${error.reason}: ${error.message}` : 'untyped';
      }
      return 'no error';
    };
    expect(reason(() => parseAssetMetadata('{not json'))).toMatch(/^invalid_metadata: .*not valid JSON/);
    expect(reason(() => parseAssetMetadata(JSON.stringify({ ...fullMetadata(), format: 2 })))).toMatch(/^invalid_metadata: .*\(format\)/);
    expect(reason(() => validateAssetMetadata({ ...fullMetadata(), jobId: '../../etc' }))).toMatch(/\(jobId\)/);
    expect(reason(() => validateAssetMetadata({ ...fullMetadata(), mode: 'video' }))).toMatch(/\(mode\)/);
    expect(reason(() => validateAssetMetadata({ ...fullMetadata(), role: 'thumbnail' }))).toMatch(/\(role\)/);
    expect(reason(() => validateAssetMetadata(fullMetadata()))).toBe('no error');
  });
});
