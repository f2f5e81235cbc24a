import { describe, expect, it } from 'vitest';
import { uiuxEngine } from './index';
import { UIUX_SPEC } from '../../../../shared/mode-specs/uiux';
import { MODES } from '../../../../shared/modes';
import { WORKSPACE_ID, uiuxRequest } from './test-fixtures';

describe('uiuxEngine', () => {
  it('is the uiux mode, with its spec and schema', () => {
    expect(uiuxEngine.mode).toBe('uiux');
    expect(uiuxEngine.spec).toBe(UIUX_SPEC);
    expect(MODES[uiuxEngine.mode].outputTypes).toContain('code');
    expect(uiuxEngine.requestSchema.parse({ mode: 'uiux', workspaceId: WORKSPACE_ID, prompt: 'navbar' })).toMatchObject({ tool: 'section', preset: 'saas_dark' });
  });

  it('lists the image words that mean nothing to a code model', () => {
    for (const term of ['pixel art', 'photo of', '3d render']) expect(uiuxEngine.conflictingTerms).toContain(term);
    for (const term of ['dark', 'hero', 'card']) expect(uiuxEngine.conflictingTerms).not.toContain(term);
  });

  it('wires its builders', () => {
    const request = uiuxRequest();
    expect(uiuxEngine.buildPrompt(request, 'navbar', { compact: false })).toMatch(/^Build: navbar\n/);
    expect(uiuxEngine.negativeBank(request)[0]).toBe('inline event handler attributes');
    expect(uiuxEngine.qualityProfile(request, 'standard')).toMatchObject({ steps: 0, sampler: 'n/a' });
    expect(uiuxEngine.variantMutation(request, 1)).toMatch(/^Variation: /);
  });
});
