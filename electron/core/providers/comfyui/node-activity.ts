/**
 * What ComfyUI is doing, in words, from the class of the node it reports `executing`.
 *
 * The sampler's `progress` steps are the only numbers ComfyUI sends, and they start late: the
 * first run after ComfyUI starts spends seconds to minutes loading the checkpoint, and VAE decode
 * and saving come after the last step. Without a phrase for those phases the bar sits still and
 * looks frozen. Class names are matched by pattern so custom-node variants ("UnetLoaderGGUF",
 * "KSamplerAdvanced", "CLIPTextEncodeSDXL") read the same as the built-ins.
 */
/**
 * Nodes that run the denoising loop and report `progress` steps: KSampler, KSamplerAdvanced,
 * SamplerCustom(Advanced) and custom-node variants ("KSampler (Efficient)"). Not the nodes that
 * only *choose* a sampler for SamplerCustom — KSamplerSelect, SamplerEulerAncestral… — which
 * finish at once and send no steps (counting them would hold the bar at a fraction of its length).
 */
export function isSamplerClass(classType: string): boolean {
  return /KSampler|SamplerCustom/.test(classType) && !/Select/.test(classType);
}

const PHASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Sampler[A-Z]|KSamplerSelect|Scheduler$/, 'Preparing the sampler'],
  [/(Checkpoint|Unet|UNET|Diffusers|CLIP|VAE|Lora|ControlNet|UpscaleModel|Style|GLIGEN|Hypernetwork)Loader|Loader(Simple|GGUF)?$/, 'Loading the model'],
  [/TextEncode|Conditioning/, 'Reading the prompt'],
  [/VAEDecode/, 'Decoding the image'],
  [/VAEEncode/, 'Encoding the input image'],
  [/^LoadImage/, 'Loading the input image'],
  [/SaveImage|PreviewImage/, 'Saving the image'],
  [/Upscale/, 'Upscaling'],
  [/EmptyLatent|EmptySD3Latent/, 'Preparing the canvas'],
];

/** Longest class name shown for a node we have no phrase for (custom nodes can be long). */
const MAX_CLASS_SHOWN = 60;

export function nodeActivity(classType: string): string {
  if (isSamplerClass(classType)) return 'Sampling';
  for (const [pattern, phrase] of PHASES) if (pattern.test(classType)) return phrase;
  // A custom node: its class name is the best we know; only printable ASCII reaches the UI.
  const shown = classType.replace(/[^\x20-\x7e]/g, '').slice(0, MAX_CLASS_SHOWN).trim();
  return shown ? `Running ${shown}` : 'Running';
}

/** "Sampling", or "Sampling, pass 2 of 2" in a workflow with several samplers (HD refine passes). */
export function samplerActivity(samplerIndex: number, samplerCount: number): string {
  return samplerCount > 1 ? `Sampling, pass ${samplerIndex + 1} of ${samplerCount}` : 'Sampling';
}

export const WAITING_IN_QUEUE = "Waiting in ComfyUI's queue";
/** Polling `/queue` found it running while the socket is down: no node or step events to show. */
export const RUNNING_WITHOUT_EVENTS = 'Running in ComfyUI (reconnecting for live progress)';
