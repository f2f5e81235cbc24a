/**
 * Negative prompts (pipeline stages 5 and 6): the user's terms first (they matter most), then
 * the mode's banks; de-duplicated without regard to case. Providers without a native negative
 * prompt get the most important terms encoded into the positive prompt instead.
 */
import { uniqueTerms } from '../../../shared/terms';
export function splitTerms(text: string): string[] {
  return text
    .split(/[,\n;]+/)
    .map((term) => term.trim())
    .filter((term) => term.length > 0);
}

export function assembleNegatives(userNegative: string, bank: ReadonlyArray<string>): string[] {
  return uniqueTerms([...splitTerms(userNegative), ...bank]);
}

/** How many negative terms are encoded into a positive prompt (the seed's limit: more dilutes the prompt). */
export const ENCODED_NEGATIVE_TERMS = 8;

/** `prompt, ((avoid: a, b, c))` — the form the seed used for Together and Pollinations. */
export function encodeNegativesIntoPrompt(prompt: string, negatives: ReadonlyArray<string>, maxTerms = ENCODED_NEGATIVE_TERMS): string {
  const terms = negatives.slice(0, maxTerms);
  return terms.length === 0 ? prompt : `${prompt}, ((avoid: ${terms.join(', ')}))`;
}
