/**
 * UI/UX mode: sections, components and pages generated as code by a text model.
 *
 * Facts from the seed (apps/web/src/lib/modes/uiux.ts and api/uiux/generate/route.ts at
 * d9f88d7): tools section/component/page, the route's eight styles (ids here use underscores
 * like every other preset id), frameworks, component types, preview widths 320–1920 with
 * quick picks 375/768/1280/1440/1920, 3 HD credits.
 */
import { z } from 'zod';
import { GenerationBaseSchema, idsOf, sizeSchema, toolBatchLimit, toolMaskFields, type ModeSpec, type PresetSpec, type ToolSpec } from '../mode-spec';
import { objectMessages } from './schema-messages';

export const UIUX_TOOL_IDS = ['section', 'component', 'page'] as const;
export type UiuxTool = (typeof UIUX_TOOL_IDS)[number];

export const UIUX_PRESET_IDS = [
  'saas_dark',
  'light_minimal',
  'bold_startup',
  'corporate_clean',
  'dev_terminal',
  'warm_brand',
  'glassmorphism',
  'brutalist',
] as const;
export type UiuxPreset = (typeof UIUX_PRESET_IDS)[number];

const TOOLS: ReadonlyArray<ToolSpec<UiuxTool>> = [
  {
    id: 'section',
    label: 'Section',
    description: 'A complete page section: hero, pricing, features, call to action…',
    output: 'code',
    maxBatch: 4,
    input: 'none',
  },
  {
    id: 'component',
    label: 'Component',
    description: 'A reusable UI component: card, form, modal, navbar…',
    output: 'code',
    maxBatch: 4,
    input: 'none',
  },
  {
    id: 'page',
    label: 'Page',
    // A page is several sections in one answer: long outputs, so two variants at most.
    description: 'A whole page layout built from several sections.',
    output: 'code',
    maxBatch: 2,
    input: 'none',
  },
];

const PRESETS: ReadonlyArray<PresetSpec<UiuxPreset>> = [
  { id: 'saas_dark', label: 'SaaS Dark', description: 'Dark surfaces, indigo accents, subtle borders.', example: 'Pricing section, 3 tiers, most popular highlighted' },
  { id: 'light_minimal', label: 'Light Minimal', description: 'White space, thin borders, slate text.', example: 'Newsletter sign-up card with email field' },
  { id: 'bold_startup', label: 'Bold Startup', description: 'Vibrant colour, big type, large calls to action.', example: 'Hero for a habit-tracking app with two CTAs' },
  { id: 'corporate_clean', label: 'Corporate Clean', description: 'Navy and slate, formal type, tidy grids.', example: 'Features grid for an accounting platform' },
  { id: 'dev_terminal', label: 'Dev Terminal', description: 'Monospace, green and cyan on near-black.', example: 'CLI tool landing hero with an install command' },
  { id: 'warm_brand', label: 'Warm Brand', description: 'Amber accents, rounded corners, friendly type.', example: 'Testimonials from community members' },
  { id: 'glassmorphism', label: 'Glassmorphism', description: 'Frosted translucent panels over a gradient.', example: 'Login card over a colourful backdrop' },
  { id: 'brutalist', label: 'Brutalist', description: 'Heavy borders, black and white, raw layout.', example: 'Portfolio navbar with oversized links' },
];

export const UIUX_SPEC: ModeSpec<UiuxTool, UiuxPreset> = {
  mode: 'uiux',
  tools: TOOLS,
  presets: PRESETS,
  defaultTool: 'section',
  defaultPreset: 'saas_dark',
  // Preview width in CSS px (the code itself is responsive or not, per `controls.responsive`).
  sizes: { min: 320, max: 1920, default: 1280, choices: [375, 768, 1280, 1440, 1920] },
  hdCreditsPerGeneration: 3,
};

export const UIUX_FRAMEWORKS = ['html-tailwind', 'react-tsx', 'next-tsx', 'vanilla-css'] as const;
export type UiuxFramework = (typeof UIUX_FRAMEWORKS)[number];

export const UIUX_COMPONENT_TYPES = [
  'hero',
  'pricing',
  'navbar',
  'card',
  'form',
  'dashboard',
  'landing',
  'auth',
  'settings',
  'table',
  'modal',
  'sidebar',
  'footer',
  'faq',
  'testimonials',
  'features',
  'cta',
  'custom',
] as const;
export type UiuxComponentType = (typeof UIUX_COMPONENT_TYPES)[number];

export const UIUX_ACCESSIBILITY_LEVELS = ['standard', 'enhanced'] as const;
export type UiuxAccessibilityLevel = (typeof UIUX_ACCESSIBILITY_LEVELS)[number];

export const COLOUR_SCHEME_MAX_CHARS = 60;

export const UiuxControlsSchema = z.strictObject(
  {
    framework: z
      .enum(UIUX_FRAMEWORKS, { error: 'Framework must be html-tailwind, react-tsx, next-tsx or vanilla-css.' })
      .default('html-tailwind'),
    componentType: z.enum(UIUX_COMPONENT_TYPES, { error: 'Choose a component type from the list.' }).default('custom'),
    /**
     * A brand colour or palette name ("#0ea5e9", "forest greens"). It goes into the model's
     * instructions, so it is one short line of plain characters: no newlines, quotes or markup.
     */
    colourScheme: z
      .string({ error: 'Colour scheme must be text.' })
      .trim()
      .max(COLOUR_SCHEME_MAX_CHARS, { error: `Colour scheme must be at most ${COLOUR_SCHEME_MAX_CHARS} characters.` })
      .regex(/^[\p{L}\p{N} #%,.()/+&'-]*$/u, {
        error: 'Colour scheme may use letters, digits, spaces and # % , . ( ) / + & \' - only.',
      })
      .default(''),
    darkMode: z.boolean({ error: 'Dark mode must be on or off.' }).default(false),
    responsive: z.boolean({ error: 'Responsive must be on or off.' }).default(true),
    accessibilityLevel: z
      .enum(UIUX_ACCESSIBILITY_LEVELS, { error: 'Accessibility level must be standard or enhanced.' })
      .default('standard'),
  },
  { error: objectMessages('controls') },
);
export type UiuxControls = z.output<typeof UiuxControlsSchema>;

/**
 * `GenerationBaseSchema.extend({...}).strict()`, written as `z.strictObject` over the same shape
 * only so the unknown-key message is a sentence naming the key.
 */
export const UiuxRequestSchema = z
  .strictObject(
    {
      ...GenerationBaseSchema.shape,
      mode: z.literal('uiux', { error: 'This request is not for the UI/UX mode.' }),
      tool: z.enum(idsOf(TOOLS), { error: 'Choose a UI/UX tool: section, component or page.' }).default(UIUX_SPEC.defaultTool),
      preset: z.enum(idsOf(PRESETS), { error: 'Choose a UI/UX style from the list.' }).default(UIUX_SPEC.defaultPreset),
      size: sizeSchema(UIUX_SPEC.sizes),
      controls: UiuxControlsSchema.prefault({}),
    },
    { error: objectMessages('request') },
  )
  .superRefine(...toolBatchLimit(TOOLS))
  .superRefine(...toolMaskFields(TOOLS));

export type UiuxRequestInput = z.input<typeof UiuxRequestSchema>;
export type UiuxRequest = z.output<typeof UiuxRequestSchema>;

/** The file language each framework produces (vanilla-css is one HTML file with its CSS in `<style>`). */
export const FRAMEWORK_LANGUAGE: Readonly<Record<UiuxFramework, 'html' | 'tsx'>> = {
  'html-tailwind': 'html',
  'react-tsx': 'tsx',
  'next-tsx': 'tsx',
  'vanilla-css': 'html',
};
