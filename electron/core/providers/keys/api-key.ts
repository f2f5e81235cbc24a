/**
 * What a pasted API key must look like before it is stored (issue 5 "Bad input"). Every
 * provider's keys are single tokens of printable ASCII (Together `tgp_…`/hex, fal `id:secret`,
 * Replicate `r8_…`, Hugging Face `hf_…`), so anything else is a paste accident — a trailing
 * newline is trimmed, but a space or line break *inside* means two things were pasted.
 *
 * Messages describe the problem and never repeat the key.
 */
import { AppFailure } from '../../../../shared/errors';
import { keyProblem } from '../http/api-key';

/** Shorter than any provider's real keys (the shortest, fal's `id:secret`, is ~70). */
export const MIN_KEY_CHARS = 8;
/** Far above any real key; stops a pasted file or log from going to the keychain. */
export const MAX_KEY_CHARS = 512;

function fail(message: string): never {
  throw new AppFailure('invalid_input', message, 'key');
}

/** The key to store, trimmed; or an `invalid_input` failure on field `key`. */
export function parseApiKey(raw: string): string {
  const key = raw.trim();
  if (key.length === 0) fail('Paste the API key first — the field is empty.');
  if (key.length > MAX_KEY_CHARS) fail(`That is ${key.length} characters — far longer than an API key (at most ${MAX_KEY_CHARS}). Copy just the key.`);
  // The clients' own check (spaces, line breaks, anything that cannot travel in a header).
  const problem = keyProblem(key);
  if (problem) fail(`The key ${problem}.`);
  if (key.length < MIN_KEY_CHARS) fail(`That is only ${key.length} characters — too short to be an API key.`);
  return key;
}
