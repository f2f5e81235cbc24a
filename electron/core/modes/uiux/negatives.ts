/**
 * Things to keep out of generated UI code, as a bank in priority order: mode-wide, framework,
 * tool, style. The pipeline prefixes the user's own terms and passes them as "Avoid: …".
 * Terms hold no commas (the pipeline splits negatives on them).
 */
import type { UiuxFramework, UiuxPreset, UiuxRequest, UiuxTool } from '../../../../shared/mode-specs/uiux';
import { uniqueTerms } from '../../../../shared/terms';

export const GLOBAL_NEGATIVES: ReadonlyArray<string> = [
  'inline event handler attributes',
  'external scripts',
  'CDN links',
  'remote images',
  'remote fonts',
  'tracking or analytics code',
  'lorem ipsum',
  'TODO placeholders',
  'deprecated HTML tags',
  'layout tables',
  'fixed heights that clip content',
  'low-contrast text',
  'divs used as buttons',
  '!important overrides',
];

export const FRAMEWORK_NEGATIVES: Readonly<Record<UiuxFramework, ReadonlyArray<string>>> = {
  'html-tailwind': ['custom CSS where a Tailwind class exists', 'script tags'],
  'react-tsx': ['class attributes instead of className', 'the any type', 'external component libraries', 'dangerouslySetInnerHTML'],
  'next-tsx': ['Pages Router APIs', 'next/image with remote sources', 'use client without state or effects', 'dangerouslySetInnerHTML'],
  'vanilla-css': ['CSS frameworks', 'Tailwind classes', 'JavaScript', 'inline style attributes'],
};

export const TOOL_NEGATIVES: Readonly<Record<UiuxTool, ReadonlyArray<string>>> = {
  section: ['a whole page with its own header and footer', 'global CSS resets'],
  component: ['page-level layout', 'global styles', 'unrelated sections'],
  page: ['missing landmarks', 'more than one h1', 'unrelated filler sections'],
};

export const PRESET_NEGATIVES: Readonly<Record<UiuxPreset, ReadonlyArray<string>>> = {
  saas_dark: ['pure black backgrounds', 'harsh neon colours'],
  light_minimal: ['heavy shadows', 'saturated gradients', 'visual clutter'],
  bold_startup: ['muted grey-only palette', 'small timid buttons'],
  corporate_clean: ['playful fonts', 'neon colours', 'emoji'],
  dev_terminal: ['serif fonts', 'pastel colours', 'bubbly rounded shapes'],
  warm_brand: ['cold blue-grey palette', 'hard sharp corners'],
  glassmorphism: ['flat opaque cards', 'solid backgrounds without blur'],
  brutalist: ['soft shadows', 'gradients', 'rounded corners'],
};

/** Concatenates banks in order, keeping the first spelling of each term (case-insensitive). */
export function assembleBank(...banks: ReadonlyArray<ReadonlyArray<string>>): string[] {
  return uniqueTerms(banks.flat());
}

export function uiuxNegativeBank(request: UiuxRequest): string[] {
  return assembleBank(GLOBAL_NEGATIVES, FRAMEWORK_NEGATIVES[request.controls.framework], TOOL_NEGATIVES[request.tool], PRESET_NEGATIVES[request.preset]);
}
