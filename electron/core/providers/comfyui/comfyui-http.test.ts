/**
 * Body limits of the ComfyUI HTTP layer: a JSON answer or an error page that is too big (or
 * never ends) is cut off, never read whole into main's memory (security review: unbounded reads).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ComfyHttp, MAX_JSON_BYTES } from './comfyui-http';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<ComfyHttp> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return new ComfyHttp({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

/** Writes 64 KB chunks until the client goes away: a body without end. */
function endless(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

describe('ComfyHttp body limits', () => {
  it('refuses a JSON answer that declares more than the limit, before reading it', async () => {
    const http = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_JSON_BYTES + 1) });
      res.write('{"a":');
    });
    await expect(http.json('/object_info')).rejects.toMatchObject({ kind: 'provider_failure', message: /larger than the 64 MB limit/ });
  });

  it('cuts off an error page that never ends and still reports the status', async () => {
    const http = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      endless(res);
    });
    await expect(http.json('/system_stats')).rejects.toMatchObject({ status: 502 });
  });
});
