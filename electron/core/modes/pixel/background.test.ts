import { describe, expect, it } from 'vitest';
import { effectiveBackground } from './background';
import { pixelRequest } from './test-support';

describe('effectiveBackground', () => {
  it.each<[string, Parameters<typeof pixelRequest>[0], string]>([
    ['a sprite keeps transparent', {}, 'transparent'],
    ['a sprite keeps dark', { controls: { backgroundMode: 'dark' } }, 'dark'],
    ['a sprite keeps scene', { controls: { backgroundMode: 'scene' } }, 'scene'],
    ['a tileset fills the frame', { preset: 'tileset' }, 'fill'],
    ['a nature tile fills the frame even when dark is asked', { preset: 'nature_tile', controls: { backgroundMode: 'dark' } }, 'fill'],
    ['the scene tool fills the frame', { tool: 'scene', preset: 'rpg_icon' }, 'fill'],
    ['an isometric object sits on a background', { preset: 'isometric' }, 'transparent'],
  ])('%s', (_name, overrides, expected) => {
    expect(effectiveBackground(pixelRequest(overrides))).toBe(expected);
  });
});
