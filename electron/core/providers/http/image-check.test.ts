import { describe, expect, it } from 'vitest';
import { checkImage, isComplete, sniffImageMime } from './image-check';
import { decodeBase64Image } from './image-data';
import { renderTestImage, truncatedTestImage } from './testing/test-images';

describe('checkImage', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('accepts a whole %s and reads its real size', async (format) => {
    const image = await checkImage(await renderTestImage(96, 64, format), 'Test');
    expect(image).toMatchObject({ mime: `image/${format}`, width: 96, height: 64 });
  });

  it.each(['png', 'jpeg', 'webp'] as const)('rejects a truncated %s', async (format) => {
    const bytes = await truncatedTestImage(96, 64, format);
    expect(isComplete(bytes, `image/${format}`)).toBe(false);
    await expect(checkImage(bytes, 'Test')).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/truncated/) });
  });

  it('rejects something that is not an image', async () => {
    expect(sniffImageMime(Buffer.from('<html>'))).toBeNull();
    await expect(checkImage(Buffer.from('{"error":"x"}'), 'Test')).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/not a PNG/) });
  });

  it('rejects a damaged image whose end marker is intact', async () => {
    const whole = await renderTestImage(32, 32, 'png');
    const damaged = Buffer.concat([whole.subarray(0, 8), Buffer.alloc(20, 7), whole.subarray(whole.length - 12)]);
    await expect(checkImage(damaged, 'Test')).rejects.toMatchObject({ message: expect.stringMatching(/damaged/) });
  });
});

describe('decodeBase64Image', () => {
  it('decodes bare base64 and data URLs', async () => {
    const png = await renderTestImage(8, 8);
    expect(Buffer.from(decodeBase64Image(png.toString('base64'), 1 << 20, 'T')).equals(png)).toBe(true);
    expect(Buffer.from(decodeBase64Image(`data:image/png;base64,${png.toString('base64')}`, 1 << 20, 'T')).equals(png)).toBe(true);
  });

  it('refuses over-limit data before decoding it, and garbage', () => {
    expect(() => decodeBase64Image('A'.repeat(4000), 1000, 'T')).toThrow(/larger than/);
    expect(() => decodeBase64Image('not base64!', 1000, 'T')).toThrow(/not valid base64/);
    expect(() => decodeBase64Image('', 1000, 'T')).toThrow(/not valid base64/);
  });
});
