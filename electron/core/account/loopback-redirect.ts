/**
 * The loopback redirect of OAuth for native apps (RFC 8252 §7.3): listen on 127.0.0.1 (the IP
 * literal, not `localhost`, §8.3) on a port the OS picks, accept exactly one redirect to our
 * path, answer it with a small page the user can close, and stop listening. A redirect with our
 * state but an `error=` or no code ends the attempt with a clear reason — and still closes.
 * A request with a wrong or missing state is answered 400 and ignored: any local program can
 * call this port, and must not be able to end (or race) the real sign-in (security review
 * item 8); the attempt keeps waiting until its timeout.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sameSecret } from './pkce';
import { SignInError } from './sign-in-error';

export const REDIRECT_PATH = '/oauth/callback';

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/oauth/callback`, registered with the authorization request. */
  readonly redirectUri: string;
  /** The authorization code, once the browser comes back with the right state. */
  readonly code: Promise<string>;
  /** Stops listening (idempotent); a pending `code` rejects as cancelled. */
  close(): void;
}

export interface LoopbackOptions {
  readonly state: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

const PAGE = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font:16px system-ui;margin:3em"><h1>${title}</h1><p>${body}</p></body></html>`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startLoopbackRedirect(options: LoopbackOptions): Promise<LoopbackRedirect> {
  let settle: { resolve: (code: string) => void; reject: (error: SignInError) => void } | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A rejection nobody awaits yet (the caller awaits later) must not crash the process.
  code.catch(() => undefined);
  let done = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (done || req.method !== 'GET' || url.pathname !== REDIRECT_PATH) {
      // Favicon requests, scanners: not the redirect, and not a reason to stop waiting.
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const outcome = readRedirect(url.searchParams, options.state);
    if (!outcome.ok && outcome.error.kind === 'state_mismatch') {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' }).end('Not the sign-in this app is waiting for.');
      return;
    }
    const page = outcome.ok
      ? PAGE('Signed in to WokGen', 'You can close this tab and return to WokGen Studio.')
      : PAGE('Sign-in did not complete', `${escapeHtml(outcome.error.message)} Return to WokGen Studio and try again.`);
    res.writeHead(outcome.ok ? 200 : 400, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The page is static text: no script, no loads, no framing.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      connection: 'close',
    });
    res.end(page);
    finish(outcome);
  });

  const finish = (outcome: { ok: true; code: string } | { ok: false; error: SignInError }) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    server.close();
    server.closeAllConnections?.();
    if (outcome.ok) settle?.resolve(outcome.code);
    else settle?.reject(outcome.error);
  };
  const onAbort = () => finish({ ok: false, error: new SignInError('cancelled', 'Sign-in was cancelled.') });
  const timer = setTimeout(
    () => finish({ ok: false, error: new SignInError('expired', `The browser did not come back within ${Math.round(options.timeoutMs / 60000)} minutes. Try again, or use a sign-in code instead.`) }),
    options.timeoutMs,
  );
  timer.unref?.();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free ephemeral port (RFC 8252 §7.3 — servers accept any port).
    server.listen(0, '127.0.0.1', () => resolve());
  });
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}${REDIRECT_PATH}`, code, close: onAbort };
}

/** The redirect's query (RFC 6749 §4.1.2 success, §4.1.2.1 error), checked against our state. */
export function readRedirect(params: URLSearchParams, expectedState: string): { ok: true; code: string } | { ok: false; error: SignInError } {
  const state = params.get('state');
  // State first: an error redirect we did not ask for is not ours to report either.
  if (state === null || !sameSecret(state, expectedState)) {
    return { ok: false, error: new SignInError('state_mismatch', 'The sign-in answer did not match this request (wrong state), so it was ignored.') };
  }
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description');
    const why = error === 'access_denied' ? 'Sign-in was declined in the browser.' : `The WokGen sign-in page reported "${error}"${description ? `: ${description}` : ''}.`;
    return { ok: false, error: new SignInError(error === 'access_denied' ? 'access_denied' : 'authorization_error', why.slice(0, 300)) };
  }
  const code = params.get('code');
  if (code === null || code.trim() === '') {
    return { ok: false, error: new SignInError('missing_code', 'The sign-in answer carried no authorization code.') };
  }
  return { ok: true, code };
}
