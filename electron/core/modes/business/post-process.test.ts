import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BusinessRequestSchema, type BusinessRequest } from '../../../../shared/mode-specs/business';
import { coverCrop, postProcessBusiness } from './post-process';
import { businessEngine } from './index';

const request = (overrides: Record<string, unknown> = {}): BusinessRequest =>
  BusinessRequestSchema.parse({ mode: 'business', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', ...overrides });
const live = () => new AbortController().signal;

/**
 * A render with four vertical bands: red | green | blue | yellow, so a centred cover-crop of a
 * wider target keeps all four and a narrower one loses the outer bands.
 */
async function bands(width: number, height: number, format: 'png' | 'jpeg' = 'png'): Promise<Uint8Array> {
  const colours = [
    [230, 20, 20],
    [20, 200, 40],
    [20, 40, 220],
    [240, 220, 20],
  ] as const;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = colours[Math.min(3, Math.floor((x / width) * 4))] ?? colours[0];
      data.set(colour, (y * width + x) * 3);
    }
  }
  const image = sharp(data, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

async function pixel(png: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const o = (y * info.width + x) * info.channels;
  return [...data.subarray(o, o + 3)];
}

describe('postProcessBusiness', () => {
  it.each([
    ['og', { tool: 'social', controls: { aspect: 'og' } }, 1472, 768, 1200, 630],
    ['twitter_header', { tool: 'social', controls: { aspect: 'twitter_header' } }, 1728, 576, 1500, 500],
    ['linkedin_banner', { tool: 'social', controls: { aspect: 'linkedin_banner' } }, 2048, 512, 1584, 396],
    ['instagram_square', { tool: 'social', controls: { aspect: 'instagram_square' } }, 1024, 1024, 1080, 1080],
    ['instagram_story', { tool: 'social', controls: { aspect: 'instagram_story' } }, 768, 1344, 1080, 1920],
    ['youtube_art', { tool: 'social', controls: { aspect: 'youtube_art' } }, 1344, 768, 2560, 1440],
    ['logo at 512', { tool: 'logo', size: 512 }, 1024, 1024, 512, 512],
    ['16:9 slide at 1920', { tool: 'slide', size: 1920 }, 1344, 768, 1920, 1080],
    ['4:3 slide at 1024', { tool: 'slide', controls: { aspect: '4:3' } }, 1152, 896, 1024, 768],
    ['9:16 web hero at 2048', { tool: 'web-hero', size: 2048, controls: { aspect: '9:16' } }, 768, 1344, 1152, 2048],
  ] as const)('%s %o: %i×%i render → exactly %i×%i PNG', async (_name, overrides, renderW, renderH, width, height) => {
    const out = await postProcessBusiness(request(overrides), { bytes: await bands(renderW, renderH, 'jpeg'), mime: 'image/jpeg' }, live());
    expect([out.width, out.height]).toEqual([width, height]);
    const meta = await sharp(out.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', width, height]);
    expect(out).toMatchObject({ kind: 'image', mime: 'image/png', extension: 'png' });
    expect(out.notes[0]).toBe(`rendered ${renderW}×${renderH}`);
    expect(out.notes.at(-1)).toBe('saved as PNG');
  });

  it('delivers each brand-kit part at its own pixels by slot', async () => {
    const kit = request({ tool: 'brand-kit', batch: 4 });
    const render = { bytes: await bands(1024, 1024), mime: 'image/png' };
    const sizes = await Promise.all([0, 1, 2, 3].map(async (slot) => {
      const out = await businessEngine.postProcess(kit, render, live(), slot);
      return [out.width, out.height];
    }));
    expect(sizes).toEqual([[512, 512], [1200, 400], [500, 500], [1200, 630]]);
  });

  it('crops around the centre: a square cut of a four-band image loses the outer bands', async () => {
    const out = await postProcessBusiness(request({ tool: 'logo', size: 512 }), { bytes: await bands(2048, 512), mime: 'image/png' }, live());
    // 2048×512 → centre 512×512 covers x 768–1280: the green | blue boundary sits in the middle.
    expect(await pixel(out.bytes, 100, 256)).toEqual([20, 200, 40]);
    expect(await pixel(out.bytes, 412, 256)).toEqual([20, 40, 220]);
    expect(out.notes).toContain('cropped to the centre 512×512 for the 512:512 aspect');
  });

  it('keeps every band when the aspect already matches', async () => {
    const out = await postProcessBusiness(request({ tool: 'social', controls: { aspect: 'linkedin_banner' } }), { bytes: await bands(2048, 512), mime: 'image/png' }, live());
    expect(await pixel(out.bytes, 10, 200)).toEqual([230, 20, 20]);
    expect(await pixel(out.bytes, 1574, 200)).toEqual([240, 220, 20]);
    expect(out.notes.some((n) => n.startsWith('cropped'))).toBe(false);
    expect(out.notes).toContain('downscaled to 1584×396 (lanczos3) for the LinkedIn banner (1584×396)');
  });

  it('says when it had to upscale', async () => {
    const out = await postProcessBusiness(request({ tool: 'social', controls: { aspect: 'youtube_art' } }), { bytes: await bands(1344, 768), mime: 'image/png' }, live());
    expect(out.notes.some((n) => n.startsWith('upscaled to 2560×1440'))).toBe(true);
  });

  it('applies EXIF orientation before measuring', async () => {
    // Stored 768×1344 with orientation 6 (rotate 90°): it is a 1344×768 landscape image.
    const rotated = await sharp(await bands(768, 1344)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const out = await postProcessBusiness(request({ tool: 'slide', size: 1344 }), { bytes: rotated, mime: 'image/jpeg' }, live());
    expect([out.width, out.height]).toEqual([1344, 756]);
    expect(out.notes[0]).toBe('rendered 1344×768');
  });

  it('refuses bytes that are not an image, with a readable message', async () => {
    await expect(postProcessBusiness(request(), { bytes: new TextEncoder().encode('<html>rate limited</html>'), mime: 'image/png' }, live())).rejects.toThrow(
      /^The provider's image could not be read/,
    );
  });

  it('throws before any work when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(postProcessBusiness(request(), { bytes: await bands(64, 64), mime: 'image/png' }, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('checks for cancellation between steps', async () => {
    // Not already the target size, so every step (and every check) runs.
    const bytes = await bands(1000, 1000);
    for (const abortAtCheck of [2, 3]) {
      let checks = 0;
      const signal = {
        throwIfAborted() {
          checks++;
          if (checks >= abortAtCheck) throw new DOMException('cancelled', 'AbortError');
        },
      } as unknown as AbortSignal;
      await expect(postProcessBusiness(request(), { bytes, mime: 'image/png' }, signal)).rejects.toMatchObject({ name: 'AbortError' });
      expect(checks).toBe(abortAtCheck);
    }
  });
});

describe('coverCrop', () => {
  it.each([
    [1472, 768, 1200, 630, 1463, 768],
    [1024, 1024, 1200, 630, 1024, 538],
    [2048, 512, 1584, 396, 2048, 512],
    [768, 1344, 1080, 1920, 756, 1344],
  ])('%i×%i for %i×%i keeps %i×%i', (sw, sh, tw, th, w, h) => {
    expect(coverCrop(sw, sh, tw, th)).toEqual({ width: w, height: h });
  });
});

describe('postProcessBusiness fast path', () => {
  it('passes through a PNG that is already exactly the target, and still resizes anything else', async () => {
    const { BusinessRequestSchema } = await import('../../../../shared/mode-specs/business');
    const sharpLib = (await import('sharp')).default;
    const request = BusinessRequestSchema.parse({ mode: 'business', workspaceId: crypto.randomUUID(), prompt: 'a fox mark', tool: 'logo', size: 512 });
    const exact = await sharpLib({ create: { width: 512, height: 512, channels: 3, background: '#123456' } }).png().toBuffer();
    const out = await postProcessBusiness(request, { bytes: exact, mime: 'image/png' }, new AbortController().signal);
    expect(Buffer.from(out.bytes).equals(exact)).toBe(true);
    expect(out.notes.join(' ')).toMatch(/already/);
    const jpeg = await sharpLib({ create: { width: 512, height: 512, channels: 3, background: '#123456' } }).jpeg().toBuffer();
    const converted = await postProcessBusiness(request, { bytes: jpeg, mime: 'image/jpeg' }, new AbortController().signal);
    expect((await sharpLib(converted.bytes).metadata()).format).toBe('png');
  });
});
