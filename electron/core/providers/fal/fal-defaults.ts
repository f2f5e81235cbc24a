/**
 * fal.ai's documented defaults (docs.fal.ai/model-endpoints/queue; fal-ai/fal-js
 * libs/client/src/queue.ts). Endpoint ids are the models; the queue host takes the same path.
 */
export const FAL_DEFAULT_BASE_URL = 'https://queue.fal.run';

export const FAL_DEFAULT_MODELS = {
  // FLUX.1 [schnell]: 1–12 steps (default 4).
  standard: 'fal-ai/flux/schnell',
  // FLUX1.1 [pro].
  hd: 'fal-ai/flux-pro/v1.1',
} as const;

/**
 * Endpoints for the image tools (pixel rotate/inpaint), standard and HD. Image inputs travel as
 * data URIs, which fal's file inputs accept.
 */
export const FAL_TOOL_ENDPOINTS = {
  rotate: { standard: 'fal-ai/flux/dev/image-to-image', hd: 'fal-ai/flux-pro/kontext' },
  inpaint: { standard: 'fal-ai/flux-lora/inpainting', hd: 'fal-ai/flux-pro/v1/fill' },
} as const;

export const FAL_KEY_URL = 'https://fal.ai/dashboard/keys';
