/**
 * Pixel exports work on raw RGBA: decode once with sharp, scale and compose in plain loops
 * (integer nearest-neighbour keeps every pixel a crisp square — no resampling kernel, no
 * blurred edges), encode once. Frames of an animation come back in frame order.
 */
import sharp from 'sharp';
import type { ExportSource } from '../../exports/exporter';
import type { RgbaImage } from './raster';

export async function decodeRgba(bytes: Uint8Array): Promise<RgbaImage> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

export async function encodePng(image: RgbaImage): Promise<Uint8Array> {
  const buffer = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Each pixel becomes a `factor`×`factor` block. */
export function scaleNearest(image: RgbaImage, factor: number): RgbaImage {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`Scale must be a whole number ≥ 1, not ${factor}.`);
  if (factor === 1) return image;
  const width = image.width * factor;
  const height = image.height * factor;
  const out = new Uint8Array(width * height * 4);
  // A Uint32Array view needs a 4-byte aligned offset; sharp's small buffers may sit unaligned in a pool.
  const data = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
  const source = new Uint32Array(data.buffer, data.byteOffset, image.width * image.height);
  const target = new Uint32Array(out.buffer);
  for (let y = 0; y < image.height; y += 1) {
    const row = y * factor * width;
    for (let x = 0; x < image.width; x += 1) {
      const pixel = source[y * image.width + x] ?? 0;
      const start = row + x * factor;
      target.fill(pixel, start, start + factor);
    }
    // The other rows of the block are copies of the first.
    for (let r = 1; r < factor; r += 1) target.copyWithin(row + r * width, row, row + width);
  }
  return { data: out, width, height };
}

/** Copies `image` into `canvas` with its top-left corner at (x, y). */
export function blit(canvas: RgbaImage, image: RgbaImage, x: number, y: number): void {
  for (let row = 0; row < image.height; row += 1) {
    const from = row * image.width * 4;
    canvas.data.set(image.data.subarray(from, from + image.width * 4), ((y + row) * canvas.width + x) * 4);
  }
}

/** A transparent canvas. */
export function blank(width: number, height: number): RgbaImage {
  return { data: new Uint8Array(width * height * 4), width, height };
}

/** Centres each image on a cell as large as the largest, so frames of mixed sizes still line up. */
export function toCommonCell(images: ReadonlyArray<RgbaImage>): { frames: RgbaImage[]; resized: boolean } {
  const width = Math.max(...images.map((image) => image.width));
  const height = Math.max(...images.map((image) => image.height));
  let resized = false;
  const frames = images.map((image) => {
    if (image.width === width && image.height === height) return image;
    resized = true;
    const cell = blank(width, height);
    blit(cell, image, Math.floor((width - image.width) / 2), Math.floor((height - image.height) / 2));
    return cell;
  });
  return { frames, resized };
}

export interface FrameInfo {
  /** The animation job the frame belongs to, when it is part of one. */
  readonly group: string | null;
  readonly frame: number;
  /** The animation's frames per second, when recorded. */
  readonly fps: number | null;
}

/** Reads `metadata.extra.group` (type "frames"), which the pipeline writes for animations. */
export function frameInfo(source: ExportSource): FrameInfo {
  const extra = source.asset.metadata['extra'];
  const group = typeof extra === 'object' && extra !== null ? (extra as Record<string, unknown>)['group'] : undefined;
  if (typeof group !== 'object' || group === null) return { group: null, frame: source.asset.slot, fps: null };
  const record = group as Record<string, unknown>;
  if (record['type'] !== 'frames') return { group: null, frame: source.asset.slot, fps: null };
  const fps = typeof record['fps'] === 'number' && record['fps'] > 0 ? record['fps'] : null;
  const frame = typeof record['frame'] === 'number' ? record['frame'] : source.asset.slot;
  return { group: typeof record['jobId'] === 'string' ? record['jobId'] : source.asset.jobId, frame, fps };
}

/**
 * Frames in play order: assets of one animation by frame index, animations and loose images
 * in the order given (the gallery's order). Stable, so equal keys keep their order.
 */
export function inFrameOrder(sources: ReadonlyArray<ExportSource>): ExportSource[] {
  const firstSeen = new Map<string, number>();
  const keyed = sources.map((source, index) => {
    const info = frameInfo(source);
    const groupKey = info.group ?? `#${index}`;
    if (!firstSeen.has(groupKey)) firstSeen.set(groupKey, index);
    return { source, groupAt: firstSeen.get(groupKey) ?? index, frame: info.group === null ? 0 : info.frame, index };
  });
  keyed.sort((a, b) => a.groupAt - b.groupAt || a.frame - b.frame || a.index - b.index);
  return keyed.map((entry) => entry.source);
}

/** The frame rate the frames were made for (the first animation's), if any. */
export function recordedFps(sources: ReadonlyArray<ExportSource>): number | null {
  for (const source of sources) {
    const { fps } = frameInfo(source);
    if (fps !== null) return fps;
  }
  return null;
}
