/**
 * The pixel mode's studio-facing specification: tools, presets, sizes, controls and the request
 * schema. Names and numbers follow the seed (WokSpec/WokGen apps/web/src/lib/modes/pixel.ts,
 * modes/pixel/schema.ts, lib/prompt-builder.ts at d9f88d7); differences are noted where made.
 *
 * Imports only zod and shared/: the renderer builds the studio form from this file and the core
 * validates requests with the same schema.
 */
import { z } from 'zod';
import { GenerationBaseSchema, idsOf, maskFieldIssues, sizeSchema, type ModeSpec, type PresetSpec, type ToolSpec } from '../mode-spec';

const PIXEL_TOOLS = [
  { id: 'generate', label: 'Generate', description: 'Create a pixel art asset from a prompt.', output: 'image', maxBatch: 4, input: 'none' },
  { id: 'animate', label: 'Animate', description: 'Generate the frames of an animated sprite, assembled into a GIF.', output: 'gif', maxBatch: 1, input: 'none' },
  { id: 'scene', label: 'Scene', description: 'Generate a cohesive environment or tileset scene.', output: 'image', maxBatch: 4, input: 'none' },
  { id: 'rotate', label: 'Rotate', description: 'Turn a sprite from your gallery into 4 or 8 facing directions.', output: 'image', maxBatch: 1, input: 'image' },
  { id: 'inpaint', label: 'Inpaint', description: 'Repaint the masked part of a sprite from your gallery.', output: 'image', maxBatch: 1, input: 'image+mask' },
] as const satisfies ReadonlyArray<ToolSpec>;

const PIXEL_PRESETS = [
  { id: 'rpg_icon', label: 'RPG Icon', description: 'A single inventory item, centred, flat shading.', example: 'Health potion in a round glass flask, red liquid, cork stopper' },
  { id: 'character_idle', label: 'Character Idle', description: 'A front-facing character standing at rest, full body.', example: 'Knight in steel armour with a blue cape, holding a longsword' },
  { id: 'character_side', label: 'Character Side', description: 'A side-view character for side-scrolling platformers.', example: 'Fox adventurer with a green scarf and a leather satchel' },
  { id: 'top_down_char', label: 'Top-Down', description: 'A character seen from above, for top-down RPGs.', example: 'Farmer with a straw hat and a watering can' },
  { id: 'isometric', label: 'Isometric', description: 'An object or building in isometric 2:1 projection.', example: 'Small blacksmith forge with an anvil and a glowing furnace' },
  { id: 'chibi', label: 'Chibi', description: 'A cute super-deformed character with a big head.', example: 'Chibi wizard girl with a star-tipped wand and a purple hat' },
  { id: 'sprite_sheet', label: 'Sprite Sheet', description: 'Several poses of one character laid out on a grid.', example: 'Ninja in black with a red headband, walk cycle poses' },
  { id: 'tileset', label: 'Tileset', description: 'Seamless repeating tiles for game levels.', example: 'Dungeon floor tiles, cracked grey stone with moss in the gaps' },
  { id: 'game_ui', label: 'Game UI', description: 'Buttons, frames, bars and other HUD elements.', example: 'Wooden dialogue box frame with iron corner rivets' },
  { id: 'portrait', label: 'Portrait', description: 'A head-and-shoulders portrait for dialogue boxes.', example: 'Old dwarf blacksmith with a braided white beard, smiling' },
  { id: 'nature_tile', label: 'Nature Tile', description: 'Seamless organic terrain: grass, water, sand, rock.', example: 'Grass tile with small wildflowers and clover' },
  { id: 'sci_fi', label: 'Sci-Fi', description: 'Futuristic, metallic, neon-lit assets.', example: 'Plasma rifle with glowing cyan energy cells' },
  { id: 'horror', label: 'Horror', description: 'Dark, desaturated, creepy assets.', example: 'Haunted porcelain doll with cracked face and hollow eyes' },
  { id: 'animated_effect', label: 'Effect', description: 'Spell, particle and impact effects.', example: 'Fireball explosion with orange sparks and smoke' },
  { id: 'badge_icon', label: 'Badge Icon', description: 'A bold centred symbol for achievements and app icons.', example: 'Gold trophy achievement badge with a laurel wreath' },
  { id: 'weapon_icon', label: 'Weapon', description: 'A single weapon, isolated, inventory style.', example: 'Enchanted battle axe with glowing blue runes' },
  { id: 'emoji', label: 'Emoji', description: 'A pixel emoji face with a clear expression.', example: 'Laughing face with tears of joy' },
  { id: 'raw', label: 'Raw', description: 'Only the pixel art basics and your own words.', example: 'Lighthouse on a rocky cliff at sunset' },
] as const satisfies ReadonlyArray<PresetSpec>;

export type PixelTool = (typeof PIXEL_TOOLS)[number]['id'];
export type PixelPreset = (typeof PIXEL_PRESETS)[number]['id'];

export const PIXEL_SPEC: ModeSpec<PixelTool, PixelPreset> = {
  mode: 'pixel',
  tools: PIXEL_TOOLS,
  presets: PIXEL_PRESETS,
  defaultTool: 'generate',
  defaultPreset: 'raw',
  sizes: { min: 32, max: 512, default: 64, choices: [32, 64, 128, 256, 512] },
  hdCreditsPerGeneration: 1,
};

// ---------------------------------------------------------------------------------------------
// Controls
// ---------------------------------------------------------------------------------------------

export const ASSET_CATEGORIES = [
  'weapon',
  'armor',
  'character',
  'monster',
  'consumable',
  'gem',
  'structure',
  'nature',
  'ui',
  'effect',
  'tile',
  'container',
  'portrait',
  'vehicle',
  'none',
] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export const PIXEL_ERAS = ['nes', 'gameboy', 'snes', 'gba', 'modern', 'none'] as const;
export type PixelEra = (typeof PIXEL_ERAS)[number];

export const BACKGROUND_MODES = ['transparent', 'dark', 'scene'] as const;
export type BackgroundMode = (typeof BACKGROUND_MODES)[number];

/**
 * One enum for the outline. The seed had two that disagreed: the prompt builder used
 * bold | soft | none | glow, modes/pixel/schema.ts used none | thin | thick | glow. We keep one
 * list everywhere (studio form, schema, prompt builder): none, thin (the 1 px dark outline most
 * sprites use, the default), bold (thick), glow.
 */
export const OUTLINE_STYLES = ['none', 'thin', 'bold', 'glow'] as const;
export type OutlineStyle = (typeof OUTLINE_STYLES)[number];

export const PALETTE_SIZES = [4, 8, 16, 32, 64, 256] as const;
export type PaletteSize = (typeof PALETTE_SIZES)[number];

export const ROTATE_DIRECTIONS = [4, 8] as const;
export type RotateDirections = (typeof ROTATE_DIRECTIONS)[number];

export const ANIMATION_TYPES = ['idle', 'walk', 'run', 'attack', 'cast', 'death', 'fire', 'magic', 'explosion', 'water', 'custom'] as const;
export type AnimationType = (typeof ANIMATION_TYPES)[number];

/**
 * The seed's per-type timing (api/animate/route.ts): the frame count the studio suggests when
 * the type is picked, and the GIF frame rate the assembler uses.
 */
export const ANIMATION_TIMING: Readonly<Record<AnimationType, { readonly frames: number; readonly fps: number }>> = {
  idle: { frames: 6, fps: 8 },
  walk: { frames: 8, fps: 12 },
  run: { frames: 6, fps: 18 },
  attack: { frames: 5, fps: 12 },
  cast: { frames: 6, fps: 10 },
  death: { frames: 6, fps: 8 },
  fire: { frames: 6, fps: 12 },
  magic: { frames: 8, fps: 14 },
  explosion: { frames: 6, fps: 18 },
  water: { frames: 4, fps: 8 },
  custom: { frames: 4, fps: 8 },
};

export const FRAME_COUNT = { min: 2, max: 12, default: 6 } as const;
/** Animations are capped lower than stills (seed: 32–256): up to 12 frames of 512² is a heavy GIF. */
export const ANIMATE_MAX_SIZE = 256;

/** Object-level messages (a non-object payload, unknown keys) as sentences that name the keys. */
function objectError(what: string) {
  return (issue: { code?: string; keys?: ReadonlyArray<string> }): string | undefined => {
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue.keys ?? []).map((key) => `“${key}”`).join(', ');
      return `Unknown ${what} field${(issue.keys?.length ?? 0) === 1 ? '' : 's'}: ${keys}.`;
    }
    if (issue.code === 'invalid_type') return `The ${what} must be an object.`;
    return undefined;
  };
}

const PixelControlsShape = {
  assetCategory: z.enum(ASSET_CATEGORIES, { error: 'Choose an asset category from the list.' }).default('none'),
  pixelEra: z.enum(PIXEL_ERAS, { error: 'Choose a pixel era from the list.' }).default('none'),
  backgroundMode: z.enum(BACKGROUND_MODES, { error: 'Background must be transparent, dark or scene.' }).default('transparent'),
  outlineStyle: z.enum(OUTLINE_STYLES, { error: 'Outline must be none, thin, bold or glow.' }).default('thin'),
  paletteSize: z.literal(PALETTE_SIZES, { error: 'Palette size must be 4, 8, 16, 32, 64 or 256 colours.' }).default(16),
  /** Used by the rotate tool. */
  rotateDirections: z.literal(ROTATE_DIRECTIONS, { error: 'Rotate makes 4 or 8 directions.' }).default(4),
  /** Used by the animate tool. */
  frameCount: z
    .number({ error: 'Frame count must be a whole number.' })
    .int({ error: 'Frame count must be a whole number.' })
    .min(FRAME_COUNT.min, { error: `Frame count must be between ${FRAME_COUNT.min} and ${FRAME_COUNT.max}.` })
    .max(FRAME_COUNT.max, { error: `Frame count must be between ${FRAME_COUNT.min} and ${FRAME_COUNT.max}.` })
    .default(FRAME_COUNT.default),
  /** Used by the animate tool. */
  animationType: z.enum(ANIMATION_TYPES, { error: 'Choose an animation type from the list.' }).default('idle'),
};

/** The pixel controls; unknown keys are rejected (a typo must not be silently ignored). */
export const PixelControlsSchema = z.strictObject(PixelControlsShape, { error: objectError('controls') });

export type PixelControls = z.output<typeof PixelControlsSchema>;

export const DEFAULT_PIXEL_CONTROLS: PixelControls = {
  assetCategory: 'none',
  pixelEra: 'none',
  backgroundMode: 'transparent',
  outlineStyle: 'thin',
  paletteSize: 16,
  rotateDirections: 4,
  frameCount: FRAME_COUNT.default,
  animationType: 'idle',
};

// ---------------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------------

/**
 * `GenerationBaseSchema.extend({...}).strict()`, written as `z.strictObject` over the same
 * shape only so the unknown-key message can be a sentence that names the key.
 */
export const PixelRequestSchema = z
  .strictObject(
    {
      ...GenerationBaseSchema.shape,
      mode: z.literal('pixel', { error: 'This request is not for the pixel mode.' }),
      tool: z.enum(idsOf(PIXEL_SPEC.tools), { error: 'Choose a pixel tool: generate, animate, scene, rotate or inpaint.' }).default('generate'),
      preset: z.enum(idsOf(PIXEL_SPEC.presets), { error: 'Choose a pixel preset from the list.' }).default('raw'),
      size: sizeSchema(PIXEL_SPEC.sizes),
      controls: PixelControlsSchema.default({ ...DEFAULT_PIXEL_CONTROLS }),
    },
    { error: objectError('request') },
  )
  .check((payload) => {
    // Runs after the fields were parsed, even when some failed: read defensively, and never
    // repeat a field that already has an error.
    const request = payload.value as Partial<Record<string, unknown>>;
    const failed = new Set(payload.issues.map((issue) => String(issue.path?.[0] ?? '')));
    const add = (field: string, message: string) => {
      if (!failed.has(field)) payload.issues.push({ code: 'custom', path: [field], message, input: request[field] });
    };
    const tool = PIXEL_SPEC.tools.find((candidate) => candidate.id === request.tool);
    if (tool === undefined) return;
    if (typeof request.batch === 'number' && request.batch > tool.maxBatch) {
      add('batch', tool.maxBatch === 1 ? `${tool.label} makes one result at a time; set the batch to 1.` : `${tool.label} makes at most ${tool.maxBatch} results at a time.`);
    }
    if (tool.input !== 'none' && (typeof request.inputAssetId !== 'string' || request.inputAssetId.length === 0)) {
      add('inputAssetId', `${tool.label} starts from an image: choose one from the gallery or a file.`);
    }
    for (const { field, message } of maskFieldIssues(PIXEL_SPEC.tools, request)) add(field, message);
    if (tool.id === 'animate' && typeof request.size === 'number' && request.size > ANIMATE_MAX_SIZE) {
      add('size', `Animations can be at most ${ANIMATE_MAX_SIZE} pixels; choose a smaller size.`);
    }
  });

export type PixelRequest = z.output<typeof PixelRequestSchema>;
export type PixelRequestInput = z.input<typeof PixelRequestSchema>;
