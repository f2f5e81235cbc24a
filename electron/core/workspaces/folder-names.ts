/**
 * Turning a workspace name into a folder name that is valid on Windows, macOS and Linux.
 * The workspace keeps its real name in `workspace.json`; the folder name is only a default.
 */
// Reserved device names, also with any extension (`nul.txt` is still NUL) and the superscript digits Windows treats as digits.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export function folderNameFor(workspaceName: string): string {
  const cleaned = workspaceName
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are invalid in file names
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows silently drops trailing dots and spaces, which would make two names collide.
    .replace(/[. ]+$/, '');
  if (cleaned.length === 0 || cleaned === '.' || cleaned === '..') return 'workspace';
  return WINDOWS_RESERVED.test(cleaned) ? `${cleaned}_` : cleaned;
}

/** `base`, or `base (2)`, `base (3)`… — the first candidate `isFree` accepts. */
export function firstFreeName(base: string, isFree: (candidate: string) => boolean): string {
  if (isFree(base)) return base;
  for (let n = 2; n < 1000; n += 1) {
    const candidate = `${base} (${n})`;
    if (isFree(candidate)) return candidate;
  }
  return `${base} (${Date.now()})`;
}
