import { describe, expect, it } from 'vitest';
import { vectorEngine } from './index';
import { VECTOR_SPEC } from '../../../../shared/mode-specs/vector';
import { MODES } from '../../../../shared/modes';
import { WORKSPACE_ID, vectorRequest } from './test-fixtures';

describe('vectorEngine', () => {
  it('is the vector mode, with its spec and schema', () => {
    expect(vectorEngine.mode).toBe('vector');
    expect(vectorEngine.spec).toBe(VECTOR_SPEC);
    expect(MODES[vectorEngine.mode].outputTypes).toContain('svg');
    expect(vectorEngine.requestSchema.parse({ mode: 'vector', workspaceId: WORKSPACE_ID, prompt: 'bell' })).toMatchObject({ tool: 'icon', preset: 'outline' });
  });

  it('lists the words that contradict flat vector art', () => {
    for (const term of ['photorealistic', 'photo of', 'pixel art', '8-bit', '3d render']) expect(vectorEngine.conflictingTerms).toContain(term);
    expect(vectorEngine.conflictingTerms).not.toContain('icon');
  });

  it('wires its builders', () => {
    const request = vectorRequest();
    expect(vectorEngine.buildPrompt(request, 'bell', { compact: false })).toMatch(/^bell, flat vector icon/);
    expect(vectorEngine.negativeBank(request)[0]).toBe('photo');
    expect(vectorEngine.qualityProfile(request, 'hd').width).toBe(1024);
    expect(vectorEngine.variantMutation(request, 3)).toBe('fewer details and simpler shapes');
  });
});
