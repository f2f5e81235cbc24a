/**
 * The five modes, declared once as data.
 *
 * Every layer reads this contract: the core's mode engines implement it, the renderer's
 * studios present it, and nothing else decides which modes exist. Facts come from the seed
 * (WokSpec/WokGen apps/web/src/lib/modes/*.ts at d9f88d7); desktop differences are noted.
 */
export const MODE_IDS = ['pixel', 'business', 'uiux', 'vector', 'emoji'] as const;
export type ModeId = (typeof MODE_IDS)[number];

export type OutputType = 'image' | 'gif' | 'svg' | 'code' | 'pack';
export type ExportFormat = 'png' | 'gif' | 'svg' | 'tsx' | 'html' | 'css' | 'zip' | 'wokpack';
/** The desktop studio ships every mode live; the seed still had vector and emoji "coming soon". */
export type ModeStatus = 'live' | 'beta';

export interface ModeContract {
  readonly id: ModeId;
  readonly name: string;
  readonly shortName: string;
  readonly tagline: string;
  readonly description: string;
  readonly targetAudience: string;
  readonly outputTypes: ReadonlyArray<OutputType>;
  readonly exportFormats: ReadonlyArray<ExportFormat>;
  readonly status: ModeStatus;
  readonly studioPath: `/${ModeId}/studio`;
  /** Accent colour of the mode's studio (hex); the design system derives tints from it. */
  readonly accent: `#${string}`;
  /** Keyboard shortcut digit for the mode switcher (Ctrl/Cmd + digit). */
  readonly shortcutDigit: 1 | 2 | 3 | 4 | 5;
}

export const MODES: Readonly<Record<ModeId, ModeContract>> = {
  pixel: {
    id: 'pixel',
    name: 'Pixel',
    shortName: 'Pixel',
    tagline: 'For game developers',
    description: 'Sprites, tiles, items, animations and scenes in crisp pixel art.',
    targetAudience: 'Game developers and pixel artists',
    outputTypes: ['image', 'gif', 'pack'],
    exportFormats: ['png', 'gif', 'zip', 'wokpack'],
    status: 'live',
    studioPath: '/pixel/studio',
    accent: '#a78bfa',
    shortcutDigit: 1,
  },
  business: {
    id: 'business',
    name: 'Business',
    shortName: 'Business',
    tagline: 'For brands and teams',
    description: 'Logos, brand kits, slides, social and web hero images.',
    targetAudience: 'Founders, marketers and brand designers',
    outputTypes: ['image', 'pack'],
    exportFormats: ['png', 'zip', 'wokpack'],
    status: 'live',
    studioPath: '/business/studio',
    accent: '#60a5fa',
    shortcutDigit: 2,
  },
  uiux: {
    id: 'uiux',
    name: 'UI/UX',
    shortName: 'UI/UX',
    tagline: 'For product teams',
    description: 'UI sections, components and pages generated as code you can ship.',
    targetAudience: 'Product designers and front-end engineers',
    outputTypes: ['code', 'pack'],
    exportFormats: ['tsx', 'html', 'css', 'zip', 'wokpack'],
    status: 'live',
    studioPath: '/uiux/studio',
    accent: '#f472b6',
    shortcutDigit: 3,
  },
  vector: {
    id: 'vector',
    name: 'Vector',
    shortName: 'Vector',
    tagline: 'For design systems',
    description: 'SVG icons and illustrations in consistent stroke and fill styles.',
    targetAudience: 'Design-system teams and icon designers',
    outputTypes: ['svg', 'image', 'pack'],
    exportFormats: ['svg', 'png', 'zip', 'wokpack'],
    status: 'live',
    studioPath: '/vector/studio',
    accent: '#34d399',
    shortcutDigit: 4,
  },
  emoji: {
    id: 'emoji',
    name: 'Emoji',
    shortName: 'Emoji',
    tagline: 'For platforms and apps',
    description: 'Emoji, reactions and sticker packs sized for Slack, Discord and apps.',
    targetAudience: 'Community managers and app teams',
    outputTypes: ['image', 'pack'],
    exportFormats: ['png', 'zip', 'wokpack'],
    status: 'live',
    studioPath: '/emoji/studio',
    accent: '#fb923c',
    shortcutDigit: 5,
  },
};

export function isModeId(value: unknown): value is ModeId {
  return typeof value === 'string' && (MODE_IDS as ReadonlyArray<string>).includes(value);
}
