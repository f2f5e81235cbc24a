/**
 * The Business positive prompt: the user's words first (models weigh early tokens most), then
 * what the tool makes, the style, the mood, the composition the format needs and the text zone.
 */
import { businessTarget, type BusinessMood, type BusinessRequest, type BusinessTextZone, type BusinessTool } from '../../../../shared/mode-specs/business';
import type { PromptOptions } from '../engine';
import { BUSINESS_PRESET_STYLES } from './presets';
import { uniqueTerms } from '../../../../shared/terms';

export const MOOD_TOKENS: Readonly<Record<BusinessMood, ReadonlyArray<string>>> = {
  professional: ['professional', 'trustworthy', 'confident'],
  playful: ['playful', 'energetic', 'lively colours'],
  bold: ['bold', 'impactful', 'strong statement'],
  minimal: ['understated', 'refined', 'quiet confidence'],
  luxury: ['luxury', 'premium', 'elegant', 'sophisticated'],
  technical: ['technical precision', 'systematic', 'structured'],
};

/** What the tool makes; the first entry is the one the compact form keeps. */
export const TOOL_TOKENS: Readonly<Record<BusinessTool, ReadonlyArray<string>>> = {
  logo: ['logo mark', 'single distinctive symbol', 'centered', 'scalable vector-style mark', 'brand identity design'],
  'brand-kit': ['brand identity asset', 'built around one distinctive brand mark', 'cohesive brand system'],
  slide: ['presentation slide background', 'full bleed', 'uncluttered layout'],
  social: ['social media graphic', 'eye-catching marketing visual', 'strong focal point'],
  'web-hero': ['website hero background', 'full bleed', 'atmospheric depth', 'wide layout'],
};

/** Where the composition keeps calm space for a headline laid over it later. */
export const TEXT_ZONE_TOKENS: Readonly<Record<Exclude<BusinessTextZone, 'none'>, string>> = {
  center: 'calm clear area in the centre for a headline, visual interest towards the edges',
  left: 'main visual on the right, left third calm and clear for text',
  right: 'main visual on the left, right third calm and clear for text',
};

/** Tools whose images carry text later; a logo or a kit part has no text zone. */
const TEXT_ZONE_TOOLS: ReadonlySet<BusinessTool> = new Set(['slide', 'social', 'web-hero']);

/** The composition a target shape needs, in words a model follows (it cannot count pixels). */
export function compositionFor(width: number, height: number): string {
  const ratio = width / height;
  if (ratio >= 2.5) return 'ultra-wide banner composition';
  if (ratio > 1.2) return 'landscape composition';
  if (ratio < 0.8) return 'tall vertical composition';
  return 'square composition';
}

export function buildBusinessPrompt(request: BusinessRequest, userPrompt: string, options: PromptOptions): string {
  const style = BUSINESS_PRESET_STYLES[request.preset];
  const tool = TOOL_TOKENS[request.tool];
  const user = userPrompt.trim();
  if (options.compact) {
    // Pollinations puts the prompt in a URL: the words, what it is, and the two strongest style tokens.
    return uniqueTerms([user, tool[0] ?? '', ...style.tokens.slice(0, 2)]).join(', ');
  }
  const target = businessTarget(request);
  const textZone = request.controls.textZone;
  return uniqueTerms([
    user,
    ...tool,
    ...style.tokens,
    ...MOOD_TOKENS[request.controls.mood],
    request.tool === 'logo' ? `isolated on a ${style.logoGround}` : '',
    // A brand kit's parts have different shapes; each slot's mutation names its own.
    request.tool === 'brand-kit' ? '' : compositionFor(target.width, target.height),
    TEXT_ZONE_TOOLS.has(request.tool) && textZone !== 'none' ? TEXT_ZONE_TOKENS[textZone] : '',
    'high quality professional design',
  ]).join(', ');
}
