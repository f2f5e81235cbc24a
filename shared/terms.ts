/**
 * Token and negative-term lists are joined with commas; a term twice only dilutes the prompt.
 * One de-duplicator for every mode and the pipeline: case-insensitive, trimmed, empty terms
 * dropped, the first occurrence (and its spelling) kept.
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
