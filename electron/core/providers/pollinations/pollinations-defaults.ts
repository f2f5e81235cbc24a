/** Pollinations' documented defaults (pollinations/pollinations APIDOCS.md, image.pollinations.ai src/params.ts). */
export const POLLINATIONS_DEFAULT_BASE_URL = 'https://image.pollinations.ai';

export const POLLINATIONS_DEFAULT_MODELS = {
  // The free default; the premium models (gptimage, seedream, kontext) need a paid key tier.
  standard: 'flux',
} as const;

/** Optional: a key from enter.pollinations.ai lifts the anonymous limits. */
export const POLLINATIONS_KEY_URL = 'https://enter.pollinations.ai';
