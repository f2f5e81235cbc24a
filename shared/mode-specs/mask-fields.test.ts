/**
 * The mask fields across the five modes' request schemas: only a tool whose input is
 * image+mask takes a mask, painted (`maskPngBase64`) or an earlier job's (`maskFromJobId`).
 */
import { describe, expect, it } from 'vitest';
import { GenerateRequestSchema, MODE_SPECS } from '../generation';
import { MODE_IDS } from '../modes';

const WORKSPACE_ID = '3f0e6c1e-4a5b-4c2d-9e8f-0a1b2c3d4e5f';
const JOB_ID = '01956a3b-7c00-7abc-8def-0123456789ab';
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const maskless = MODE_IDS.filter((mode) => MODE_SPECS[mode].tools.every((tool) => tool.input !== 'image+mask'));

describe('mask fields on tools without a mask', () => {
  it('leaves at least the four modes without an inpaint tool to check', () => {
    expect([...maskless].sort()).toEqual(['business', 'emoji', 'uiux', 'vector']);
  });

  it.each(maskless.flatMap((mode) => [[mode, 'maskPngBase64', PNG_BASE64] as const, [mode, 'maskFromJobId', JOB_ID] as const]))(
    '%s refuses %s, naming it',
    (mode, field, value) => {
      const spec = MODE_SPECS[mode];
      const result = GenerateRequestSchema.safeParse({ mode, workspaceId: WORKSPACE_ID, prompt: 'a badge', tool: spec.defaultTool, batch: 2, [field]: value });
      expect(result.success).toBe(false);
      const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
      expect(issue?.message).toMatch(/does not take a mask\.$/);
    },
  );
});
