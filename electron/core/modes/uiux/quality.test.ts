import { describe, expect, it } from 'vitest';
import { previewHeight, uiuxQualityProfile } from './quality';
import { uiuxRequest } from './test-fixtures';

describe('uiuxQualityProfile', () => {
  it.each([
    [375, 812],
    [320, 693],
    [639, 1384],
    [640, 853],
    [768, 1024],
    [1023, 1364],
    [1024, 640],
    [1280, 800],
    [1440, 900],
    [1920, 1200],
  ])('a %i px preview is %i px tall', (width, height) => {
    expect(previewHeight(width)).toBe(height);
    expect(uiuxQualityProfile(uiuxRequest({ size: width }), 'standard')).toEqual({ steps: 0, guidance: 0, width, height, sampler: 'n/a', scheduler: 'n/a' });
  });

  it('is the same in HD (HD picks a stronger model, not more pixels)', () => {
    const request = uiuxRequest();
    expect(uiuxQualityProfile(request, 'hd')).toEqual(uiuxQualityProfile(request, 'standard'));
  });
});
