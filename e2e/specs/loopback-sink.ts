/**
 * A loopback server that generated code in the UI/UX preview tries to reach (fetch, remote
 * images): the sandbox specs assert it was never asked anything.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackSink {
  /** Where the code is told to send what it steals. */
  readonly url: string;
  /** Requests the server received. */
  hits(): number;
  close(): Promise<void>;
}

export async function startLoopbackSink(): Promise<LoopbackSink> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    // Permissive CORS: if a request ever got out, nothing but the sandbox would stop it.
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/steal`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
