/**
 * The AppFailure `fn` throws, for tests that assert a typed error's code, field and message.
 * Anything else thrown, or nothing, fails the test. Not imported by app code.
 */
import { AppFailure } from '../../../shared/errors';

export function failureOf(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected an AppFailure');
}
