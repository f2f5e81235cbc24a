/**
 * The vector mode engine: SVG icons and illustrations. Describes (prompt, negatives, quality,
 * variants, trace + sanitise); the pipeline routes and runs.
 */
import { VECTOR_SPEC, VectorRequestSchema, type VectorRequest } from '../../../../shared/mode-specs/vector';
import type { ModeEngine } from '../engine';
import { VECTOR_CONFLICTING_TERMS } from './conflicts';
import { vectorNegativeBank } from './negatives';
import { postProcessVector } from './post-process';
import { buildVectorPrompt } from './prompt';
import { vectorQualityProfile } from './quality';
import { vectorVariantMutation } from './variants';

export { VectorTraceError } from './post-process';

export const vectorEngine: ModeEngine<VectorRequest> = {
  mode: 'vector',
  spec: VECTOR_SPEC,
  requestSchema: VectorRequestSchema,
  conflictingTerms: VECTOR_CONFLICTING_TERMS,
  buildPrompt: buildVectorPrompt,
  negativeBank: vectorNegativeBank,
  qualityProfile: vectorQualityProfile,
  variantMutation: vectorVariantMutation,
  postProcess: postProcessVector,
};
