/**
 * Fitting a requested size to what a provider accepts: a maximum pixel count, min/max per side
 * and a multiple (FLUX works in 16-px patches, SD in 8-px latents). The aspect ratio is kept as
 * closely as the rules allow; the pipeline's post-processing brings the result to the exact
 * size the mode asked for.
 */
import { ProviderError } from '../provider';

export interface SizeRules {
  readonly multiple: number;
  readonly min: number;
  readonly max: number;
  /** Largest width × height, when the provider caps the area rather than (only) the sides. */
  readonly maxPixels?: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export function fitSize(size: Size, rules: SizeRules): Size {
  for (const field of ['width', 'height'] as const) {
    const value = size[field];
    if (!Number.isFinite(value) || value <= 0) throw new ProviderError('invalid_request', `${field} must be a positive number of pixels (got ${String(value)}).`);
  }
  let { width, height } = size;
  if (rules.maxPixels !== undefined && width * height > rules.maxPixels) {
    const scale = Math.sqrt(rules.maxPixels / (width * height));
    width *= scale;
    height *= scale;
  }
  const down = Math.min(1, rules.max / width, rules.max / height);
  width *= down;
  height *= down;
  const up = Math.max(1, rules.min / width, rules.min / height);
  width *= up;
  height *= up;
  const lowest = Math.ceil(rules.min / rules.multiple) * rules.multiple;
  const highest = Math.floor(rules.max / rules.multiple) * rules.multiple;
  const snap = (value: number, limit: number) => Math.min(limit, Math.max(lowest, Math.min(highest, Math.round(value / rules.multiple) * rules.multiple)));
  // Rounding up may push the area past the cap: then round that side down instead.
  let w = snap(width, highest);
  let h = snap(height, highest);
  if (rules.maxPixels !== undefined && w * h > rules.maxPixels) {
    w = Math.max(lowest, Math.floor(width / rules.multiple) * rules.multiple);
    h = Math.max(lowest, Math.floor(height / rules.multiple) * rules.multiple);
  }
  return { width: w, height: h };
}
