/**
 * Sentence-style messages for the object-level issues zod raises by itself (unknown keys, not
 * an object), so every message a mode schema produces reads as a full sentence. Same wording
 * as the pixel spec's, so the studio reads alike in every mode.
 */
import type { z } from 'zod';

/** For `z.strictObject(shape, { error: objectMessages('controls') })`. */
export function objectMessages(what: string): (issue: z.core.$ZodRawIssue) => string | undefined {
  return (issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => `“${key}”`).join(', ');
      return `Unknown ${what} field${issue.keys.length === 1 ? '' : 's'}: ${keys}.`;
    }
    if (issue.code === 'invalid_type') return `The ${what} must be an object.`;
    return undefined;
  };
}
