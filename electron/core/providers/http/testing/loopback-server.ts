/**
 * The base of every provider's loopback test server: an HTTP server on 127.0.0.1 with a route
 * table, a request log, and faults tests queue up (answer the next N requests with a status
 * and body, an HTML error page, or never answer at all). Each provider's `test-server.ts` adds
 * its API's routes and error shapes on top.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Path parameters captured by the route's pattern. */
  readonly params: ReadonlyArray<string>;
}

export type RouteHandler = (request: LoopbackRequest, response: ServerResponse) => void | Promise<void>;

export type Fault =
  | { readonly type: 'status'; readonly status: number; readonly json?: unknown; readonly text?: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly type: 'html'; readonly status: number }
  /** Accept the request and never answer (a hung connection). */
  | { readonly type: 'hang' };

interface QueuedFault {
  remaining: number;
  readonly fault: Fault;
  /** Only requests whose path matches (default: every route). */
  readonly match: RegExp | null;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: RouteHandler;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export const HTML_ERROR_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendBytes(response: ServerResponse, status: number, bytes: Uint8Array, contentType: string, options: { readonly chunked?: boolean } = {}): void {
  response.writeHead(status, { 'content-type': contentType, ...(options.chunked ? {} : { 'content-length': bytes.byteLength }) });
  response.end(bytes);
}

export class LoopbackServer {
  readonly requests: LoggedRequest[] = [];
  /** Added before every answer (simulates a slow network). */
  latencyMs = 0;
  private readonly routes: Route[] = [];
  private readonly faults: QueuedFault[] = [];
  private readonly hung = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<LoopbackServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const instance = new LoopbackServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => void instance.handle(request.method ?? 'GET', request.url ?? '/', request.headers, Buffer.concat(chunks), response));
    });
    return instance;
  }

  /** Adds a route; `pattern` is matched against the whole path, its groups become `params`. */
  route(method: string, pattern: string | RegExp, handler: RouteHandler): this {
    const regex = typeof pattern === 'string' ? new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : pattern;
    this.routes.unshift({ method: method.toUpperCase(), pattern: regex, handler });
    return this;
  }

  /** The next `count` requests (matching `match`, if given) get `fault` instead of the route. */
  failNext(count: number, fault: Fault, match?: RegExp): this {
    this.faults.push({ remaining: count, fault, match: match ?? null });
    return this;
  }

  /** Every request (matching `match`) gets `fault` until `recover()`. */
  failAlways(fault: Fault, match?: RegExp): this {
    return this.failNext(Number.POSITIVE_INFINITY, fault, match);
  }

  /** Drops every queued fault and releases hung connections. */
  recover(): this {
    this.faults.length = 0;
    this.latencyMs = 0;
    for (const response of this.hung) response.destroy();
    this.hung.clear();
    return this;
  }

  /** Requests made to paths matching `pattern`. */
  requestsTo(pattern: RegExp, method?: string): LoggedRequest[] {
    return this.requests.filter((r) => pattern.test(r.path) && (method === undefined || r.method === method.toUpperCase()));
  }

  async close(): Promise<void> {
    for (const response of this.hung) response.destroy();
    this.hung.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(method: string, rawUrl: string, headers: IncomingHttpHeaders, body: Buffer, response: ServerResponse): Promise<void> {
    const url = new URL(rawUrl, 'http://loopback');
    this.requests.push({ method, path: url.pathname, headers, body });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const queued = this.faults.find((f) => f.remaining > 0 && (f.match === null || f.match.test(url.pathname)));
    if (queued) {
      queued.remaining -= 1;
      return this.applyFault(queued.fault, response);
    }
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      try {
        await route.handler({ method, path: url.pathname, query: url.searchParams, headers, body, params: match.slice(1).map((p) => decodeURIComponent(p ?? '')) }, response);
      } catch (error) {
        if (!response.headersSent) sendJson(response, 500, { error: `test server route failed: ${error instanceof Error ? error.message : String(error)}` });
      }
      return;
    }
    sendJson(response, 404, { error: `no route for ${method} ${url.pathname}` });
  }

  private applyFault(fault: Fault, response: ServerResponse): void {
    switch (fault.type) {
      case 'hang':
        this.hung.add(response);
        response.on('close', () => this.hung.delete(response));
        return;
      case 'html':
        response.writeHead(fault.status, { 'content-type': 'text/html; charset=utf-8' });
        response.end(HTML_ERROR_PAGE);
        return;
      case 'status':
        if (fault.text !== undefined) {
          response.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
          response.end(fault.text);
        } else {
          sendJson(response, fault.status, fault.json ?? {}, fault.headers);
        }
        return;
    }
  }
}

/** The `Authorization` header's credential after `scheme` (Bearer, Key), or null. */
export function credential(headers: IncomingHttpHeaders, scheme: string): string | null {
  const value = headers.authorization;
  if (typeof value !== 'string') return null;
  const prefix = `${scheme} `;
  return value.startsWith(prefix) ? value.slice(prefix.length) : null;
}

/** The request body as JSON, or undefined when it is not JSON. */
export function jsonBody(request: LoopbackRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    return undefined;
  }
}
