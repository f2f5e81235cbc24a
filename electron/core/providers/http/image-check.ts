/**
 * Is this really a whole image? Providers (and the CDNs they hand out) sometimes send a cut-off
 * file, an error page with `image/png`, or a format we do not expect. Checked here, before the
 * pipeline spends time post-processing it: the magic bytes name the format, the format's end
 * marker proves nothing was cut off (sharp's header read alone would accept a truncated file),
 * and sharp's header read gives the real size.
 */
import sharp from 'sharp';
import { ProviderError } from '../provider';

export interface CheckedImage {
  readonly bytes: Uint8Array;
  readonly mime: string;
  readonly width: number;
  readonly height: number;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// The IEND chunk every PNG ends with: length 0, type "IEND", its fixed CRC.
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

function startsWith(bytes: Uint8Array, magic: ReadonlyArray<number>, at = 0): boolean {
  return bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** The image format from its magic bytes, or null when it is not one we take. */
export function sniffImageMime(bytes: Uint8Array): string | null {
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  return null;
}

/** False when the file stops before its format's end marker. */
export function isComplete(bytes: Uint8Array, mime: string): boolean {
  switch (mime) {
    case 'image/png':
      return startsWith(bytes, PNG_IEND, bytes.length - PNG_IEND.length);
    case 'image/jpeg': {
      // EOI (FF D9); some encoders pad after it with zero bytes.
      let end = bytes.length;
      while (end > 2 && bytes[end - 1] === 0x00) end -= 1;
      return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
    }
    case 'image/webp': {
      // The RIFF header states the file size (minus the 8-byte header).
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return bytes.length >= 12 && view.getUint32(4, true) + 8 <= bytes.length;
    }
    case 'image/gif':
      return bytes[bytes.length - 1] === 0x3b;
    default:
      return false;
  }
}

/** Throws a `provider_failure` naming what is wrong; otherwise the image with its real size. */
export async function checkImage(bytes: Uint8Array, source: string): Promise<CheckedImage> {
  const mime = sniffImageMime(bytes);
  if (mime === null) {
    throw new ProviderError('provider_failure', `${source} sent something that is not a PNG, JPEG, WebP or GIF image (${bytes.length} bytes).`);
  }
  if (!isComplete(bytes, mime)) {
    throw new ProviderError('provider_failure', `${source} sent a truncated ${mime.slice(6).toUpperCase()} image (it stops before its end); try again.`);
  }
  try {
    const meta = await sharp(bytes).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    return { bytes, mime, width: meta.width, height: meta.height };
  } catch {
    throw new ProviderError('provider_failure', `${source} sent a damaged ${mime.slice(6).toUpperCase()} image that cannot be read.`);
  }
}
