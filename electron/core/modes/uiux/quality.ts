/**
 * UI/UX "quality profile". The output is code from a text model, so there is no diffusion:
 * steps and guidance are 0 and sampler/scheduler are 'n/a' (the fields exist for image
 * providers). What remains meaningful is the preview viewport: width = the preview width the
 * user chose, height = that device class's usual viewport height. HD does not change the
 * viewport; it routes to a stronger model (the routing table's business, not this profile's).
 */
import type { UiuxRequest } from '../../../../shared/mode-specs/uiux';
import type { QualityProfile, QualityTier } from '../engine';

/** Viewport height ÷ width by device class: phone 375:812 (iPhone X class), tablet 3:4, desktop 16:10. */
export function previewHeight(width: number): number {
  if (width < 640) return Math.round((width * 812) / 375);
  if (width < 1024) return Math.round((width * 4) / 3);
  return Math.round((width * 10) / 16);
}

export function uiuxQualityProfile(request: UiuxRequest, _tier: QualityTier): QualityProfile {
  return { steps: 0, guidance: 0, width: request.size, height: previewHeight(request.size), sampler: 'n/a', scheduler: 'n/a' };
}
