/**
 * Which file an asset URL may read: only a file inside a workspace the library knows, resolved
 * with symlinks followed (`resolveInside`), and only the formats the gallery shows. Main's
 * `wokgen-asset://` protocol and the end-to-end harness's HTTP route both ask this function,
 * so neither can be talked into serving anything else.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { resolveInside } from '../fs/path-containment';

const SERVABLE: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

export interface ServableAsset {
  readonly file: string;
  readonly mime: string;
}

/** Parses `<workspaceId>/<encoded segments…>` (the path after the base) and resolves it. */
export function resolveAssetRequest(path: string, folderOf: (workspaceId: string) => string | undefined): ServableAsset | null {
  let segments: string[];
  try {
    segments = path.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  } catch {
    return null;
  }
  const [workspaceId, ...rest] = segments;
  if (!workspaceId || rest.length === 0 || rest.some((s) => s === '..' || s.includes('\u0000') || s.includes('\\'))) return null;
  const folder = folderOf(workspaceId);
  if (!folder) return null;
  const mime = SERVABLE[extname(rest[rest.length - 1] ?? '').toLowerCase()];
  if (!mime) return null;
  try {
    const file = resolveInside(folder, rest.join('/'));
    return statSync(file).isFile() ? { file, mime } : null;
  } catch {
    return null;
  }
}

/**
 * Headers for served assets. SVGs are generated content: a sandboxing CSP keeps any script
 * that slipped past the sanitiser inert even if the file is opened directly.
 */
export function assetResponseHeaders(mime: string): Record<string, string> {
  return {
    'Content-Type': mime,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ...(mime === 'image/svg+xml' ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" } : {}),
  };
}
