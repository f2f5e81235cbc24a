/**
 * Images that arrive inside JSON: Together's `b64_json`, fal's `sync_mode` data URIs. The size
 * is checked from the text length *before* decoding, so a huge string never becomes a huge
 * buffer.
 */
import { ProviderError } from '../provider';
import { formatBytes } from './read-limited';

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?(?:;[\w-]+=[^;,]*)*;base64,/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function isDataUrl(text: string): boolean {
  return DATA_URL.test(text);
}

/** Decodes a data URL or bare base64 string into bytes (within `maxBytes`). */
export function decodeBase64Image(text: string, maxBytes: number, source: string): Uint8Array {
  const payload = text.replace(DATA_URL, '').replace(/\s+/g, '');
  if (Math.floor((payload.length * 3) / 4) > maxBytes) {
    throw new ProviderError('provider_failure', `${source} sent an image larger than the ${formatBytes(maxBytes)} limit.`);
  }
  if (payload === '' || !BASE64.test(payload)) {
    throw new ProviderError('provider_failure', `${source} sent image data that is not valid base64.`);
  }
  return new Uint8Array(Buffer.from(payload, payload.includes('-') || payload.includes('_') ? 'base64url' : 'base64'));
}
