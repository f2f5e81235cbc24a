/**
 * The pixel prompt builder: the user's (validated) words wrapped in pixel-art tokens.
 *
 * Order: the user's words first, then the style lead, preset, tool, category, era, palette,
 * outline, background and finish tokens. User words first because (a) CLIP-based models read
 * only the first 77 tokens, so the subject must not be pushed out by style words, and (b) the
 * pipeline cuts over-long prompts from the end at a comma, so a cut only ever drops style.
 *
 * Tokens are comma-separated and de-duplicated case-insensitively (first occurrence wins), so
 * a user who types "pixel art" does not get it twice. Deterministic: same request, same prompt.
 *
 * Token wording uses US spelling ("color"): the text encoders were trained on mostly US text.
 * No token says "transparent background": models paint a grey checkerboard for it, which the
 * flood fill cannot remove. We ask for a plain flat background and remove it afterwards.
 */
import type { PromptOptions } from '../engine';
import type {
  AnimationType,
  AssetCategory,
  OutlineStyle,
  PixelEra,
  PixelPreset,
  PixelRequest,
  PixelTool,
} from '../../../../shared/mode-specs/pixel';
import { effectiveBackground, type EffectiveBackground } from './background';

type Tokens = ReadonlyArray<string>;

export const PRESET_TOKENS: Readonly<Record<PixelPreset, Tokens>> = {
  rpg_icon: ['rpg item icon', 'inventory sprite', 'single centered item', 'flat shading'],
  character_idle: ['game character sprite', 'idle pose', 'front-facing', 'full body', 'symmetrical stance'],
  character_side: ['side-scroller character sprite', 'side view', 'profile stance', 'full body'],
  top_down_char: ['top-down rpg character', 'overhead three-quarter view', 'jrpg overworld sprite'],
  isometric: ['isometric pixel art', '2:1 isometric projection', 'isometric object'],
  chibi: ['chibi character', 'super-deformed proportions', 'big head small body', 'cute'],
  sprite_sheet: ['sprite sheet', 'poses laid out on a grid', 'evenly spaced frames', 'same character in every frame'],
  tileset: ['seamless tileset', 'repeating game tiles', 'tile-safe edges', 'top-down tiles'],
  game_ui: ['game ui element', 'hud component', 'pixel ui', 'clean readable shapes'],
  portrait: ['character portrait', 'head and shoulders', 'dialogue box portrait', 'expressive face'],
  nature_tile: ['seamless nature tile', 'organic terrain texture', 'tile-safe edges'],
  sci_fi: ['sci-fi', 'futuristic technology', 'metallic surfaces', 'neon accents'],
  horror: ['horror', 'dark desaturated colors', 'high contrast', 'gothic', 'creepy'],
  animated_effect: ['pixel effect', 'magic particles', 'bright glowing colors', 'energy burst'],
  badge_icon: ['badge icon', 'bold centered symbol', 'rounded emblem shape', 'flat colors'],
  weapon_icon: ['weapon sprite', 'single isolated weapon', 'inventory icon', 'diagonal orientation'],
  emoji: ['pixel emoji', 'round face', 'simple expressive features', 'bold readable expression'],
  raw: [],
};

const ANIMATION_TOKENS: Readonly<Record<AnimationType, Tokens>> = {
  idle: ['idle breathing pose'],
  walk: ['walk cycle pose', 'mid-stride'],
  run: ['running pose', 'leaning forward'],
  attack: ['attack swing pose'],
  cast: ['spell casting pose', 'raised hands'],
  death: ['defeated falling pose'],
  fire: ['flickering flames'],
  magic: ['swirling magic sparkles'],
  explosion: ['explosion burst', 'expanding shockwave'],
  water: ['rippling water', 'flowing waves'],
  custom: [],
};

export function toolTokens(request: Pick<PixelRequest, 'tool' | 'controls'>): Tokens {
  const tool: PixelTool = request.tool;
  switch (tool) {
    case 'generate':
      return [];
    case 'animate':
      return ['single animation frame', ...ANIMATION_TOKENS[request.controls.animationType], 'consistent design across frames'];
    case 'scene':
      return ['game environment scene', 'cohesive level art'];
    case 'rotate':
      return request.controls.rotateDirections === 8
        ? ['character turnaround', '8 facing directions', 'front view', 'back view', 'side views', 'diagonal views', 'same design in every view']
        : ['character turnaround', '4 facing directions', 'front view', 'back view', 'left view', 'right view', 'same design in every view'];
    case 'inpaint':
      return ['seamless edit', 'matches the surrounding pixel art style'];
  }
}

export const CATEGORY_TOKENS: Readonly<Record<AssetCategory, Tokens>> = {
  weapon: ['weapon', 'single weapon'],
  armor: ['armor piece', 'equipment item'],
  character: ['game character'],
  monster: ['monster enemy', 'menacing creature'],
  consumable: ['consumable item', 'potion or food'],
  gem: ['gemstone', 'faceted crystal', 'sparkling highlights'],
  structure: ['building', 'architectural structure'],
  nature: ['nature element', 'plants and rocks'],
  ui: ['interface element'],
  effect: ['magic effect', 'particles'],
  tile: ['game tile'],
  container: ['container', 'chest or barrel'],
  portrait: ['character portrait'],
  vehicle: ['vehicle'],
  none: [],
};

export const ERA_TOKENS: Readonly<Record<PixelEra, Tokens>> = {
  nes: ['8-bit NES style', 'NES color palette'],
  gameboy: ['Game Boy style', '4-shade green monochrome'],
  snes: ['16-bit SNES style', 'rich SNES colors'],
  gba: ['GBA handheld style', 'bright saturated colors'],
  modern: ['modern indie pixel art', 'detailed pixel shading'],
  none: [],
};

export const OUTLINE_TOKENS: Readonly<Record<OutlineStyle, Tokens>> = {
  none: ['lineless', 'shapes defined by color alone'],
  thin: ['thin 1px dark outline'],
  bold: ['bold thick dark outline'],
  glow: ['glowing outline', 'soft outer glow'],
};

export const BACKGROUND_TOKENS: Readonly<Record<EffectiveBackground, Tokens>> = {
  // A plain flat white field is what the flood fill removes best (and what models paint most
  // reliably); the outline keeps the fill from leaking into a light subject.
  transparent: ['single isolated subject', 'plain flat white background'],
  dark: ['plain flat dark background'],
  scene: ['detailed environment background'],
  fill: ['fills the whole frame edge to edge'],
};

export function paletteTokens(paletteSize: number): Tokens {
  return [`limited ${paletteSize} color palette`];
}

const LEAD = 'pixel art';
const FINISH: Tokens = ['crisp hard pixel edges', 'clean pixel grid', 'no anti-aliasing'];

/**
 * Splits on commas, trims, collapses inner whitespace; empty parts are dropped. Our own tokens
 * never contain commas (a test checks), so joining and splitting agree.
 */
function splitTokens(text: string): string[] {
  return text
    .split(',')
    .map((token) => token.replace(/\s+/g, ' ').trim())
    .filter((token) => token.length > 0);
}

/** First occurrence wins, compared without regard to case or spacing. */
export function dedupeTokens(tokens: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const token of tokens) {
    const key = token.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(token);
  }
  return out;
}

/** The ordered token groups of the full prompt, before de-duplication. */
function fullGroups(request: PixelRequest, userPrompt: string): Tokens[] {
  const { controls } = request;
  return [
    splitTokens(userPrompt),
    [LEAD, `${request.size}x${request.size} sprite resolution`],
    PRESET_TOKENS[request.preset],
    toolTokens(request),
    CATEGORY_TOKENS[controls.assetCategory],
    ERA_TOKENS[controls.pixelEra],
    paletteTokens(controls.paletteSize),
    OUTLINE_TOKENS[controls.outlineStyle],
    BACKGROUND_TOKENS[effectiveBackground(request)],
    FINISH,
  ];
}

/**
 * Short form for providers with tight limits (Pollinations puts the prompt in a URL, 200
 * characters): the user's words, the lead, the first token of the preset, tool and era, the
 * palette and the background — the tokens that change the picture most.
 */
function compactGroups(request: PixelRequest, userPrompt: string): Tokens[] {
  const { controls } = request;
  const first = (tokens: Tokens): Tokens => tokens.slice(0, 1);
  return [
    splitTokens(userPrompt),
    [LEAD],
    first(PRESET_TOKENS[request.preset]),
    first(toolTokens(request)),
    first(ERA_TOKENS[controls.pixelEra]),
    paletteTokens(controls.paletteSize),
    // The last background token is the one that matters (the plain field the flood fill removes).
    BACKGROUND_TOKENS[effectiveBackground(request)].slice(-1),
  ];
}

export function buildPixelPrompt(request: PixelRequest, userPrompt: string, options: PromptOptions): string {
  const groups = options.compact ? compactGroups(request, userPrompt) : fullGroups(request, userPrompt);
  return dedupeTokens(groups.flat()).join(', ');
}
