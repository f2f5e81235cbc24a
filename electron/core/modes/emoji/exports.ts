/**
 * The emoji mode's export formats: PNG at the standard emoji sizes, Slack and Discord packs
 * that are guaranteed to meet each platform's limits, and a zip of every size.
 */
import sharp from 'sharp';
import { AppFailure } from '../../../../shared/errors';
import { defineExporter, forEachSource, type AnyExporter, type ExportContext, type ExportFile, type ExportSource } from '../../exports/exporter';
import { DISCORD_PACK, SLACK_PACK, fitUnderLimit, type PlatformPack } from './export-limits';

const EMOJI_SIZES = ['16', '32', '64', '128', '256'] as const;

async function pngAt(bytes: Uint8Array, edge: number): Promise<Uint8Array> {
  const buffer = await sharp(bytes)
    .resize(edge, edge, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 }, kernel: 'lanczos3' })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

async function sizedFiles(sources: ReadonlyArray<ExportSource>, sizes: ReadonlyArray<string>, context: ExportContext): Promise<ExportFile[]> {
  const groups = await forEachSource(sources, context, async (source) => {
    const bytes = await source.read();
    return Promise.all(sizes.map(async (size) => ({ path: `${size}/${source.name}.png`, bytes: await pngAt(bytes, Number(size)) })));
  });
  return groups.flat();
}

/** Emoji names on both platforms: lower-case letters, digits, `_` and `-` — our names already are. */
async function platformPack(sources: ReadonlyArray<ExportSource>, pack: PlatformPack, context: ExportContext) {
  const quantised: string[] = [];
  const tooBig: string[] = [];
  const files = await forEachSource(sources, context, async (source) => {
    const fitted = await fitUnderLimit(await source.read(), pack.edge, pack.maxBytes);
    if (fitted === null) {
      tooBig.push(source.name);
      return null;
    }
    if (fitted.colours !== null) quantised.push(`${source.name} (${fitted.colours} colours)`);
    return { path: `${source.name}.png`, bytes: fitted.bytes };
  });
  if (tooBig.length > 0) {
    throw new AppFailure(
      'invalid_input',
      `${tooBig.join(', ')} cannot be made smaller than ${pack.name}'s ${pack.maxBytes / 1024} KB limit, even with 16 colours. Leave ${tooBig.length === 1 ? 'it' : 'them'} out of the selection and export again.`,
      'assets',
    );
  }
  const notes = [`Every emoji is ${pack.edge}×${pack.edge} and at most ${pack.maxBytes / 1024} KB, as ${pack.name} requires.`];
  if (quantised.length > 0) notes.push(`Re-quantised to fit the limit: ${quantised.join(', ')}.`);
  return { files: files.filter((file): file is ExportFile => file !== null), notes };
}

export const emojiPng = defineExporter({
  id: 'png',
  label: 'PNG sizes',
  description: 'Each emoji as PNG at 16, 32, 64, 128 and 256 px (transparent, square).',
  // One emoji at one size is saved as the PNG itself; more are zipped.
  extension: 'png',
  options: [{ type: 'multi', key: 'sizes', label: 'Sizes', choices: EMOJI_SIZES.map((size) => ({ value: size, label: `${size} px` })), default: ['128'] }],
  async export(sources, options, context) {
    const files = await sizedFiles(sources, options.sizes, context);
    // A single file needs no folder.
    return { files: files.length === 1 ? files.map((file) => ({ ...file, path: file.path.split('/').pop() ?? file.path })) : files, notes: [] };
  },
});

/** One exporter per platform pack; the limits come from the pack. */
function platformExporter(pack: PlatformPack, description: string) {
  return defineExporter({
    id: pack.id,
    label: `${pack.name} pack (zip)`,
    description,
    extension: 'zip',
    options: [],
    export: (sources, _options, context) => platformPack(sources, pack, context),
  });
}

export const emojiSlack = platformExporter(SLACK_PACK, '128×128 PNGs, each under 128 KB, named for Slack’s custom emoji upload.');
export const emojiDiscord = platformExporter(DISCORD_PACK, '128×128 PNGs, each at most 256 KB, for a Discord server’s emoji.');

export const emojiZip = defineExporter({
  id: 'zip',
  label: 'Zip of all sizes',
  description: 'Every emoji at 16, 32, 64, 128 and 256 px, one folder per size.',
  extension: 'zip',
  options: [],
  async export(sources, _options, context) {
    return { files: await sizedFiles(sources, EMOJI_SIZES, context), notes: [] };
  },
});

export const EMOJI_EXPORTERS: ReadonlyArray<AnyExporter> = [emojiPng, emojiSlack, emojiDiscord, emojiZip];
