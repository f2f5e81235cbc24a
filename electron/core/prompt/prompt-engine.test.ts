import { describe, expect, it } from 'vitest';
import { choosePromptEngine } from './prompt-engine';

describe('choosePromptEngine', () => {
  it('uses the setting unless PROMPT_ENGINE says otherwise', () => {
    expect(choosePromptEngine({ setting: 'oss', env: undefined, hostedAvailable: true })).toEqual({ engine: 'oss', warning: null });
    expect(choosePromptEngine({ setting: 'oss', env: 'hosted', hostedAvailable: true })).toEqual({ engine: 'hosted', warning: null });
    expect(choosePromptEngine({ setting: 'hosted', env: 'OSS', hostedAvailable: true })).toEqual({ engine: 'oss', warning: null });
    expect(choosePromptEngine({ setting: 'oss', env: 'wokspec', hostedAvailable: true }).engine).toBe('hosted');
    expect(choosePromptEngine({ setting: 'oss', env: 'nonsense', hostedAvailable: true }).engine).toBe('oss');
  });

  it('falls back to the local builders with a warning when the hosted engine is unavailable', () => {
    const choice = choosePromptEngine({ setting: 'hosted', env: undefined, hostedAvailable: false });
    expect(choice.engine).toBe('oss');
    expect(choice.warning).toMatch(/local prompt builders/);
  });
});
