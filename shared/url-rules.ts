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

/**
 * `scheme://host[:port]` of a URL, or null. Node's `URL.origin` is the string "null" for
 * non-special schemes such as the app's `app://`, so origin checks must not rely on it.
 * Keys and tokens are bound to origins (security review items 1, 2, 4, 5).
 */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.host === '') return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
