/**
 * `scheme://host[:port]` of a URL, or null. Node's `URL.origin` is the string "null" for
 * non-special schemes such as our `app://`, so origin checks must not rely on it.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.host === '') return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
