/**
 * Business deliverables have exact pixels (an OG image is 1200×630, not "about 1.9:1"): the
 * render is cover-cropped around its centre to the target's aspect, resized with lanczos3 and
 * written as PNG. The pipeline keeps the provider's original beside it.
 */
import sharp from 'sharp';
import { businessTarget, type BusinessRequest } from '../../../../shared/mode-specs/business';
import type { ProcessedOutput, ProviderImage } from '../engine';

/** The source rectangle a centred cover-crop keeps, so the notes can say what was cut. */
export function coverCrop(sourceWidth: number, sourceHeight: number, targetWidth: number, targetHeight: number): { width: number; height: number } {
  const scale = Math.max(targetWidth / sourceWidth, targetHeight / sourceHeight);
  return {
    width: Math.min(sourceWidth, Math.round(targetWidth / scale)),
    height: Math.min(sourceHeight, Math.round(targetHeight / scale)),
  };
}

async function orientedSize(bytes: Uint8Array): Promise<{ width: number; height: number; format: string | undefined; orientation: number | undefined }> {
  try {
    const meta = await sharp(bytes).metadata();
    return { ...meta.autoOrient, format: meta.format, orientation: meta.orientation };
  } catch (error) {
    throw new Error(`The provider's image could not be read (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
}

/** `slot` picks the brand-kit part (each has its own pixels); other tools ignore it. */
export async function postProcessBusiness(request: BusinessRequest, image: ProviderImage, signal: AbortSignal, slot = 0): Promise<ProcessedOutput> {
  signal.throwIfAborted();
  const target = businessTarget(request, slot);
  // EXIF orientations 5–8 swap width and height once applied.
  const { width: sourceWidth, height: sourceHeight, format, orientation } = await orientedSize(image.bytes);
  if (!sourceWidth || !sourceHeight) throw new Error("The provider's image has no dimensions.");
  signal.throwIfAborted();
  // Already the deliverable: a PNG of exactly the target pixels, upright. Re-encoding it would
  // cost a decode and an encode (≈6 ms at 1024²) and change nothing.
  if (format === 'png' && sourceWidth === target.width && sourceHeight === target.height && (orientation ?? 1) === 1) {
    return { kind: 'image', mime: 'image/png', extension: 'png', bytes: image.bytes, width: target.width, height: target.height, notes: [`rendered ${sourceWidth}×${sourceHeight}, already the ${target.label} size`] };
  }

  const notes: string[] = [`rendered ${sourceWidth}×${sourceHeight}`];
  const crop = coverCrop(sourceWidth, sourceHeight, target.width, target.height);
  if (crop.width !== sourceWidth || crop.height !== sourceHeight) {
    notes.push(`cropped to the centre ${crop.width}×${crop.height} for the ${target.width}:${target.height} aspect`);
  }
  const { data, info } = await sharp(image.bytes)
    .autoOrient()
    .resize(target.width, target.height, { fit: 'cover', position: 'centre', kernel: 'lanczos3' })
    .png()
    .toBuffer({ resolveWithObject: true });
  signal.throwIfAborted();
  if (info.width !== target.width || info.height !== target.height) {
    throw new Error(`Resizing produced ${info.width}×${info.height} instead of ${target.width}×${target.height}.`);
  }
  const scale = target.width / crop.width;
  if (Math.abs(scale - 1) > 1e-3) notes.push(`${scale > 1 ? 'upscaled' : 'downscaled'} to ${target.width}×${target.height} (lanczos3) for the ${target.label}`);
  notes.push('saved as PNG');
  return { kind: 'image', mime: 'image/png', extension: 'png', bytes: data, width: info.width, height: info.height, notes };
}
