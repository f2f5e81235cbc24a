/** Parsed UI/UX requests for the tests (through the real schema, so defaults apply). */
import { UiuxRequestSchema, type UiuxRequest, type UiuxRequestInput } from '../../../../shared/mode-specs/uiux';

export const WORKSPACE_ID = '3f1c2a4e-8b7d-4c2a-9e1f-0a1b2c3d4e5f';

export function uiuxRequest(patch: Partial<UiuxRequestInput> = {}): UiuxRequest {
  return UiuxRequestSchema.parse({ mode: 'uiux', workspaceId: WORKSPACE_ID, prompt: 'pricing with three tiers', ...patch });
}
