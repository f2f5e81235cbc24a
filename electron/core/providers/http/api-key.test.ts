import { describe, expect, it } from 'vitest';
import { keyProblem, requireKey } from './api-key';

describe('requireKey', () => {
  it('asks for a key when none is stored', async () => {
    await expect(requireKey(async () => null, 'Together AI')).rejects.toMatchObject({ kind: 'unauthorised', message: 'No Together AI key — add one in Settings → Providers' });
  });

  it.each([
    ['with a space', 'abc def'],
    ['with a newline', 'abcdef\n'],
    ['with a tab', '\tabcdef'],
    ['with non-ASCII', 'abcdéf'],
  ])('rejects a key %s before use, without echoing it', async (_name, key) => {
    const failure = requireKey(async () => key, 'fal.ai');
    await expect(failure).rejects.toMatchObject({ kind: 'unauthorised' });
    await failure.catch((error: Error) => expect(error.message).not.toContain(key.trim()));
  });

  it('passes a well-formed key through', async () => {
    await expect(requireKey(async () => 'r8_abc123', 'Replicate')).resolves.toBe('r8_abc123');
    expect(keyProblem('key_id:key_secret')).toBeNull();
  });
});
