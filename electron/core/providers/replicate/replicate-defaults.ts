/**
 * Replicate's documented defaults (replicate-javascript index.js; replicate.com model pages).
 * The base URL includes `/v1`.
 */
export const REPLICATE_DEFAULT_BASE_URL = 'https://api.replicate.com/v1';

export const REPLICATE_DEFAULT_MODELS = {
  standard: 'black-forest-labs/flux-schnell',
  hd: 'black-forest-labs/flux-1.1-pro',
} as const;

/** The image tools' models: FLUX.1 [dev] image-to-image / Kontext for a new view, FLUX.1 Fill for inpainting. */
export const REPLICATE_TOOL_MODELS = {
  rotate: { standard: 'black-forest-labs/flux-dev', hd: 'black-forest-labs/flux-kontext-pro' },
  inpaint: { standard: 'black-forest-labs/flux-fill-dev', hd: 'black-forest-labs/flux-fill-pro' },
} as const;

export const REPLICATE_KEY_URL = 'https://replicate.com/account/api-tokens';
