/**
 * Token lists are joined with commas; a token twice (a preset's "professional" and the mood's
 * "professional") only dilutes the prompt, so every list is de-duplicated case-insensitively,
 * keeping the first occurrence and its spelling.
 */
export function uniqueTerms(terms: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.trim();
    if (term.length === 0) continue;
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}
