/**
 * Hugging Face Inference defaults (huggingface/huggingface.js packages/inference
 * src/providers/hf-inference.ts: `${HF_ROUTER_URL}/hf-inference` + `models/{model}`).
 */
export const HUGGINGFACE_DEFAULT_BASE_URL = 'https://router.huggingface.co/hf-inference';
/** The Hub, where `GET /api/whoami-v2` says whose token it is. */
export const HUGGINGFACE_HUB_URL = 'https://huggingface.co';

export const HUGGINGFACE_DEFAULT_MODELS = {
  standard: 'black-forest-labs/FLUX.1-schnell',
} as const;

export const HUGGINGFACE_KEY_URL = 'https://huggingface.co/settings/tokens';
