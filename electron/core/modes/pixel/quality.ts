/**
 * Quality profiles: steps and guidance per preset (the seed's lib/quality-profiles.ts table),
 * the sampler, and the size the provider is asked to render.
 *
 * Diffusion models draw badly below ~512 px, so the provider renders at a model-friendly size
 * and post-processing scales down to the target by nearest-neighbour: 512 standard, 1024 HD,
 * always a multiple of 64 (Hugging Face and ComfyUI snap to 64, Together to 32). Every size the
 * studio offers (32…512) divides 512, so each output pixel samples the same place in its cell.
 */
import type { PixelPreset, PixelRequest } from '../../../../shared/mode-specs/pixel';
import type { QualityProfile, QualityTier } from '../engine';

export interface PresetQuality {
  readonly steps: number;
  readonly guidance: number;
}

/** Standard tier, per preset (facts 1.4). */
export const PRESET_QUALITY: Readonly<Record<PixelPreset, PresetQuality>> = {
  portrait: { steps: 30, guidance: 8.5 },
  chibi: { steps: 28, guidance: 8.0 },
  character_idle: { steps: 28, guidance: 8.0 },
  character_side: { steps: 28, guidance: 8.0 },
  isometric: { steps: 28, guidance: 8.5 },
  top_down_char: { steps: 25, guidance: 7.5 },
  sprite_sheet: { steps: 25, guidance: 7.5 },
  horror: { steps: 22, guidance: 7.5 },
  sci_fi: { steps: 22, guidance: 7.5 },
  rpg_icon: { steps: 20, guidance: 7.5 },
  weapon_icon: { steps: 20, guidance: 7.5 },
  tileset: { steps: 20, guidance: 7.0 },
  nature_tile: { steps: 20, guidance: 7.0 },
  raw: { steps: 20, guidance: 7.5 },
  badge_icon: { steps: 18, guidance: 7.0 },
  emoji: { steps: 18, guidance: 7.0 },
  game_ui: { steps: 18, guidance: 7.0 },
  animated_effect: { steps: 18, guidance: 6.5 },
};

/** HD spends more steps for detail (×1.5, at most 50 — beyond that samplers stop improving). */
export const HD_STEP_FACTOR = 1.5;
export const HD_MAX_STEPS = 50;

/** The provider's canvas per tier; see the header. */
export const RENDER_BASE: Readonly<Record<QualityTier, number>> = { standard: 512, hd: 1024 };
const RENDER_MULTIPLE = 64;

/**
 * Standard: Euler with the normal schedule is stable at ~20 steps and keeps flat colour areas
 * flat. HD: DPM++ 2M with Karras sigmas resolves finer detail in the extra steps.
 */
export const SAMPLERS: Readonly<Record<QualityTier, { readonly sampler: string; readonly scheduler: string }>> = {
  standard: { sampler: 'euler', scheduler: 'normal' },
  hd: { sampler: 'dpmpp_2m', scheduler: 'karras' },
};

/** The side of the square the provider renders: the tier's base, never below the target, a multiple of 64. */
export function renderSize(targetSize: number, tier: QualityTier): number {
  const side = Math.max(RENDER_BASE[tier], targetSize);
  return Math.ceil(side / RENDER_MULTIPLE) * RENDER_MULTIPLE;
}

export function qualityProfile(request: Pick<PixelRequest, 'preset' | 'size'>, tier: QualityTier): QualityProfile {
  const base = PRESET_QUALITY[request.preset];
  const steps = tier === 'hd' ? Math.min(HD_MAX_STEPS, Math.round(base.steps * HD_STEP_FACTOR)) : base.steps;
  const side = renderSize(request.size, tier);
  return { steps, guidance: base.guidance, width: side, height: side, ...SAMPLERS[tier] };
}
