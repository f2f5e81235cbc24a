/**
 * External links open only in the system browser and only over https
 * (Electron security checklist #14, "Do not use shell.openExternal with untrusted content").
 */
import { AppFailure } from '../../../shared/errors';

export function assertSafeExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppFailure('invalid_input', 'This is not a valid web address.', 'url');
  }
  if (url.protocol !== 'https:') {
    throw new AppFailure('invalid_input', `Only https:// links can be opened (got ${url.protocol}).`, 'url');
  }
  if (url.username || url.password) {
    throw new AppFailure('invalid_input', 'Links with a user name or password are not opened.', 'url');
  }
  return url.toString();
}
