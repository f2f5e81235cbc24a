/**
 * Serving the built renderer from a folder: used by main's `app://` protocol and by the
 * end-to-end harness's HTTP server, so both resolve, contain and type files the same way.
 */
import { extname, join } from 'node:path';
import { isPathInside } from '../fs/path-containment';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`. Paths without an extension are client-side
 * routes (`/pixel/studio`) and get `index.html`. Returns null for anything outside `root`.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\u0000')) return null;
  const relative = decoded.replace(/^\/+/, '');
  const isRoute = relative === '' || extname(relative) === '';
  const file = isRoute ? join(root, 'index.html') : join(root, relative);
  return isPathInside(file, root) ? file : null;
}

/** Headers every renderer response carries (CSP, no MIME sniffing, no referrer). */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
