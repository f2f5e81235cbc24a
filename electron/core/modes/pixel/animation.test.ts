import { describe, expect, it } from 'vitest';
import { PixelRequestSchema } from '../../../../shared/mode-specs/pixel';
import { pixelFrameSet } from './animation';

const request = (controls: Record<string, unknown>, tool = 'animate') =>
  PixelRequestSchema.parse({ mode: 'pixel', workspaceId: crypto.randomUUID(), prompt: 'a knight', tool, controls });

describe('pixelFrameSet', () => {
  it('plans one frame per requested frame, with the type’s frame rate', () => {
    const plan = pixelFrameSet(request({ animationType: 'walk', frameCount: 8 }))!;
    expect(plan.count).toBe(8);
    expect(plan.fps).toBe(12);
    const words = Array.from({ length: 8 }, (_, i) => plan.frameMutation(i));
    expect(words[0]).toContain('frame 1 of 8, contact pose');
    expect(words[4]).toContain('frame 5 of 8, passing pose');
    expect(new Set(words).size).toBe(8);
  });

  it('spreads few frames across the whole cycle', () => {
    const plan = pixelFrameSet(request({ animationType: 'attack', frameCount: 2 }))!;
    expect(plan.frameMutation(0)).toContain('anticipation');
    expect(plan.frameMutation(1)).toContain('strike');
  });

  it('is not a frame set for other tools', () => {
    expect(pixelFrameSet(request({}, 'generate'))).toBeNull();
  });
});
