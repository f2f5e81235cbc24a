/**
 * Real images for the loopback provider servers, rendered by sharp at the requested size, and
 * the broken ones the bad-input tests need (cut off, oversized).
 */
import sharp from 'sharp';

export type TestImageFormat = 'png' | 'jpeg' | 'webp';

export const MIME_OF: Readonly<Record<TestImageFormat, string>> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** A real image of `width`×`height`: a colour from the seed with a diagonal gradient overlay. */
export async function renderTestImage(width: number, height: number, format: TestImageFormat = 'png', seed = 0): Promise<Buffer> {
  const hue = Math.abs(seed) % 360;
  const background = { r: 64 + (hue % 128), g: 96 + ((hue * 3) % 128), b: 128 + ((hue * 7) % 120), alpha: 1 };
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.5"/><stop offset="1" stop-color="#000" stop-opacity="0.5"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );
  const image = sharp({ create: { width, height, channels: 4, background } }).composite([{ input: gradient }]);
  return format === 'png' ? image.png().toBuffer() : format === 'jpeg' ? image.jpeg().toBuffer() : image.webp().toBuffer();
}

/** The first two thirds of a real image: a header that reads fine, a body that stops. */
export async function truncatedTestImage(width: number, height: number, format: TestImageFormat = 'png'): Promise<Buffer> {
  const whole = await renderTestImage(width, height, format);
  return whole.subarray(0, Math.floor((whole.length * 2) / 3));
}
