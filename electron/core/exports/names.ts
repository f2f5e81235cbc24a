/**
 * Names for exported files. Built from words we control (a slug of the prompt's first phrase,
 * the workspace name) reduced to `[a-z0-9-]`, so no prompt can smuggle a path, a reserved
 * Windows name or an odd character into a zip entry or a saved file.
 */
import type { Asset } from '../../../shared/library';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** `"A Brave Knight, pixel art"` → `a-brave-knight`; empty when nothing usable is left. */
export function slugify(text: string, maxLength = 32): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return WINDOWS_RESERVED.test(slug) ? `${slug}-file` : slug;
}

/** The user's words come first in every mode's prompt; the first phrase names the asset. */
function assetWords(asset: Asset): string {
  const prompt = asset.metadata['prompt'];
  return typeof prompt === 'string' ? (prompt.split(/[,.;\n]/)[0] ?? '') : '';
}

/** One unique base name per asset, in order: `knight`, `knight-2`, `asset-3`… */
export function exportNames(assets: ReadonlyArray<Asset>): string[] {
  const used = new Map<string, number>();
  return assets.map((asset, index) => {
    const base = slugify(assetWords(asset), 24) || `asset-${index + 1}`;
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    return seen === 1 ? base : `${base}-${seen}`;
  });
}

/** `brand-kit` + `my-shop` + date → `my-shop-brand-kit-20260125-1410` (UTC, sorts by time). */
export function exportFileBase(workspaceName: string, formatId: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
  return [slugify(workspaceName, 40) || 'wokgen', formatId, stamp].join('-');
}

/** `name.ext`, then `name (2).ext`, `name (3).ext`…: the candidates for a free file name. */
export function numberedName(fileName: string, attempt: number): string {
  if (attempt <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)} (${attempt})${fileName.slice(dot)}` : `${fileName} (${attempt})`;
}
