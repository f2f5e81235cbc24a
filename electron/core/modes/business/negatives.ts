/**
 * The Business negative bank: global, then tool, then preset, de-duplicated case-insensitively.
 * The pipeline puts the user's own negative terms in front (assembleNegatives).
 */
import type { BusinessRequest, BusinessTool } from '../../../../shared/mode-specs/business';
import { BUSINESS_PRESET_STYLES } from './presets';
import { uniqueTerms } from '../../../../shared/terms';

/** The seed's BUSINESS_NEGATIVES (lib/negative-banks.ts at d9f88d7), in its order. */
export const BUSINESS_NEGATIVES: ReadonlyArray<string> = [
  'pixel art',
  'pixelated',
  'low resolution',
  'crude drawing',
  'childish',
  'cartoonish',
  'watermark',
  'text overlay',
  'dark background',
  'horror elements',
  'blurry',
  'noise',
  'jpeg artifacts',
  'low quality',
  'amateurish',
];

/** The seed skipped tool banks for Business; each tool has failure modes of its own. */
export const BUSINESS_TOOL_NEGATIVES: Readonly<Record<BusinessTool, ReadonlyArray<string>>> = {
  logo: ['multiple logos', 'busy background', 'complex scene', 'mockup', 'photograph', 'gibberish text', 'tiny details'],
  'brand-kit': ['inconsistent style', 'clashing colours', 'multiple unrelated logos', 'gibberish text'],
  slide: ['gibberish text', 'charts with fake data', 'people', 'UI elements', 'busy pattern'],
  social: ['watermark', 'gibberish text', 'other brands logos', 'copyright notice', 'cluttered layout'],
  'web-hero': ['UI elements', 'navigation bar', 'buttons', 'gibberish text', 'cluttered foreground'],
};

export function businessNegativeBank(request: BusinessRequest): string[] {
  const style = BUSINESS_PRESET_STYLES[request.preset];
  const lifted = new Set(style.lifts.map((term) => term.toLowerCase()));
  const global = BUSINESS_NEGATIVES.filter((term) => !lifted.has(term.toLowerCase()));
  return uniqueTerms([...global, ...BUSINESS_TOOL_NEGATIVES[request.tool], ...style.negTokens]);
}
