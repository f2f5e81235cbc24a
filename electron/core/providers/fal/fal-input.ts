/**
 * The JSON input each fal endpoint takes (fal-js types/endpoints.ts: FluxDevInput, also used
 * by schnell; FluxProV11Input; the image-to-image, inpainting, fill and kontext inputs).
 * FLUX endpoints have no `negative_prompt`.
 */
import { ProviderError, type ProviderRequest } from '../provider';
import { fitSize, type Size, type SizeRules } from '../http/size-rules';
import { FAL_TOOL_ENDPOINTS } from './fal-defaults';

/** fal's custom `image_size` is in FLUX's 16-px patches; kept within 2048 px per side. */
export const FAL_SIZE: SizeRules = { multiple: 16, min: 256, max: 2048 };

const isPro = (endpoint: string) => endpoint.startsWith('fal-ai/flux-pro');
const isSchnell = (endpoint: string) => endpoint.includes('schnell');

function dataUrl(image: { readonly bytes: Uint8Array; readonly mime: string }): string {
  return `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`;
}

/** Which fal endpoint runs this request: the tier's model, or the tool's own endpoint. */
export function falEndpointFor(request: ProviderRequest): string {
  if (request.capability === 'rotate' || request.capability === 'inpaint') return FAL_TOOL_ENDPOINTS[request.capability][request.tier];
  return request.model;
}

export function falInput(endpoint: string, request: ProviderRequest): Record<string, unknown> {
  const size: Size = fitSize(request, FAL_SIZE);
  const steps = Math.min(isSchnell(endpoint) ? 12 : 50, Math.max(1, Math.round(request.steps)));
  const common = { prompt: request.prompt, seed: request.seed, num_images: 1, output_format: 'png' };
  const tuning = isPro(endpoint) ? { safety_tolerance: '2' } : { num_inference_steps: steps, ...(isSchnell(endpoint) ? {} : { guidance_scale: request.guidance }), enable_safety_checker: true };
  if (request.capability === 'rotate' || request.capability === 'inpaint') {
    if (!request.inputImage) throw new ProviderError('invalid_request', `inputImage: ${request.capability} needs an input image.`);
    if (request.capability === 'inpaint' && !request.mask) throw new ProviderError('invalid_request', 'mask: inpaint needs a mask (white = repaint).');
    return {
      ...common,
      ...tuning,
      image_url: dataUrl(request.inputImage),
      ...(request.mask ? { mask_url: dataUrl(request.mask) } : {}),
      // How far the result may move from the input: a new view needs a lot, a repaint less.
      ...(isPro(endpoint) ? {} : { strength: request.capability === 'rotate' ? 0.85 : 0.9 }),
      // image-to-image keeps the input's size; the inpainting endpoint takes one.
      ...(request.capability === 'inpaint' && !isPro(endpoint) ? { image_size: { width: size.width, height: size.height } } : {}),
    };
  }
  return { ...common, ...tuning, image_size: { width: size.width, height: size.height } };
}
