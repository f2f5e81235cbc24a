/**
 * The business mode's export formats: PNG, the brand kit, social sizes and a favicon set.
 * Sizes are exact; a logo is fitted whole (contain) unless the user asks to fill and crop.
 */
import sharp from 'sharp';
import { defineExporter, forEachSource, perAssetPath, type AnyExporter, type ExportFile, type ExportSource } from '../../exports/exporter';
import { encodeIco } from './ico';
import { BRAND_KIT_SIZES, SOCIAL_SIZES, decodeRaw, renderAt, type Background, type Fit, type RawImage, type TargetSize } from './export-sizes';

const fitOption = {
  type: 'choice',
  key: 'fit',
  label: 'Fit',
  choices: [
    { value: 'contain', label: 'Whole image (letterbox)' },
    { value: 'cover', label: 'Fill and crop' },
  ],
  default: 'contain',
} as const;

const backgroundOption = (fallback: Background) =>
  ({
    type: 'choice',
    key: 'background',
    label: 'Background',
    choices: [
      { value: 'white', label: 'White' },
      { value: 'black', label: 'Black' },
      { value: 'transparent', label: 'Transparent' },
    ],
    default: fallback,
  }) as const;

async function renderSizes(
  sources: ReadonlyArray<ExportSource>,
  source: ExportSource,
  image: RawImage,
  sizes: ReadonlyArray<TargetSize>,
  fit: Fit,
  background: Background,
): Promise<ExportFile[]> {
  // Sizes render in parallel: sharp works on libuv's thread pool.
  return Promise.all(
    sizes.map(async (target) => ({
      path: perAssetPath(sources, source, target.file),
      bytes: await renderAt(image, target.width, target.height, fit, background),
    })),
  );
}

export const businessPng = defineExporter({
  id: 'png',
  label: 'PNG',
  description: 'Each asset as a PNG at its own size.',
  extension: 'png',
  options: [],
  async export(sources, _options, context) {
    const files = await forEachSource(sources, context, async (source) => {
      const bytes = await source.read();
      const png = source.asset.mime === 'image/png' ? bytes : new Uint8Array(await sharp(bytes).png().toBuffer());
      return { path: `${source.name}.png`, bytes: png };
    });
    return { files, notes: [] };
  },
});

export const businessBrandKit = defineExporter({
  id: 'brand-kit',
  label: 'Brand kit (zip)',
  description: 'Brand icon 512², header 1200×400, social profile 500² and OG image 1200×630.',
  extension: 'zip',
  options: [fitOption, backgroundOption('white')],
  async export(sources, options, context) {
    const groups = await forEachSource(sources, context, async (source) =>
      renderSizes(sources, source, await decodeRaw(await source.read()), BRAND_KIT_SIZES, options.fit as Fit, options.background as Background),
    );
    return { files: groups.flat(), notes: [] };
  },
});

export const businessSocial = defineExporter({
  id: 'social',
  label: 'Social sizes (zip)',
  description: 'Open Graph, X/Twitter header, LinkedIn banner, Instagram square and story sizes.',
  extension: 'zip',
  options: [
    {
      type: 'multi',
      key: 'sizes',
      label: 'Sizes',
      choices: SOCIAL_SIZES.map((target) => ({ value: target.id, label: target.label })),
      default: SOCIAL_SIZES.map((target) => target.id),
    },
    { ...fitOption, default: 'cover' },
    backgroundOption('white'),
  ],
  async export(sources, options, context) {
    const sizes = SOCIAL_SIZES.filter((target) => options.sizes.includes(target.id));
    const groups = await forEachSource(sources, context, async (source) =>
      renderSizes(sources, source, await decodeRaw(await source.read()), sizes, options.fit as Fit, options.background as Background),
    );
    return { files: groups.flat(), notes: [] };
  },
});

/** The `<head>` tags the set is meant for (from the files' own names). */
const FAVICON_TAGS = `<link rel="icon" href="/favicon.ico" sizes="48x48">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<link rel="manifest" href="/site.webmanifest">
`;

function webManifest(name: string): string {
  return `${JSON.stringify(
    {
      name,
      short_name: name.slice(0, 12),
      icons: [
        { src: '/android-chrome-192x192.png', sizes: '192x192', type: 'image/png' },
        { src: '/android-chrome-512x512.png', sizes: '512x512', type: 'image/png' },
      ],
      theme_color: '#ffffff',
      background_color: '#ffffff',
      display: 'standalone',
    },
    null,
    2,
  )}\n`;
}

export const businessFavicon = defineExporter({
  id: 'favicon',
  label: 'Favicon set (zip)',
  description: 'favicon.ico (16/32/48), apple-touch-icon 180, 192/512 PNGs and site.webmanifest.',
  extension: 'zip',
  options: [
    { type: 'text', key: 'appName', label: 'App name in the manifest (empty = workspace name)', maxLength: 45, default: '' },
    { ...backgroundOption('white'), key: 'appleBackground', label: 'Apple touch icon background (iOS shows transparency as black)' },
  ],
  async export(sources, options, context) {
    const name = options.appName || context.workspaceName;
    const groups = await forEachSource(sources, context, async (source) => {
      const image = await decodeRaw(await source.read());
      const at = (edge: number, background: Background = 'transparent') => renderAt(image, edge, edge, 'contain', background);
      const [p16, p32, p48, apple, p192, p512] = await Promise.all([at(16), at(32), at(48), at(180, options.appleBackground as Background), at(192), at(512)]);
      const file = (path: string, bytes: Uint8Array): ExportFile => ({ path: perAssetPath(sources, source, path), bytes });
      return [
        file('favicon.ico', encodeIco([{ size: 16, png: p16 }, { size: 32, png: p32 }, { size: 48, png: p48 }])),
        file('apple-touch-icon.png', apple),
        file('android-chrome-192x192.png', p192),
        file('android-chrome-512x512.png', p512),
        file('site.webmanifest', new TextEncoder().encode(webManifest(name))),
        file('favicon-tags.html', new TextEncoder().encode(FAVICON_TAGS)),
      ];
    });
    return { files: groups.flat(), notes: [] };
  },
});

export const BUSINESS_EXPORTERS: ReadonlyArray<AnyExporter> = [businessPng, businessBrandKit, businessSocial, businessFavicon];
