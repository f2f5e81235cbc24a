/**
 * Platform size limits for custom emoji, and the ladder that meets them. Slack: square,
 * 128×128, under 128 KB; Discord: 128×128, at most 256 KB (each platform's help pages, 2026).
 *
 * A 128² RGBA PNG is at most ~64 KB raw, so real emoji fit at the first step; the ladder still
 * exists because the limit is a promise: if a file ever comes out too big, it is re-encoded
 * harder, then quantised to ever fewer colours (libimagequant via sharp's `palette`), and only
 * when nothing fits is the export refused, naming the emoji.
 */
import sharp from 'sharp';

export interface PlatformPack {
  readonly id: 'slack' | 'discord';
  readonly name: string;
  readonly edge: number;
  readonly maxBytes: number;
}

export const SLACK_PACK: PlatformPack = { id: 'slack', name: 'Slack', edge: 128, maxBytes: 128 * 1024 };
export const DISCORD_PACK: PlatformPack = { id: 'discord', name: 'Discord', edge: 128, maxBytes: 256 * 1024 };

export interface Fitted {
  readonly bytes: Uint8Array;
  /** Null when the full-colour PNG fitted; otherwise the colours it was quantised to. */
  readonly colours: number | null;
}

const QUANTISE_STEPS = [256, 128, 64, 32, 16] as const;

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The image as a square `edge`² PNG of at most `maxBytes`, or null when even 16 colours are too big. */
export async function fitUnderLimit(source: Uint8Array, edge: number, maxBytes: number): Promise<Fitted | null> {
  const { data, info } = await sharp(source)
    .resize(edge, edge, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 }, kernel: 'lanczos3' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = () => sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } });
  const full = toBytes(await raw().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer());
  if (full.byteLength <= maxBytes) return { bytes: full, colours: null };
  for (const colours of QUANTISE_STEPS) {
    const bytes = toBytes(await raw().png({ palette: true, colours, effort: 10, dither: 1, compressionLevel: 9 }).toBuffer());
    if (bytes.byteLength <= maxBytes) return { bytes, colours };
  }
  return null;
}
