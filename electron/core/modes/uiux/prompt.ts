/**
 * The UI/UX instruction for a text model. Two forms of the same content:
 *
 * - `buildUiuxMessages` → `{ system, user }` for chat providers with a system role;
 * - `buildUiuxPrompt` → one string (the engine's `buildPrompt`), the user's request first and
 *   the rules after it, so a provider's length cap cuts rules, never the request.
 *
 * The pipeline appends the negative bank as "Avoid: …". The output contract ("only one code
 * block") is what `extractCode` parses.
 */
import {
  FRAMEWORK_LANGUAGE,
  type UiuxComponentType,
  type UiuxFramework,
  type UiuxPreset,
  type UiuxRequest,
  type UiuxTool,
} from '../../../../shared/mode-specs/uiux';
import type { PromptOptions } from '../engine';

export const PREAMBLE =
  'You are a senior front-end engineer and product designer. You write production-quality, ' +
  'self-contained UI code with semantic HTML, consistent spacing and type, and readable contrast.';

export const STYLE_DESCRIPTIONS: Readonly<Record<UiuxPreset, string>> = {
  saas_dark: 'dark SaaS: near-black background (#0f0f10), raised card surfaces (#1a1a1b), indigo/violet accent (#6366f1), subtle 1px borders, soft shadows',
  light_minimal: 'light minimal: white background, light grey surfaces (#f9fafb), thin borders, generous white space, slate text, one indigo accent',
  bold_startup: 'bold startup: vibrant high-contrast colour, big bold headings, large calls to action, energetic consumer-app feel',
  corporate_clean: 'corporate clean: navy and slate palette, tidy grid layouts, formal typography, enterprise-grade restraint',
  dev_terminal: 'developer terminal: near-black background (#0d1117), monospace type, green and cyan accents, code-editor details',
  warm_brand: 'warm brand: warm neutrals with amber/orange accents, friendly rounded type, rounded corners, welcoming tone',
  glassmorphism: 'glassmorphism: frosted translucent panels with backdrop blur over a soft colourful gradient, light borders',
  brutalist: 'brutalist: raw black and white, thick borders, hard offset shadows, heavy type, no-nonsense layout',
};

export const COMPONENT_DESCRIPTIONS: Readonly<Record<UiuxComponentType, string>> = {
  hero: 'hero (headline, subheadline, primary and secondary call to action, optional visual)',
  pricing: 'pricing (plan cards with features and a highlighted recommended plan)',
  navbar: 'navigation bar (logo, links, sign-in and call-to-action buttons, mobile menu)',
  card: 'card (visual, title, description, action)',
  form: 'form (labelled fields, help and error states, submit button)',
  dashboard: 'dashboard (sidebar, stat tiles, a chart placeholder drawn in CSS/SVG, data table)',
  landing: 'landing page (hero, features, social proof, pricing, footer)',
  auth: 'sign-in / sign-up screen (email and password, social sign-in buttons, links)',
  settings: 'settings screen (grouped sections, toggles, inputs, save bar)',
  table: 'data table (sortable headers, row actions, pagination)',
  modal: 'modal dialog (title, body, footer actions, close button)',
  sidebar: 'sidebar navigation (sections, icons, active and hover states)',
  footer: 'footer (link columns, newsletter sign-up, social links, legal line)',
  faq: 'FAQ (expandable questions and answers)',
  testimonials: 'testimonials (quotes with names, roles and avatar initials)',
  features: 'features (icon grid with short titles and descriptions)',
  cta: 'call to action (headline, supporting line, one strong button)',
  custom: 'UI described in the request',
};

export const TOOL_SCOPE: Readonly<Record<UiuxTool, string>> = {
  section: 'one page section, not a whole page',
  component: 'one reusable component, not a page or a section',
  page: 'one complete page made of several sections',
};

/** What each framework's single file must be. */
export const FRAMEWORK_RULES: Readonly<Record<UiuxFramework, ReadonlyArray<string>>> = {
  'html-tailwind': [
    'One complete HTML document, from <!DOCTYPE html> to </html>.',
    'Style with Tailwind CSS utility classes; the preview provides Tailwind, so add no <script> or <link> for it.',
    'Interactivity without JavaScript where possible (details/summary, :hover, :focus-visible, peer and group variants).',
  ],
  'react-tsx': [
    'One .tsx file that default-exports a typed React function component.',
    'Type props with an interface and accept an optional className on the root element.',
    'Style with Tailwind CSS classes; keep sample data inside the file; import nothing but React.',
  ],
  'next-tsx': [
    "One .tsx file for the Next.js App Router that default-exports the component; add 'use client' only if it uses state or effects.",
    'Type props with an interface; use next/link for internal links; draw visuals with CSS or inline SVG, not next/image.',
    'Style with Tailwind CSS classes; keep sample data inside the file; import nothing but React and Next.js.',
  ],
  'vanilla-css': [
    'One complete HTML document, from <!DOCTYPE html> to </html>, with all CSS in a single <style> block in the head.',
    'Use CSS custom properties for every colour, and Grid and Flexbox for layout.',
    'No frameworks and no JavaScript.',
  ],
};

export const FENCE_LANGUAGE: Readonly<Record<UiuxFramework, string>> = {
  'html-tailwind': 'html',
  'react-tsx': 'tsx',
  'next-tsx': 'tsx',
  'vanilla-css': 'html',
};

export function outputRule(framework: UiuxFramework): string {
  return `Return only one code block (\`\`\`${FENCE_LANGUAGE[framework]}) with the complete file, and nothing before or after it.`;
}

function responsiveLine(request: UiuxRequest): string {
  return request.controls.responsive
    ? 'Responsive and mobile-first, with breakpoints at 640px and 1024px; nothing overflows at 320px wide.'
    : 'A desktop layout at least 1024px wide.';
}

function accessibilityLines(request: UiuxRequest): string[] {
  const standard = 'Accessible: semantic landmarks and headings in order, alt text, a label for every field, visible focus styles, WCAG AA contrast.';
  if (request.controls.accessibilityLevel === 'standard') return [standard];
  return [standard, 'Enhanced accessibility: ARIA only where native semantics fall short, full keyboard operation, a skip link on pages, and prefers-reduced-motion respected.'];
}

export interface UiuxMessages {
  readonly system: string;
  readonly user: string;
}

/** The request part: what to build (the user's words first), the style and the options. */
function requestLines(request: UiuxRequest, userPrompt: string): string[] {
  const { controls } = request;
  return [
    `Build: ${userPrompt.trim()}`,
    `What: a ${COMPONENT_DESCRIPTIONS[controls.componentType]}; ${TOOL_SCOPE[request.tool]}.`,
    `Style: ${STYLE_DESCRIPTIONS[request.preset]}.`,
    ...(controls.colourScheme.length > 0 ? [`Colour scheme: ${controls.colourScheme}.`] : []),
    ...(controls.darkMode ? ['Use a dark theme by default.'] : []),
    responsiveLine(request),
    ...accessibilityLines(request),
    `It is previewed ${request.size}px wide.`,
  ];
}

function systemLines(framework: UiuxFramework): string[] {
  return [
    PREAMBLE,
    ...FRAMEWORK_RULES[framework],
    'Use realistic sample content, never lorem ipsum; no remote images, fonts or scripts (draw visuals with CSS or inline SVG, use system font stacks).',
    outputRule(framework),
  ];
}

export function buildUiuxMessages(request: UiuxRequest, userPrompt: string): UiuxMessages {
  return { system: systemLines(request.controls.framework).join('\n'), user: requestLines(request, userPrompt).join('\n') };
}

export function buildUiuxPrompt(request: UiuxRequest, userPrompt: string, options: PromptOptions): string {
  const framework = request.controls.framework;
  if (options.compact) {
    const { controls } = request;
    return [
      `Build: ${userPrompt.trim()}`,
      `A ${controls.componentType === 'custom' ? request.tool : controls.componentType} in the ${request.preset.replace(/_/g, ' ')} style${controls.darkMode ? ', dark theme' : ''}${controls.colourScheme ? `, colours ${controls.colourScheme}` : ''}.`,
      `${FRAMEWORK_LANGUAGE[framework] === 'tsx' ? `A ${framework === 'next-tsx' ? 'Next.js' : 'React'} TSX component` : framework === 'vanilla-css' ? 'An HTML document with plain CSS' : 'An HTML document with Tailwind classes'}${controls.responsive ? ', responsive' : ''}, accessible.`,
      outputRule(framework),
    ].join('\n');
  }
  const { system, user } = buildUiuxMessages(request, userPrompt);
  return `${user}\n\nInstructions:\n${system}`;
}
