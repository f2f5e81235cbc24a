/**
 * Together AI's documented defaults (togethercomputer/openapi, openapi.yaml `servers` and the
 * `/images/generations` model enum). The base URL includes `/v1`, as the spec's server does.
 */
// The spec's server; the older host api.together.xyz still answers too.
export const TOGETHER_DEFAULT_BASE_URL = 'https://api.together.ai/v1';

export const TOGETHER_DEFAULT_MODELS = {
  // Paid FLUX.1 [schnell]: cheap, 1–12 steps; the "-Free" variant has tighter limits.
  standard: 'black-forest-labs/FLUX.1-schnell',
  // FLUX1.1 [pro]: the real HD model (gated to Build Tier 2+, Nutlope/logocreator#9).
  hd: 'black-forest-labs/FLUX.1.1-pro',
} as const;

export const TOGETHER_KEY_URL = 'https://api.together.ai/settings/api-keys';
