/**
 * Vector quality profiles. The provider renders a square bitmap for tracing: 512 px standard,
 * 1024 px HD (more detail for illustrations; the trace, not the render, sets the output size).
 * Line styles (outline, sharp) get slightly higher guidance so strokes stay even; illustrations
 * get a few more steps for their extra shapes.
 */
import type { VectorPreset, VectorRequest, VectorTool } from '../../../../shared/mode-specs/vector';
import type { QualityProfile, QualityTier } from '../engine';

interface TierBase {
  readonly size: number;
  readonly steps: number;
  readonly guidance: number;
  readonly sampler: string;
  readonly scheduler: string;
}

export const TIER_BASE: Readonly<Record<QualityTier, TierBase>> = {
  standard: { size: 512, steps: 24, guidance: 7, sampler: 'euler', scheduler: 'normal' },
  hd: { size: 1024, steps: 32, guidance: 7, sampler: 'dpmpp_2m', scheduler: 'karras' },
};

export const PRESET_GUIDANCE_OFFSET: Readonly<Record<VectorPreset, number>> = { outline: 0.5, sharp: 0.5, filled: 0, rounded: 0 };
export const TOOL_EXTRA_STEPS: Readonly<Record<VectorTool, number>> = { icon: 0, illustration: 4 };

export function vectorQualityProfile(request: VectorRequest, tier: QualityTier): QualityProfile {
  const base = TIER_BASE[tier];
  return {
    steps: base.steps + TOOL_EXTRA_STEPS[request.tool],
    guidance: base.guidance + PRESET_GUIDANCE_OFFSET[request.preset],
    width: base.size,
    height: base.size,
    sampler: base.sampler,
    scheduler: base.scheduler,
  };
}
