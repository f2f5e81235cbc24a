import { describe, expect, it } from 'vitest';
import { vectorQualityProfile } from './quality';
import { vectorRequest } from './test-fixtures';

describe('vectorQualityProfile', () => {
  it.each([
    ['icon', 'outline', 'standard', { steps: 24, guidance: 7.5, width: 512, height: 512, sampler: 'euler', scheduler: 'normal' }],
    ['icon', 'filled', 'standard', { steps: 24, guidance: 7, width: 512, height: 512, sampler: 'euler', scheduler: 'normal' }],
    ['icon', 'sharp', 'hd', { steps: 32, guidance: 7.5, width: 1024, height: 1024, sampler: 'dpmpp_2m', scheduler: 'karras' }],
    ['illustration', 'rounded', 'standard', { steps: 28, guidance: 7, width: 512, height: 512, sampler: 'euler', scheduler: 'normal' }],
    ['illustration', 'outline', 'hd', { steps: 36, guidance: 7.5, width: 1024, height: 1024, sampler: 'dpmpp_2m', scheduler: 'karras' }],
  ] as const)('%s / %s / %s', (tool, preset, tier, expected) => {
    expect(vectorQualityProfile(vectorRequest({ tool, preset }), tier)).toEqual(expected);
  });

  it('renders square whatever the target size', () => {
    const profile = vectorQualityProfile(vectorRequest({ size: 24 }), 'standard');
    expect(profile.width).toBe(profile.height);
    expect(profile.width).toBe(512);
  });
});
