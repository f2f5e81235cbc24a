/**
 * Where a secret may be sent (security review, item 1): over https to any host, or over plain
 * http only to this machine — a key sent over http to another host is readable on the way.
 * Shared by the settings schemas (renderer + main) and the account's address check so the rule
 * exists once. No Node or DOM imports: WHATWG `URL` is a global in both.
 */

/** 127.0.0.1, ::1 (the URL parser keeps the brackets) and localhost. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === '127.0.0.1' || host === '[::1]' || host === '::1' || host === 'localhost';
}

/** Why `raw` may not carry a secret, or null when it may (https, or http to loopback). */
export function secretUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.username !== '' || url.password !== '') return 'it contains a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return isLoopbackHostname(url.hostname) ? null : 'plain http:// is only allowed to this computer (127.0.0.1, ::1, localhost) — use https://';
  return `only https:// is allowed (got ${url.protocol})`;
}

/** The origin of an http(s) URL, or null when `raw` is not one. Keys are bound to origins. */
export function originOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
