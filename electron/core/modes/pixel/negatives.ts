/**
 * The pixel negative bank: global, then tool, then preset, de-duplicated without regard to
 * case. The pipeline puts the user's negative first and de-duplicates again; providers without
 * a native negative prompt get only the first few terms, so each list starts with what matters
 * most.
 *
 * Names and contents follow the seed (lib/negative-banks.ts at d9f88d7), with two fixes:
 * - the seed's animate negatives ("static image", "single frame", "no motion") fought the way
 *   animations are made: every frame is its own still generation, and telling the model "not a
 *   single frame" invites sprite sheets. Ours keep each frame one clean pose;
 * - a request's own choices win over the banks: a user who asks for a scene background does not
 *   get "background scene" as a negative, a sprite sheet does not get "multiple poses", a
 *   character does not get "character" ({@link CONTRADICTIONS}).
 */
import type { PixelPreset, PixelRequest, PixelTool } from '../../../../shared/mode-specs/pixel';
import { effectiveBackground } from './background';
import { uniqueTerms } from '../../../../shared/terms';

type Terms = ReadonlyArray<string>;

/** The seed's 24 global terms: softness first (what breaks pixel art most), then realism, text, defects. */
export const GLOBAL_PIXEL_NEGATIVES: Terms = [
  'blurry',
  'anti-aliasing',
  'soft edges',
  'gradient shading',
  'smooth shading',
  '3D render',
  'photorealistic',
  'realistic lighting',
  'depth of field',
  'bokeh',
  'photograph',
  'CGI',
  'text',
  'watermark',
  'signature',
  'low quality',
  'bad anatomy',
  'extra limbs',
  'malformed',
  'jpeg artifacts',
  'partially cropped',
  'cut off',
  'dithering artifacts',
  'noise',
];

export const TOOL_NEGATIVES: Readonly<Record<PixelTool, Terms>> = {
  generate: ['motion blur', 'floating limbs', 'multiple poses', 'busy background'],
  animate: ['motion blur', 'speed lines', 'sprite sheet grid', 'multiple copies of the subject'],
  scene: ['foreground characters', 'floating objects', 'perspective inconsistency', 'non-tileable', 'visible seams'],
  rotate: ['inconsistent character', 'different character', 'merged figures', 'fused sprites'],
  inpaint: ['obvious seam', 'visible mask edge', 'mismatched style', 'color bleed'],
};

/** Every preset but raw (raw is the user's words and the pixel basics only). */
export const PRESET_NEGATIVES: Readonly<Record<Exclude<PixelPreset, 'raw'>, Terms>> = {
  rpg_icon: ['background scene', 'multiple items', 'hand holding item', 'character', 'environmental context'],
  character_idle: ['side view', 'back view', 'multiple characters', 'running', 'jumping', 'aggressive pose'],
  character_side: ['front view', 'back view', 'multiple characters', 'standing straight facing forward'],
  top_down_char: ['front view', 'side view', 'perspective inconsistency', 'incorrect angle'],
  isometric: ['flat top-down', 'front-facing', 'perspective inconsistency', 'non-isometric angle'],
  chibi: ['realistic proportions', 'tall body', 'small head', 'normal anatomy'],
  sprite_sheet: ['single pose only', 'misaligned frames', 'inconsistent scale', 'background fill'],
  tileset: ['foreground objects', 'characters', 'weapons', 'sky', 'clouds', 'asymmetric'],
  game_ui: ['characters', 'background scenes', 'complex gradients', 'drop shadows', 'photorealistic elements'],
  portrait: ['full body', 'hands visible', 'action pose', 'weapon in hand', 'multiple faces', 'body below waist'],
  nature_tile: ['characters', 'weapons', 'buildings', 'asymmetric', 'visible tile borders'],
  sci_fi: ['organic natural', 'fantasy medieval', 'low tech', 'wooden textures'],
  horror: ['bright cheerful colors', 'cute style', 'cartoonish', 'low contrast'],
  animated_effect: ['solid background', 'characters', 'items', 'text overlay', 'flat static design'],
  badge_icon: ['background scene', 'text labels', 'complex detail', 'multiple symbols'],
  weapon_icon: ['background scene', 'multiple weapons', 'hand holding weapon', 'character', 'environmental context'],
  emoji: ['detailed shading', 'complex background', 'multiple objects', 'realistic'],
};

interface Contradiction {
  /** Why the rule exists, for the reader. */
  readonly reason: string;
  readonly applies: (request: PixelRequest) => boolean;
  /** Bank terms the request itself asks for. */
  readonly drops: (term: string) => boolean;
}

const CHARACTER_CATEGORIES = new Set(['character', 'monster', 'portrait']);

export const CONTRADICTIONS: ReadonlyArray<Contradiction> = [
  {
    reason: 'The user asked for a scene behind the subject.',
    applies: (request) => effectiveBackground(request) === 'scene',
    drops: (term) => /\bbackground/i.test(term),
  },
  {
    reason: 'A dark background is a solid background.',
    applies: (request) => effectiveBackground(request) === 'dark',
    drops: (term) => term.toLowerCase() === 'solid background',
  },
  {
    reason: 'A sprite sheet is several poses.',
    applies: (request) => request.preset === 'sprite_sheet',
    drops: (term) => term.toLowerCase() === 'multiple poses',
  },
  {
    reason: 'The asset category says the subject is a character.',
    applies: (request) => CHARACTER_CATEGORIES.has(request.controls.assetCategory),
    drops: (term) => /^characters?$/i.test(term),
  },
  {
    reason: 'The asset category says the subject is a weapon.',
    applies: (request) => request.controls.assetCategory === 'weapon',
    drops: (term) => /^weapons?$/i.test(term),
  },
];

/** Concatenates term lists; the first spelling of a term wins (case-insensitive); `drop` filters. */
export function mergeTerms(lists: ReadonlyArray<Terms>, drop: (term: string) => boolean = () => false): string[] {
  return uniqueTerms(lists.flat().filter((term) => !drop(term)));
}

/** Global, then tool, then preset; first occurrence wins (case-insensitive); contradictions removed. */
export function negativeBank(request: PixelRequest): ReadonlyArray<string> {
  const preset = request.preset === 'raw' ? [] : PRESET_NEGATIVES[request.preset];
  const active = CONTRADICTIONS.filter((rule) => rule.applies(request));
  return mergeTerms([GLOBAL_PIXEL_NEGATIVES, TOOL_NEGATIVES[request.tool], preset], (term) => active.some((rule) => rule.drops(term)));
}
