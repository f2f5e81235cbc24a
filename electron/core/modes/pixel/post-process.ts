/**
 * Pixel post-processing: the provider's picture becomes a sprite.
 *
 * 1. decode to RGBA (any format sharp reads: PNG, JPEG, WebP);
 * 2. background: transparent → flood fill from the border (./flood-fill); dark/scene → made
 *    opaque; frame-filling tiles and scenes are never flood-filled (./background);
 * 3. alpha made crisp: every pixel fully opaque or fully transparent;
 * 4. exactly size × size by nearest-neighbour (a non-square picture is centre-cropped first):
 *    no interpolated in-between colours, so pixel edges stay hard;
 * 5. quantised to paletteSize colours: libimagequant through sharp's palette PNG, without
 *    dithering (dither noise is exactly what pixel art avoids), then made exact by ./palette
 *    (sharp rounds the count up to 2, 4, 16 or 256). The limit counts the transparent entry
 *    too, as sharp does ("palette entries, including transparency");
 * 6. checked: the written PNG is decoded again and its alpha and colour count verified.
 *
 * The background is removed at the provider's resolution, before downscaling, where the
 * outline is several pixels wide and the fill cannot slip through it.
 * The AbortSignal is checked between steps.
 */
import sharp from 'sharp';
import type { PixelRequest } from '../../../../shared/mode-specs/pixel';
import type { ProcessedOutput, ProviderImage } from '../engine';
import { effectiveBackground } from './background';
import { removeBorderBackground } from './flood-fill';
import { limitColours } from './palette';
import { countColours, flattenOnto, hasCrispAlpha, thresholdAlpha, type Rgb, type RgbaImage } from './raster';

/** Larger inputs are refused before decoding (a provider never sends more than 2048²). */
export const MAX_INPUT_PIXELS = 4096 * 4096;
/** What a half-transparent pixel is composited over when the background must be opaque. */
export const OPAQUE_MATTE: Rgb = { r: 16, g: 16, b: 20 };

type Request = Pick<PixelRequest, 'tool' | 'preset' | 'size' | 'controls'>;

async function decode(bytes: Uint8Array): Promise<RgbaImage> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4) throw new Error(`expected 4 channels, got ${info.channels}`);
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } catch (cause) {
    throw new Error('The provider’s image could not be read.', { cause });
  }
}

function rawInput(image: RgbaImage) {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
}

async function downscale(image: RgbaImage, size: number): Promise<RgbaImage> {
  const { data, info } = await rawInput(image)
    .resize(size, size, { kernel: 'nearest', fit: 'cover', position: 'centre' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** A palette (indexed) PNG without dithering: dither noise is exactly what pixel art avoids. */
async function encodePalette(image: RgbaImage, colours: number, opaque: boolean): Promise<Buffer> {
  const pipeline = opaque ? rawInput(image).removeAlpha() : rawInput(image);
  return pipeline.png({ palette: true, colours, dither: 0, effort: 10, compressionLevel: 9 }).toBuffer();
}

async function encodeLossless(image: RgbaImage, opaque: boolean): Promise<Buffer> {
  const pipeline = opaque ? rawInput(image).removeAlpha() : rawInput(image);
  return pipeline.png({ compressionLevel: 9 }).toBuffer();
}

export async function postProcessPixel(request: Request, image: ProviderImage, signal: AbortSignal): Promise<ProcessedOutput> {
  const { size } = request;
  const { paletteSize } = request.controls;
  const notes: string[] = [];
  signal.throwIfAborted();

  const source = await decode(image.bytes);
  signal.throwIfAborted();

  const background = effectiveBackground(request);
  if (background === 'transparent') {
    const flood = removeBorderBackground(source);
    if (flood.reference === null) {
      notes.push('No plain background found along the edges; nothing was made transparent.');
    } else {
      const share = Math.round((flood.removed / (source.width * source.height)) * 100);
      notes.push(`Made the background transparent (flood fill from the edges, ${share}% of the picture).`);
    }
  } else {
    const flattened = flattenOnto(source, OPAQUE_MATTE);
    if (flattened > 0) notes.push('Made the background opaque.');
    if (background === 'fill' && request.controls.backgroundMode === 'transparent') {
      notes.push('Kept the background: tiles and scenes fill the whole frame.');
    }
  }
  thresholdAlpha(source);
  signal.throwIfAborted();

  if (source.width !== source.height) notes.push(`Cropped ${source.width}×${source.height} to a centred square.`);
  const scaled = await downscale(source, size);
  // Nearest-neighbour only copies pixels, so alpha is already 0/255; this guards the invariant.
  thresholdAlpha(scaled);
  notes.push(`Scaled ${Math.min(source.width, source.height)} px to ${size}×${size} by nearest-neighbour.`);
  signal.throwIfAborted();

  const opaque = background !== 'transparent';
  // libimagequant first (the good colour choice), then an exact limit: sharp can only ask it for
  // 2, 4, 16 or 256 colours (see ./palette).
  const quantised = await decode(await encodePalette(scaled, paletteSize, opaque));
  thresholdAlpha(quantised);
  const colours = limitColours(quantised, paletteSize);
  signal.throwIfAborted();

  let png = await encodePalette(quantised, paletteSize, opaque);
  const check = await decode(png);
  let written = countColours(check);
  if (!hasCrispAlpha(check) || written > paletteSize) {
    // The palette encoder should reproduce ≤ paletteSize exact colours; if it ever does not,
    // write the already-limited pixels losslessly rather than break the promise.
    png = await encodeLossless(quantised, opaque);
    written = colours;
  }
  notes.push(`Reduced to ${written} colours (limit ${paletteSize}), without dithering.`);
  signal.throwIfAborted();

  return {
    kind: 'image',
    mime: 'image/png',
    extension: 'png',
    bytes: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
    width: size,
    height: size,
    notes,
  };
}
