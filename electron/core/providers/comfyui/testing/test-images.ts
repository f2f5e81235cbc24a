/**
 * Deterministic images for the test server: the same seed and size always give the same PNG
 * (a disc on white whose colour comes from the seed, so every mode's post-processing finds a
 * subject), and small preview frames as ComfyUI's latent previews would be.
 */
import sharp from 'sharp';

export function colourForSeed(seed: number): string {
  // A cheap integer hash (Knuth's multiplicative) spread over 24 bits of colour, each channel
  // kept at or below 0xbf: a near-white disc on the white background would be taken for
  // background by the emoji and pixel cut-outs (tolerance 48) and fail the job at random seeds.
  const hash = Number((BigInt(Math.trunc(seed)) * 2654435761n) % 16777216n) & 0xbfbfbf;
  return `#${hash.toString(16).padStart(6, '0')}`;
}

/**
 * An opaque RGB PNG, as real servers send: ComfyUI's SaveImage writes
 * `Image.fromarray(np.clip(255 * i, 0, 255).astype(np.uint8))` of a 3-channel IMAGE tensor, and
 * the cloud endpoints send opaque renders too (PNG, or JPEG/WebP, which have no alpha). (sharp's composite adds an alpha channel, which
 * is removed again: a spurious alpha would send every test through the transparent-image paths.)
 */
export async function renderSeedPng(seed: number, width: number, height: number): Promise<Buffer> {
  const r = Math.max(1, Math.floor(Math.min(width, height) / 3));
  const disc = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${r}" fill="${colourForSeed(seed)}"/></svg>`,
  );
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: disc }])
    .removeAlpha()
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export async function renderPreview(seed: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const image = sharp({ create: { width: 64, height: 64, channels: 3, background: colourForSeed(seed) } });
  return format === 'jpeg' ? image.jpeg({ quality: 60 }).toBuffer() : image.png().toBuffer();
}

/** Binary frame type 1 PREVIEW_IMAGE (server.py `encode_bytes`): BE uint32 type, BE uint32 format (1 JPEG, 2 PNG), bytes. */
export function previewFrame(image: Buffer, format: 'jpeg' | 'png'): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(format === 'jpeg' ? 1 : 2, 4);
  return Buffer.concat([header, image]);
}

/** Binary frame type 4 PREVIEW_IMAGE_WITH_METADATA: BE uint32 type, BE uint32 JSON length, JSON, bytes. */
export function previewFrameWithMetadata(image: Buffer, metadata: Record<string, unknown>): Buffer {
  const json = Buffer.from(JSON.stringify(metadata), 'utf8');
  const header = Buffer.alloc(8);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(json.length, 4);
  return Buffer.concat([header, json, image]);
}

/** Binary frame type 3 TEXT: BE uint32 type, BE uint32 node id length, node id, text. */
export function textFrame(nodeId: string, text: string): Buffer {
  const id = Buffer.from(nodeId, 'utf8');
  const header = Buffer.alloc(8);
  header.writeUInt32BE(3, 0);
  header.writeUInt32BE(id.length, 4);
  return Buffer.concat([header, id, Buffer.from(text, 'utf8')]);
}
