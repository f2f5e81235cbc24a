/**
 * The UI/UX mode engine: sections, components and pages as code from a text model. Describes
 * (instruction, things to avoid, preview profile, variants, code extraction); the pipeline
 * routes to a text provider and runs.
 */
import { UIUX_SPEC, UiuxRequestSchema, type UiuxRequest } from '../../../../shared/mode-specs/uiux';
import type { ModeEngine } from '../engine';
import { UIUX_CONFLICTING_TERMS } from './conflicts';
import { uiuxNegativeBank } from './negatives';
import { postProcessUiux } from './post-process';
import { buildUiuxPrompt } from './prompt';
import { uiuxQualityProfile } from './quality';
import { uiuxVariantMutation } from './variants';

export { buildUiuxMessages, type UiuxMessages } from './prompt';
export { CodeExtractError, CodeResultSchema, extractCode, type CodeErrorReason, type CodeLanguage, type CodeResult } from './code-result';
export { codeHeaderComment, withCodeHeader } from './header';

export const uiuxEngine: ModeEngine<UiuxRequest> = {
  mode: 'uiux',
  spec: UIUX_SPEC,
  requestSchema: UiuxRequestSchema,
  conflictingTerms: UIUX_CONFLICTING_TERMS,
  buildPrompt: buildUiuxPrompt,
  negativeBank: uiuxNegativeBank,
  qualityProfile: uiuxQualityProfile,
  variantMutation: uiuxVariantMutation,
  postProcess: postProcessUiux,
};
