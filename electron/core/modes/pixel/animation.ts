/**
 * Pixel animate: one image per frame, worded so each frame is a distinct phase of the cycle
 * (the seed sent identical prompts with different seeds and got unrelated frames). The frame
 * rate is the seed's per-type timing; the GIF itself is assembled by the exporter.
 */
import { ANIMATION_TIMING, type AnimationType, type PixelRequest } from '../../../../shared/mode-specs/pixel';
import type { FrameSetPlan } from '../engine';

/** The phases each cycle moves through; frames are spread across them in order. */
const PHASES: Readonly<Record<AnimationType, ReadonlyArray<string>>> = {
  idle: ['neutral stance', 'slight inhale, chest raised', 'neutral stance', 'slight exhale, shoulders lowered'],
  walk: ['contact pose, front heel down', 'recoil pose, knees bent', 'passing pose, legs crossing', 'high point, body raised'],
  run: ['contact pose, leaning forward', 'push-off, back leg extended', 'airborne, both feet off the ground', 'landing, knee bent'],
  attack: ['anticipation, weapon drawn back', 'wind-up', 'strike, weapon fully extended', 'follow-through', 'recovery to stance'],
  cast: ['hands gathering energy', 'glow building between hands', 'arms thrust forward', 'spell released, bright flash', 'recovery'],
  death: ['hit, recoiling', 'knees buckling', 'falling sideways', 'lying on the ground', 'fading, still'],
  fire: ['small flame', 'flame rising', 'tall flickering flame', 'flame leaning left', 'flame leaning right'],
  magic: ['faint sparkles', 'swirling particles', 'bright magical burst', 'particles dispersing'],
  explosion: ['bright flash', 'expanding fireball', 'largest fireball with debris', 'smoke billowing', 'smoke thinning'],
  water: ['wave crest', 'wave falling', 'trough', 'wave rising'],
  custom: ['start of the motion', 'middle of the motion', 'end of the motion'],
};

export function pixelFrameSet(request: PixelRequest): FrameSetPlan | null {
  if (request.tool !== 'animate') return null;
  const { animationType, frameCount } = request.controls;
  const phases = PHASES[animationType];
  return {
    count: frameCount,
    fps: ANIMATION_TIMING[animationType].fps,
    frameMutation: (index) => {
      const phase = phases[Math.floor((index * phases.length) / frameCount)] ?? phases[0];
      return `${animationType} animation, frame ${index + 1} of ${frameCount}, ${phase}, same character, same palette, same framing`;
    },
  };
}
