/**
 * The packaged renderer is served from `app://studio/`, not `file://` (Electron security
 * checklist #18, "Avoid usage of the file:// protocol and prefer usage of custom protocols"):
 * a real origin to check IPC senders against, and a place to attach the CSP header.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { ASSET_SCHEME_PRIVILEGES } from './asset-protocol';
import { buildContentSecurityPolicy } from '../core/security/content-security-policy';
import { contentSecurityPolicyForPath } from '../core/security/preview-frame';
import { mimeTypeFor, resolveStaticFile, securityHeaders } from '../core/security/static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://studio`;

/** Must run before `app.ready`: a standard, secure scheme gets an origin, fetch and storage. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ASSET_SCHEME_PRIVILEGES,
  ]);
}

export function serveRendererOverAppProtocol(rendererDir: string): void {
  const csp = buildContentSecurityPolicy();
  const headers = securityHeaders(csp);
  const refuse = (status: 403 | 404) => new Response(status === 403 ? 'Forbidden' : 'Not found', { status, headers });
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'studio') return refuse(404);
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return refuse(403);
    try {
      const body = await readFile(file);
      const fileHeaders = securityHeaders(contentSecurityPolicyForPath(url.pathname, csp));
      return new Response(body, { status: 200, headers: { 'Content-Type': mimeTypeFor(file), ...fileHeaders } });
    } catch {
      return refuse(404);
    }
  });
}
