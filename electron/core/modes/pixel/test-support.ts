/** Test fixtures for the pixel engine's tests (imported only by *.test.ts). */
import { PixelRequestSchema, type PixelControls, type PixelRequest, type PixelRequestInput } from '../../../../shared/mode-specs/pixel';

export const WORKSPACE_ID = '3f0e6c1e-4a5b-4c2d-9e8f-0a1b2c3d4e5f';

/** A valid request through the real schema (so defaults are the schema's), with overrides. */
export function pixelRequest(overrides: Partial<Omit<PixelRequestInput, 'controls'>> & { controls?: Partial<PixelControls> } = {}): PixelRequest {
  return PixelRequestSchema.parse({ workspaceId: WORKSPACE_ID, prompt: 'a sword', mode: 'pixel', ...overrides });
}
