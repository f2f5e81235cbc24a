/**
 * Export as `.wokpack`: the selected assets' files as they are in the workspace (our metadata
 * inside each) and a manifest listing them with their library metadata and source mode.
 * Offered by every mode; it is the only way assets cross from one mode to another.
 */
import { createHash } from 'node:crypto';
import { AppFailure } from '../../../../shared/errors';
import type { ModeId } from '../../../../shared/modes';
import { defineExporter, forEachSource, type AnyExporter } from '../exporter';
import { zipFiles } from '../zip';
import { MANIFEST_FILE, PACK_FILE_PATTERN, WOKPACK_EXTENSION, WOKPACK_FORMAT_VERSION, type PackAsset, type WokpackManifest } from './manifest';

function extensionOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1).toLowerCase();
}

export function wokpackExporter(mode: ModeId): AnyExporter {
  return defineExporter({
    id: 'wokpack',
    label: 'WokGen pack (.wokpack)',
    description: 'The assets with their metadata, to import into another workspace — of any mode.',
    extension: WOKPACK_EXTENSION,
    options: [],
    async export(sources, _options, context) {
      const entries = await forEachSource(sources, context, async (source, index) => {
        const bytes = await source.read();
        const { asset } = source;
        const file = `assets/${index + 1}-${source.name}.${extensionOf(asset.relativePath)}`;
        if (!PACK_FILE_PATTERN.test(file)) {
          throw new AppFailure('invalid_input', `${source.name} is a .${extensionOf(asset.relativePath)} file; a .wokpack carries PNG, SVG and code assets.`, 'assets');
        }
        const record: PackAsset = {
          id: asset.id,
          sourceMode: mode,
          kind: asset.kind,
          file,
          mime: asset.mime,
          width: asset.width,
          height: asset.height,
          bytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          createdAt: asset.createdAt,
          starred: asset.starred,
          metadata: asset.metadata,
        };
        return { record, file: { path: file, bytes } };
      });
      const manifest: WokpackManifest = {
        formatVersion: WOKPACK_FORMAT_VERSION,
        app: 'wokgen-studio',
        exportedAt: context.now,
        source: { workspaceName: context.workspaceName, mode },
        assets: entries.map((entry) => entry.record),
      };
      const pack = zipFiles(
        [{ path: MANIFEST_FILE, bytes: new TextEncoder().encode(JSON.stringify(manifest, null, 2)) }, ...entries.map((entry) => entry.file)],
        context.now,
      );
      return { files: [{ path: `pack.${WOKPACK_EXTENSION}`, bytes: pack }], notes: [] };
    },
  });
}
