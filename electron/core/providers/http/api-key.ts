/**
 * The key, fetched from the keychain at the moment of use and checked before it goes anywhere:
 * a key with spaces or line breaks (a bad paste) would otherwise reach the provider and come
 * back as a confusing 401 — or make `fetch` throw on an invalid header.
 */
import { ProviderError } from '../provider';

/** Why a key cannot be used, or null when it looks usable. Never includes the key. */
export function keyProblem(key: string): string | null {
  if (key.length === 0) return 'is empty';
  if (/\s/.test(key)) return 'contains spaces or line breaks — paste it again without them';
  // Visible ASCII only: anything else cannot travel in an HTTP header.
  if (!/^[\x21-\x7e]+$/.test(key)) return 'contains characters that cannot be part of a key';
  if (key.length > 4096) return 'is too long to be a key';
  return null;
}

/** The key to use now, or an `unauthorised` error telling the user what to do. */
export async function requireKey(getKey: () => Promise<string | null>, label: string): Promise<string> {
  const key = await getKey();
  if (key === null || key === '') throw new ProviderError('unauthorised', `No ${label} key — add one in Settings → Providers`);
  const problem = keyProblem(key);
  if (problem) throw new ProviderError('unauthorised', `The ${label} key ${problem} (Settings → Providers).`);
  return key;
}
