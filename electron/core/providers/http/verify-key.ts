/**
 * "Test key": the shared half of every client's `verifyKey` — refuse a malformed key without a
 * request, make the provider's cheap authenticated call, and turn the outcome into
 * valid/invalid with a reason that never contains the key. Cancelling rethrows.
 */
import { keyProblem } from './api-key';
import type { VerifyKeyResult } from './cloud-client';

export async function verifyKeyWith(
  key: string,
  signal: AbortSignal,
  call: () => Promise<unknown>,
  /** Some failures still prove the key (fal: "request not found" for a made-up id). */
  provesKey: (error: unknown) => boolean = () => false,
): Promise<VerifyKeyResult> {
  const problem = keyProblem(key);
  if (problem) return { valid: false, reason: `The key ${problem}.` };
  try {
    await call();
    return { valid: true };
  } catch (error) {
    if (signal.aborted) throw error;
    if (provesKey(error)) return { valid: true };
    return { valid: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
