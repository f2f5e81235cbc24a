/**
 * The pixel mode engine: sprites, tiles, items, animations and scenes in crisp pixel art.
 * Each concern lives in its own module; this file only wires them to the ModeEngine interface.
 */
import { PIXEL_SPEC, PixelRequestSchema, type PixelRequest } from '../../../../shared/mode-specs/pixel';
import type { ModeEngine } from '../engine';
import { pixelFrameSet } from './animation';
import { PIXEL_CONFLICTING_TERMS } from './conflicts';
import { negativeBank } from './negatives';
import { postProcessPixel } from './post-process';
import { buildPixelPrompt } from './prompt';
import { qualityProfile } from './quality';
import { variantMutation } from './variants';

export const pixelEngine: ModeEngine<PixelRequest> = {
  mode: 'pixel',
  spec: PIXEL_SPEC,
  requestSchema: PixelRequestSchema,
  conflictingTerms: PIXEL_CONFLICTING_TERMS,
  buildPrompt: buildPixelPrompt,
  negativeBank,
  qualityProfile,
  variantMutation,
  frameSet: pixelFrameSet,
  postProcess: postProcessPixel,
};
