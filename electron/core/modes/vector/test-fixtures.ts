/** Parsed vector requests for the tests (through the real schema, so defaults apply). */
import { VectorRequestSchema, type VectorRequest, type VectorRequestInput } from '../../../../shared/mode-specs/vector';

export const WORKSPACE_ID = '3f1c2a4e-8b7d-4c2a-9e1f-0a1b2c3d4e5f';

export function vectorRequest(patch: Partial<VectorRequestInput> = {}): VectorRequest {
  return VectorRequestSchema.parse({ mode: 'vector', workspaceId: WORKSPACE_ID, prompt: 'settings gear', ...patch });
}
