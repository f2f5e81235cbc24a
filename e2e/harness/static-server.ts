/**
 * Serves the built renderer (out/renderer) the way main's `app://` protocol does — same file
 * resolution, same security headers — plus the bridge script that stands in for the preload.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildContentSecurityPolicy } from '../../electron/core/security/content-security-policy';
import { contentSecurityPolicyForPath } from '../../electron/core/security/preview-frame';
import { mimeTypeFor, resolveStaticFile, securityHeaders } from '../../electron/core/security/static-files';
import { assetResponseHeaders, resolveAssetRequest } from '../../electron/core/assets/asset-file-server';
import { BRIDGE_PATH } from './ws-transport';

export const BRIDGE_SCRIPT_PATH = '/__wokgen_bridge.js';
/** Workspace files, as main's wokgen-asset:// protocol serves them. */
export const ASSETS_PATH = '/__assets/';

export interface StaticServer {
  readonly server: Server;
  readonly origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(
  rendererDir: string,
  bridgeScriptFile: string,
  folderOf: (workspaceId: string) => string | undefined,
): Promise<StaticServer> {
  let origin = '';
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin);
      const wsOrigin = origin.replace(/^http/, 'ws');
      const headers = securityHeaders(contentSecurityPolicyForPath(url.pathname, buildContentSecurityPolicy({ connectSrc: [wsOrigin] })));
      if (url.pathname === BRIDGE_SCRIPT_PATH) {
        response.writeHead(200, { 'Content-Type': mimeTypeFor('x.js'), ...headers });
        response.end(await readFile(bridgeScriptFile));
        return;
      }
      if (url.pathname.startsWith(ASSETS_PATH)) {
        const asset = resolveAssetRequest(url.pathname.slice(ASSETS_PATH.length), folderOf);
        if (!asset) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, assetResponseHeaders(asset.mime));
        response.end(await readFile(asset.file));
        return;
      }
      const file = resolveStaticFile(rendererDir, url.pathname);
      if (!file) {
        response.writeHead(403).end();
        return;
      }
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        response.writeHead(404).end();
        return;
      }
      if (file.endsWith('index.html')) {
        // The bridge must define window.wokgen before the app's (deferred) module runs.
        const injected =
          `<meta name="wokgen-bridge" content="${wsOrigin}${BRIDGE_PATH}">` +
          `<meta name="wokgen-asset-base" content="${origin}${ASSETS_PATH}">` +
          `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
        body = Buffer.from(body.toString('utf8').replace('<head>', `<head>${injected}`));
      }
      response.writeHead(200, { 'Content-Type': mimeTypeFor(file), 'Cache-Control': 'no-store', ...headers });
      response.end(body);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
