/**
 * The Business mode engine: logos, brand kits, slides, social images and web heroes.
 *
 * Brand-kit parts have different shapes per batch slot; `qualityProfile` and `postProcess`
 * take an optional trailing `slot` for that (default 0, the icon). The ModeEngine interface
 * does not pass one yet, so through it every part renders and delivers as slot 0.
 */
import { BUSINESS_SPEC, BusinessRequestSchema, type BusinessRequest } from '../../../../shared/mode-specs/business';
import type { ModeEngine, ProcessedOutput, ProviderImage, QualityProfile, QualityTier } from '../engine';
import { BUSINESS_CONFLICTING_TERMS } from './conflicts';
import { businessNegativeBank } from './negatives';
import { postProcessBusiness } from './post-process';
import { buildBusinessPrompt } from './prompt';
import { businessQualityProfile } from './quality';
import { businessVariantMutation } from './variants';

export interface BusinessEngine extends ModeEngine<BusinessRequest> {
  qualityProfile(request: BusinessRequest, tier: QualityTier, slot?: number): QualityProfile;
  postProcess(request: BusinessRequest, image: ProviderImage, signal: AbortSignal, slot?: number): Promise<ProcessedOutput>;
}

export const businessEngine: BusinessEngine = {
  mode: 'business',
  spec: BUSINESS_SPEC,
  requestSchema: BusinessRequestSchema,
  conflictingTerms: BUSINESS_CONFLICTING_TERMS,
  buildPrompt: buildBusinessPrompt,
  negativeBank: businessNegativeBank,
  qualityProfile: businessQualityProfile,
  variantMutation: businessVariantMutation,
  postProcess: postProcessBusiness,
};
