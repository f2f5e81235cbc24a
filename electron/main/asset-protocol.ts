/**
 * `wokgen-asset://workspace/<workspaceId>/<path>`: how the renderer shows workspace files
 * (thumbnails, assets) without file:// access (Electron security checklist #18). Only files
 * inside a workspace the library knows are served (core's `resolveAssetRequest`).
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { assetResponseHeaders, resolveAssetRequest } from '../core/assets/asset-file-server';

export const ASSET_SCHEME = 'wokgen-asset';

/** Must run before `app.ready`, together with the app scheme. */
export const ASSET_SCHEME_PRIVILEGES = { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } } as const;

export function serveWorkspaceAssets(folderOf: (workspaceId: string) => string | undefined): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'workspace') return new Response('Not found', { status: 404 });
    const asset = resolveAssetRequest(url.pathname, folderOf);
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(asset.file), { status: 200, headers: assetResponseHeaders(asset.mime) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
