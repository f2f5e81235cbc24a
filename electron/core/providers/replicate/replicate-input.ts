/**
 * The `input` each Replicate FLUX model takes (replicate.com/<model>/api schemas, summarised
 * in PROVIDERS.md §4). FLUX [schnell]/[dev] take an aspect ratio, not a size; 1.1 [pro] also
 * takes a custom width/height (256–1440, multiples of 32). None has a negative prompt.
 */
import { ProviderError, type ProviderRequest } from '../provider';
import { fitSize } from '../http/size-rules';
import { REPLICATE_TOOL_MODELS } from './replicate-defaults';

export const REPLICATE_ASPECT_RATIOS = ['1:1', '16:9', '21:9', '3:2', '2:3', '4:5', '5:4', '3:4', '4:3', '9:16', '9:21'] as const;

/** The listed ratio closest to width:height (compared on a log scale, so 2:1 and 1:2 are equally far from 1:1). */
export function nearestAspectRatio(width: number, height: number): string {
  const target = Math.log(width / height);
  let best: string = REPLICATE_ASPECT_RATIOS[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ratio of REPLICATE_ASPECT_RATIOS) {
    const [w, h] = ratio.split(':').map(Number) as [number, number];
    const distance = Math.abs(Math.log(w / h) - target);
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return best;
}

/** replicate-javascript sends files inline as data URIs up to 10 MB (lib/util.js MAX_DATA_URI_SIZE). */
const MAX_INLINE_BYTES = 10_000_000;

function dataUrl(image: { readonly bytes: Uint8Array; readonly mime: string }, field: string): string {
  if (image.bytes.byteLength > MAX_INLINE_BYTES) throw new ProviderError('invalid_request', `${field}: the image is larger than Replicate's 10 MB inline limit.`);
  return `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`;
}

export function replicateModelFor(request: ProviderRequest): string {
  if (request.capability === 'rotate' || request.capability === 'inpaint') return REPLICATE_TOOL_MODELS[request.capability][request.tier];
  return request.model;
}

export function replicateInput(model: string, request: ProviderRequest): Record<string, unknown> {
  const name = model.split(':')[0] ?? model;
  const common = { prompt: request.prompt, seed: request.seed, output_format: 'png' };
  if (name.endsWith('flux-schnell')) {
    // Distilled for 1–4 steps; the schema's maximum is 4.
    return { ...common, aspect_ratio: nearestAspectRatio(request.width, request.height), num_outputs: 1, num_inference_steps: Math.min(4, Math.max(1, Math.round(request.steps))) };
  }
  if (name.endsWith('flux-1.1-pro')) {
    const size = fitSize(request, { multiple: 32, min: 256, max: 1440 });
    return { ...common, aspect_ratio: 'custom', width: size.width, height: size.height, safety_tolerance: 2 };
  }
  if (request.capability === 'inpaint') {
    if (!request.inputImage) throw new ProviderError('invalid_request', 'inputImage: inpaint needs an input image.');
    if (!request.mask) throw new ProviderError('invalid_request', 'mask: inpaint needs a mask (white = repaint).');
    return { ...common, image: dataUrl(request.inputImage, 'inputImage'), mask: dataUrl(request.mask, 'mask'), ...(name.endsWith('-pro') ? { safety_tolerance: 2 } : { num_inference_steps: clampSteps(request.steps), guidance: clampGuidance(request.guidance) }) };
  }
  if (request.capability === 'rotate') {
    if (!request.inputImage) throw new ProviderError('invalid_request', 'inputImage: rotate needs an input image.');
    if (name.endsWith('kontext-pro')) return { ...common, input_image: dataUrl(request.inputImage, 'inputImage'), aspect_ratio: 'match_input_image', safety_tolerance: 2 };
    // A new view of the same subject: strong enough to turn it, weak enough to keep it.
    return { ...common, image: dataUrl(request.inputImage, 'inputImage'), prompt_strength: 0.85, num_inference_steps: clampSteps(request.steps), guidance: clampGuidance(request.guidance), num_outputs: 1 };
  }
  // flux-dev and other FLUX text-to-image models.
  return { ...common, aspect_ratio: nearestAspectRatio(request.width, request.height), num_outputs: 1, num_inference_steps: clampSteps(request.steps), guidance: clampGuidance(request.guidance) };
}

const clampSteps = (steps: number) => Math.min(50, Math.max(1, Math.round(steps)));
const clampGuidance = (guidance: number) => Math.min(10, Math.max(0, guidance));
