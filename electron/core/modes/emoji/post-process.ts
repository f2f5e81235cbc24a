/**
 * Emoji deliverable: a transparent PNG of exactly size×size with the subject centred and
 * evenly padded. Steps: decode → background to transparency → despeckle → trim → centre on a
 * square → resize → PNG, checking for cancellation between each.
 */
import sharp from 'sharp';
import type { EmojiRequest } from '../../../../shared/mode-specs/emoji';
import type { ProcessedOutput, ProviderImage } from '../engine';
import { BACKGROUND_TOLERANCE, removeBackground, type RgbaImage } from './background';
import { centreOnSquare, contentBounds, despeckle, PADDING, SPECK_FRACTION } from './layout';
import { EMOJI_PRESET_STYLES } from './presets';

const hex = (colour: readonly number[]): string => `#${colour.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

async function decodeRgba(bytes: Uint8Array): Promise<RgbaImage> {
  try {
    const { data, info } = await sharp(bytes).autoOrient().toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 4) throw new Error(`expected 4 channels, got ${info.channels}`);
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw new Error(`The provider's image could not be read (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
}

export async function postProcessEmoji(request: EmojiRequest, image: ProviderImage, signal: AbortSignal): Promise<ProcessedOutput> {
  signal.throwIfAborted();
  const style = EMOJI_PRESET_STYLES[request.preset];
  const rgba = await decodeRgba(image.bytes);
  const notes: string[] = [`rendered ${rgba.width}×${rgba.height}`];
  signal.throwIfAborted();

  const background = removeBackground(rgba, { feather: !style.crisp });
  if (background.kind === 'removed') {
    notes.push(`background ${hex(background.colour)} made transparent (flood from the borders, tolerance ${BACKGROUND_TOLERANCE}${style.crisp ? '' : ', feathered edge'})`);
  } else if (background.kind === 'already-transparent') {
    notes.push('background was already transparent');
  } else {
    notes.push(`background kept: the border is not one flat colour (${Math.round(background.coverage * 100)} % matches), so removing it would cut into the subject`);
  }
  signal.throwIfAborted();

  const specks = despeckle(rgba, Math.max(4, Math.round(rgba.width * rgba.height * SPECK_FRACTION)));
  if (specks > 0) notes.push(`removed ${specks} stray speck${specks === 1 ? '' : 's'}`);
  const bounds = contentBounds(rgba);
  if (bounds === null) throw new Error('The image is only background: there is no emoji to cut out. Try again or change the prompt.');
  notes.push(`trimmed to the subject (${bounds.width}×${bounds.height})`);
  const square = centreOnSquare(rgba, bounds, PADDING);
  notes.push(`centred on a ${square.width}×${square.height} square with ${Math.round(PADDING * 100)} % padding`);
  signal.throwIfAborted();

  const kernel = style.crisp ? 'nearest' : 'lanczos3';
  const { data, info } = await sharp(square.data, { raw: { width: square.width, height: square.height, channels: 4 } })
    .resize(request.size, request.size, { fit: 'fill', kernel })
    .png()
    .toBuffer({ resolveWithObject: true });
  signal.throwIfAborted();
  if (info.width !== request.size || info.height !== request.size) {
    throw new Error(`Resizing produced ${info.width}×${info.height} instead of ${request.size}×${request.size}.`);
  }
  notes.push(`${square.width < request.size ? 'upscaled' : 'resized'} to ${request.size}×${request.size} (${kernel})`, 'saved as transparent PNG');
  return { kind: 'image', mime: 'image/png', extension: 'png', bytes: data, width: info.width, height: info.height, notes };
}
