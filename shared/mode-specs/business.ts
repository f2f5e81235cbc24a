/**
 * Business mode: logos, brand kits, slides, social images and web heroes for brands and teams.
 *
 * Facts from the seed (apps/web/src/lib/modes/business.ts and lib/prompt-builder-business.ts at
 * d9f88d7): tools logo/brand-kit/slide/social/web-hero, the eight style presets, moods, text
 * zones, platform pixel sizes, sizes 512–2048 (default 1024), 1 HD credit. Unlike the seed,
 * every format here maps to exact delivered pixels, and each tool accepts only the formats it
 * can fill (a 4:1 LinkedIn banner is not a logo).
 */
import { z } from 'zod';
import { GenerationBaseSchema, idsOf, sizeSchema, toolMaskFields, type ModeSpec, type PresetSpec, type ToolSpec } from '../mode-spec';

export const BUSINESS_TOOL_IDS = ['logo', 'brand-kit', 'slide', 'social', 'web-hero'] as const;
export type BusinessTool = (typeof BUSINESS_TOOL_IDS)[number];

export const BUSINESS_PRESET_IDS = [
  'minimal_flat',
  'bold_geometric',
  'corporate_clean',
  'photography_overlay',
  'monochrome',
  'gradient_modern',
  'tech_dark',
  'warm_brand',
] as const;
export type BusinessPreset = (typeof BUSINESS_PRESET_IDS)[number];

const TOOLS: ReadonlyArray<ToolSpec<BusinessTool>> = [
  { id: 'logo', label: 'Logo', description: 'A brand mark or symbol, centred on a square canvas.', output: 'image', maxBatch: 4, input: 'none' },
  {
    id: 'brand-kit',
    label: 'Brand Kit',
    // One batch slot per kit part (icon, header, profile image, OG image), so a full kit is batch 4.
    description: 'A matching set: brand icon, header banner, profile image and OG image.',
    output: 'pack',
    maxBatch: 4,
    input: 'none',
  },
  {
    id: 'slide',
    label: 'Slide',
    // Deck backgrounds are chosen from a couple of options; wide renders cost the most time.
    description: 'Presentation backgrounds with room for titles and bullet points.',
    output: 'image',
    maxBatch: 2,
    input: 'none',
  },
  { id: 'social', label: 'Social', description: 'Platform-sized social images: OG cards, headers, banners, posts and stories.', output: 'image', maxBatch: 4, input: 'none' },
  {
    id: 'web-hero',
    label: 'Web Hero',
    // Same reasoning as slides: two wide renders to compare.
    description: 'Full-bleed website hero backgrounds, composed for a headline overlay.',
    output: 'image',
    maxBatch: 2,
    input: 'none',
  },
];

const PRESETS: ReadonlyArray<PresetSpec<BusinessPreset>> = [
  { id: 'minimal_flat', label: 'Minimal Flat', description: 'Flat shapes, few colours and generous white space.', example: 'Logo for a note-taking app, a folded page forming a check mark' },
  { id: 'bold_geometric', label: 'Bold Geometric', description: 'Strong shapes, limited palette, poster-like composition.', example: 'Launch banner for a cycling brand, bold chevrons in red and navy' },
  { id: 'corporate_clean', label: 'Corporate', description: 'Polished, restrained and trustworthy.', example: 'Slide background for a quarterly results deck, navy and silver' },
  { id: 'photography_overlay', label: 'Photography', description: 'Atmospheric photographic imagery with calm areas for text.', example: 'Hero image of a sunlit coffee roastery, warm morning light' },
  { id: 'monochrome', label: 'Monochrome', description: 'Black, white and greys; high-contrast editorial look.', example: 'Editorial header for an architecture studio, concrete stairs' },
  { id: 'gradient_modern', label: 'Gradient', description: 'Vibrant colour gradients with a contemporary feel.', example: 'Social card announcing an AI feature, violet to coral gradient' },
  { id: 'tech_dark', label: 'Tech Dark', description: 'Dark surfaces, subtle glow, sleek startup look.', example: 'Web hero for a developer platform, glowing network lines' },
  { id: 'warm_brand', label: 'Warm Brand', description: 'Warm colours and organic shapes; friendly and approachable.', example: 'Brand kit for a neighbourhood bakery, wheat and terracotta' },
];

export const BUSINESS_SPEC: ModeSpec<BusinessTool, BusinessPreset> = {
  mode: 'business',
  tools: TOOLS,
  presets: PRESETS,
  defaultTool: 'logo',
  defaultPreset: 'corporate_clean',
  // The long edge of the ratio formats (1:1, 16:9, 4:3, 9:16); platform formats have fixed pixels.
  sizes: { min: 512, max: 2048, default: 1024, choices: [512, 1024, 1536, 2048] },
  hdCreditsPerGeneration: 1,
};

export const BUSINESS_MOODS = ['professional', 'playful', 'bold', 'minimal', 'luxury', 'technical'] as const;
export type BusinessMood = (typeof BUSINESS_MOODS)[number];

export const BUSINESS_TEXT_ZONES = ['none', 'center', 'left', 'right'] as const;
export type BusinessTextZone = (typeof BUSINESS_TEXT_ZONES)[number];

export const BUSINESS_ASPECT_IDS = [
  '1:1',
  '16:9',
  '4:3',
  '9:16',
  'og',
  'twitter_header',
  'linkedin_banner',
  'instagram_square',
  'instagram_story',
  'youtube_art',
] as const;
export type BusinessAspect = (typeof BUSINESS_ASPECT_IDS)[number];

export interface BusinessAspectSpec {
  readonly id: BusinessAspect;
  readonly label: string;
  /**
   * `ratio`: the request's size is the long edge and the short edge follows the ratio.
   * `platform`: the platform's own pixels, whatever the size (the size control is ignored).
   */
  readonly kind: 'ratio' | 'platform';
  /** For `platform`, the delivered pixels; for `ratio`, the ratio (at the seed's reference size). */
  readonly width: number;
  readonly height: number;
}

export const BUSINESS_ASPECTS: Readonly<Record<BusinessAspect, BusinessAspectSpec>> = {
  '1:1': { id: '1:1', label: 'Square (1:1)', kind: 'ratio', width: 1024, height: 1024 },
  '16:9': { id: '16:9', label: 'Widescreen (16:9)', kind: 'ratio', width: 1920, height: 1080 },
  '4:3': { id: '4:3', label: 'Standard (4:3)', kind: 'ratio', width: 1024, height: 768 },
  '9:16': { id: '9:16', label: 'Portrait (9:16)', kind: 'ratio', width: 1080, height: 1920 },
  og: { id: 'og', label: 'Open Graph image (1200×630)', kind: 'platform', width: 1200, height: 630 },
  twitter_header: { id: 'twitter_header', label: 'X/Twitter header (1500×500)', kind: 'platform', width: 1500, height: 500 },
  linkedin_banner: { id: 'linkedin_banner', label: 'LinkedIn banner (1584×396)', kind: 'platform', width: 1584, height: 396 },
  instagram_square: { id: 'instagram_square', label: 'Instagram post (1080×1080)', kind: 'platform', width: 1080, height: 1080 },
  instagram_story: { id: 'instagram_story', label: 'Instagram story (1080×1920)', kind: 'platform', width: 1080, height: 1920 },
  youtube_art: { id: 'youtube_art', label: 'YouTube channel art (2560×1440)', kind: 'platform', width: 2560, height: 1440 },
};

/**
 * The formats each tool can fill, the first being its default (what `aspect: 'auto'` means).
 * The brand kit has fixed parts (`BRAND_KIT_PARTS`) and takes no format.
 */
export const BUSINESS_TOOL_ASPECTS: Readonly<Record<BusinessTool, ReadonlyArray<BusinessAspect>>> = {
  logo: ['1:1'],
  'brand-kit': [],
  slide: ['16:9', '4:3', '1:1'],
  social: ['og', 'twitter_header', 'linkedin_banner', 'instagram_square', 'instagram_story', 'youtube_art', '1:1', '16:9', '9:16'],
  'web-hero': ['16:9', '9:16'],
};

export interface BrandKitPart {
  readonly label: string;
  readonly width: number;
  readonly height: number;
}

/** The brand kit, one part per batch slot (seed: lib/prompt-builder-business.ts BRAND_KIT_SPECS). */
export const BRAND_KIT_PARTS: readonly [BrandKitPart, BrandKitPart, BrandKitPart, BrandKitPart] = [
  { label: 'brand icon', width: 512, height: 512 },
  { label: 'header banner', width: 1200, height: 400 },
  { label: 'social profile image', width: 500, height: 500 },
  { label: 'Open Graph image', width: 1200, height: 630 },
];

export const BusinessControlsSchema = z
  .object({
    mood: z.enum(BUSINESS_MOODS, { error: 'Mood must be professional, playful, bold, minimal, luxury or technical.' }).default('professional'),
    /** `auto` = the tool's default format (the first of `BUSINESS_TOOL_ASPECTS[tool]`). */
    aspect: z.enum(['auto', ...BUSINESS_ASPECT_IDS], { error: `Format must be auto or one of ${BUSINESS_ASPECT_IDS.join(', ')}.` }).default('auto'),
    /** Where the composition leaves calm space for text laid over it later. */
    textZone: z.enum(BUSINESS_TEXT_ZONES, { error: 'Text zone must be none, center, left or right.' }).default('none'),
  })
  .strict();
export type BusinessControls = z.output<typeof BusinessControlsSchema>;

const toolById = new Map(TOOLS.map((tool) => [tool.id, tool]));

export const BusinessRequestSchema = GenerationBaseSchema.extend({
  mode: z.literal('business', { error: 'This request is not for the Business mode.' }),
  tool: z.enum(idsOf(TOOLS), { error: `Choose a Business tool: ${BUSINESS_TOOL_IDS.join(', ')}.` }).default(BUSINESS_SPEC.defaultTool),
  preset: z.enum(idsOf(PRESETS), { error: `Choose a Business style: ${BUSINESS_PRESET_IDS.join(', ')}.` }).default(BUSINESS_SPEC.defaultPreset),
  size: sizeSchema(BUSINESS_SPEC.sizes),
  controls: BusinessControlsSchema.prefault({}),
})
  .strict()
  .superRefine((request, ctx) => {
    const tool = toolById.get(request.tool);
    if (tool !== undefined && request.batch > tool.maxBatch) {
      ctx.addIssue({ code: 'custom', path: ['batch'], message: `The ${tool.label} tool makes at most ${tool.maxBatch} at a time.` });
    }
    if (request.tool === 'brand-kit' && request.batch < 2) {
      ctx.addIssue({ code: 'custom', path: ['batch'], message: 'A brand kit has 2 to 4 parts (icon, header, profile, OG image); set batch to 2 or more.' });
    }
    const aspect = request.controls.aspect;
    if (aspect !== 'auto' && !BUSINESS_TOOL_ASPECTS[request.tool].includes(aspect)) {
      const allowed = BUSINESS_TOOL_ASPECTS[request.tool];
      ctx.addIssue({
        code: 'custom',
        path: ['controls', 'aspect'],
        message:
          allowed.length === 0
            ? `The ${tool?.label ?? request.tool} has fixed formats; leave the format on auto.`
            : `The ${tool?.label ?? request.tool} tool takes these formats: ${allowed.join(', ')}.`,
      });
    }
  })
  .superRefine(...toolMaskFields(TOOLS));

export type BusinessRequestInput = z.input<typeof BusinessRequestSchema>;
export type BusinessRequest = z.output<typeof BusinessRequestSchema>;

export interface BusinessTarget {
  readonly width: number;
  readonly height: number;
  /** What the target is, for notes and the studio ("Open Graph image (1200×630)", "brand icon"). */
  readonly label: string;
}

/** The format a request resolves to: its own, or the tool's default when `auto` (null for the brand kit). */
export function resolveBusinessAspect(tool: BusinessTool, aspect: BusinessControls['aspect']): BusinessAspect | null {
  if (aspect !== 'auto') return aspect;
  return BUSINESS_TOOL_ASPECTS[tool][0] ?? null;
}

/**
 * The exact pixels delivered for a request's batch slot. Ratio formats scale so the long edge
 * is the request's size; platform formats and brand-kit parts have fixed pixels.
 */
export function businessTarget(request: Pick<BusinessRequest, 'tool' | 'size' | 'controls'>, slot = 0): BusinessTarget {
  const aspect = resolveBusinessAspect(request.tool, request.controls.aspect);
  if (aspect === null) {
    const part = BRAND_KIT_PARTS[Math.min(Math.max(Math.trunc(slot), 0), BRAND_KIT_PARTS.length - 1)] ?? BRAND_KIT_PARTS[0];
    return { width: part.width, height: part.height, label: part.label };
  }
  const spec = BUSINESS_ASPECTS[aspect];
  if (spec.kind === 'platform') return { width: spec.width, height: spec.height, label: spec.label };
  const long = request.size;
  const landscape = spec.width >= spec.height;
  const short = Math.max(1, Math.round((long * Math.min(spec.width, spec.height)) / Math.max(spec.width, spec.height)));
  return landscape ? { width: long, height: short, label: spec.label } : { width: short, height: long, label: spec.label };
}
