import { describe, expect, it } from 'vitest';
import { creditsLabel, hdHint, providerOptions } from './generationHints';

const together = { id: 'together', label: 'Together AI', local: false };
const hosted = { id: 'hosted', label: 'WokGen account', local: false };

describe('HD hint', () => {
  it('states the per-mode cost and both places while HD is off', () => {
    expect(hdHint(3, false, [together])).toBe('3 credits per image on a WokGen account, or free on your own HD-capable key.');
    expect(creditsLabel(1)).toBe('1 credit');
  });

  it('says where HD runs from the resolved chain', () => {
    expect(hdHint(2, true, [together, hosted])).toBe('Runs on your own HD-capable key (Together AI): no credits.');
    expect(hdHint(2, true, [{ id: 'comfyui', label: 'ComfyUI (local)', local: true }])).toBe('Runs on ComfyUI (local), on this machine: no credits.');
    expect(hdHint(2, true, [hosted])).toBe('Needs a WokGen account: 2 credits per image on a WokGen account.');
    expect(hdHint(1, true, [])).toMatch(/^Needs a WokGen account \(1 credit per image\)/);
  });
});

describe('provider override options', () => {
  it('offers automatic (with the chain) and only the providers that can do the job', () => {
    expect(providerOptions([together, hosted], '')).toEqual([
      { value: '', label: 'Automatic (Together AI → WokGen account)' },
      { value: 'together', label: 'Together AI' },
      { value: 'hosted', label: 'WokGen account' },
    ]);
  });

  it('keeps a pick that is no longer available visible, marked', () => {
    expect(providerOptions([together], 'fal').at(-1)).toEqual({ value: 'fal', label: 'fal (not available now)' });
  });
});
