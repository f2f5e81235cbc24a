/**
 * Zip files with fflate (pure JS, no native build, ~8 kB, maintained; sync and streaming APIs,
 * and its unzip filter sees each entry's declared sizes before inflating, which the
 * `.wokpack` importer needs to refuse oversized entries without allocating them).
 *
 * Images are already compressed (PNG, GIF, WebP), so they are stored (level 0): deflating
 * them again costs time and gains nothing. Text (JSON, SVG, code, palettes) is deflated.
 */
import { zipSync, type Zippable } from 'fflate';
import type { ExportFile } from './exporter';

const STORED_EXTENSIONS = new Set(['png', 'gif', 'webp', 'jpg', 'jpeg', 'ico', 'zip', 'wokpack']);

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

/** Zip entry names are ours (`[a-z0-9-./]`); a duplicate or unsafe one is a bug, not input. */
function assertEntryName(path: string, seen: Set<string>): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._ ()-]*(\/[A-Za-z0-9][A-Za-z0-9._ ()-]*)*$/.test(path) || path.split('/').includes('..')) {
    throw new Error(`Refusing to write the zip entry "${path}".`);
  }
  if (seen.has(path)) throw new Error(`Two export files are both named "${path}".`);
  seen.add(path);
}

export function zipFiles(files: ReadonlyArray<ExportFile>, mtime: number = Date.now()): Uint8Array {
  const entries: Zippable = {};
  const seen = new Set<string>();
  for (const file of files) {
    assertEntryName(file.path, seen);
    entries[file.path] = [file.bytes, { level: STORED_EXTENSIONS.has(extensionOf(file.path)) ? 0 : 6, mtime }];
  }
  return zipSync(entries);
}
