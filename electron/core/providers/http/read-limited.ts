/**
 * Reads a response body with a byte limit, streamed: past the limit the download is aborted at
 * once (an endless or oversized answer never fills memory), and a Content-Length that already
 * says "too big" is refused before reading anything.
 */
import { ProviderError } from '../provider';

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export async function readLimited(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const tooBig = () => new ProviderError('provider_failure', `${what} is larger than the ${formatBytes(maxBytes)} limit; it was not downloaded.`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
