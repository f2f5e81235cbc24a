/**
 * Business quality profiles: steps, guidance and sampler per preset and tier, and a render
 * size that keeps the target's aspect at a size models are trained for (sides multiples of
 * 64, about 0.6 MP standard and 1 MP HD). Post-processing then crops and resizes to exact pixels.
 */
import { businessTarget, type BusinessPreset, type BusinessRequest } from '../../../../shared/mode-specs/business';
import type { QualityProfile, QualityTier } from '../engine';

type Sampling = Pick<QualityProfile, 'steps' | 'guidance' | 'sampler' | 'scheduler'>;

/**
 * Flat and geometric styles converge early (more steps add texture they do not want);
 * photography needs more steps and lower guidance to stay natural (high CFG oversaturates).
 */
export const BUSINESS_SAMPLING: Readonly<Record<BusinessPreset, Readonly<Record<QualityTier, Sampling>>>> = {
  minimal_flat: {
    standard: { steps: 24, guidance: 6.5, sampler: 'euler', scheduler: 'normal' },
    hd: { steps: 32, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  bold_geometric: {
    standard: { steps: 24, guidance: 7, sampler: 'euler', scheduler: 'normal' },
    hd: { steps: 32, guidance: 7, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  corporate_clean: {
    standard: { steps: 26, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
    hd: { steps: 34, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  photography_overlay: {
    standard: { steps: 30, guidance: 5.5, sampler: 'dpmpp_2m_sde', scheduler: 'karras' },
    hd: { steps: 40, guidance: 5, sampler: 'dpmpp_2m_sde', scheduler: 'karras' },
  },
  monochrome: {
    standard: { steps: 26, guidance: 7, sampler: 'dpmpp_2m', scheduler: 'karras' },
    hd: { steps: 34, guidance: 7, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  gradient_modern: {
    standard: { steps: 26, guidance: 6, sampler: 'dpmpp_2m', scheduler: 'karras' },
    hd: { steps: 34, guidance: 6, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  tech_dark: {
    standard: { steps: 28, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
    hd: { steps: 36, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
  warm_brand: {
    standard: { steps: 26, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
    hd: { steps: 34, guidance: 6.5, sampler: 'dpmpp_2m', scheduler: 'karras' },
  },
};

/** Pixel areas to render: 768² standard, 1024² HD (SDXL/FLUX native). */
export const RENDER_AREA: Readonly<Record<QualityTier, number>> = { standard: 768 * 768, hd: 1024 * 1024 };
const SIDE_MIN = 256;
const SIDE_MAX = 2048;
const STEP = 64;

/**
 * The multiple-of-64 width and height closest to the target's aspect at about `area` pixels.
 * Aspect error counts twice as much as area error: post-processing can resize cheaply, but
 * every percent of aspect error is cropped away.
 */
export function renderSize(targetWidth: number, targetHeight: number, area: number): { width: number; height: number } {
  const ratio = targetWidth / targetHeight;
  let best = { width: SIDE_MIN, height: SIDE_MIN, score: Number.POSITIVE_INFINITY };
  for (let height = SIDE_MIN; height <= SIDE_MAX; height += STEP) {
    const width = Math.min(SIDE_MAX, Math.max(SIDE_MIN, Math.round((height * ratio) / STEP) * STEP));
    const score = Math.abs(Math.log(width / height / ratio)) + 0.5 * Math.abs(Math.log((width * height) / area));
    if (score < best.score) best = { width, height, score };
  }
  return { width: best.width, height: best.height };
}

/** `slot` picks the brand-kit part (its shape differs per slot); other tools ignore it. */
export function businessQualityProfile(request: BusinessRequest, tier: QualityTier, slot = 0): QualityProfile {
  const target = businessTarget(request, slot);
  return { ...BUSINESS_SAMPLING[request.preset][tier], ...renderSize(target.width, target.height, RENDER_AREA[tier]) };
}
