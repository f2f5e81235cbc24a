/**
 * ComfyUI as a pipeline Provider: picks the workflow (the user's own for the mode, else the
 * built-in template for the request), the checkpoint (the mode's default from settings, else the
 * first installed), uploads input image and mask, fills the placeholders, runs the prompt and
 * fetches the output with `/view`. One image per call: the pipeline calls once per batch slot,
 * and ComfyUI runs one prompt at a time (concurrency 1).
 */
import { createHash } from 'node:crypto';
import type { ComfyUiSettings } from '../../../../shared/providers';
import type { ComfyUiStatus } from '../../../../shared/comfyui';
import type { Logger } from '../../ports';
import { ProviderError, type Capability, type Provider, type ProviderCapabilities, type ProviderOutput, type ProviderProgress, type ProviderRequest, type Tier } from '../provider';
import type { ComfyUiClient, ImageRef } from './comfyui-client';
import type { ComfyUiSocket } from './comfyui-socket';
import { runPrompt, type RunTiming } from './prompt-run';
import { fillPlaceholders, placeholdersOf, type Graph, type PlaceholderValues } from './workflows/graph';
import { chooseTemplateKind, type TemplateCatalog } from './workflows/templates';
import type { UserWorkflowStore } from './workflows/user-workflows';

/** A live connection to the ComfyUI detection found (null while none is usable). */
export interface ComfyUiConnection {
  readonly status: ComfyUiStatus;
  readonly client: ComfyUiClient;
  readonly socket: ComfyUiSocket;
}

export interface ComfyUiProviderDeps {
  readonly connection: () => ComfyUiConnection | null;
  readonly settings: () => ComfyUiSettings;
  readonly templates: TemplateCatalog;
  readonly userWorkflows: UserWorkflowStore;
  readonly clientId: string;
  readonly log: Logger;
  readonly timing?: Partial<RunTiming>;
  readonly onFrameArrived?: (at: number) => void;
  /** A job found the server gone: detection re-checks now, so routing and the studio know at once. */
  readonly onUnreachable?: () => void;
}

const CAPABILITIES: ReadonlySet<Capability> = new Set(['generate', 'scene', 'animate', 'rotate', 'inpaint']);
const TIERS: ReadonlySet<Tier> = new Set(['standard', 'hd']);
/** img2img strength: keeps the input's composition and palette while following the prompt. */
export const IMG2IMG_DENOISE = 0.6;
/** Distilled checkpoints (the fast template) converge in a few steps at low cfg. */
export const FAST_MAX_STEPS = 8;
export const FAST_MAX_CFG = 2;

/** The checkpoint for a mode: its default from settings, else the first installed. */
export function checkpointFor(mode: ProviderRequest['mode'], settings: ComfyUiSettings, installed: ReadonlyArray<string>): string {
  const wanted = settings.defaultCheckpoints[mode];
  if (wanted !== undefined) {
    if (installed.includes(wanted)) return wanted;
    throw new ProviderError('invalid_request', `The ${mode} checkpoint '${wanted}' set in Settings is not installed in ComfyUI; choose another one in Settings → Providers → ComfyUI.`);
  }
  const first = installed[0];
  if (first === undefined) throw new ProviderError('unreachable', 'ComfyUI has no checkpoint installed.');
  return first;
}

/** A sampler/scheduler ComfyUI offers: the requested one, else a safe common one, else its first. */
function offered(wanted: string, list: ReadonlyArray<string>, fallback: string): string {
  if (list.length === 0 || list.includes(wanted)) return wanted;
  return list.includes(fallback) ? fallback : list[0]!;
}

export class ComfyUiProvider implements Provider {
  constructor(private readonly deps: ComfyUiProviderDeps) {}

  get capabilities(): ProviderCapabilities {
    const checkpoint = this.deps.connection()?.status.checkpoints[0] ?? 'checkpoint';
    return {
      id: 'comfyui',
      label: 'ComfyUI (local)',
      capabilities: CAPABILITIES,
      tiers: TIERS,
      nativeNegative: true,
      needsKey: false,
      local: true,
      concurrency: 1,
      maxPromptChars: 4000,
      // KSampler takes 0..2^64-1; JavaScript numbers are exact to 2^53.
      seedMax: Number.MAX_SAFE_INTEGER,
      models: { standard: checkpoint, hd: checkpoint },
    };
  }

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    signal.throwIfAborted();
    const connection = this.deps.connection();
    if (!connection) throw new ProviderError('unreachable', 'ComfyUI is not connected.');
    const { status, client } = connection;
    const checkpoint = checkpointFor(request.mode, this.deps.settings(), status.checkpoints);
    const { graph, fast } = this.workflowFor(request, checkpoint);
    const used = placeholdersOf(graph);

    const values: PlaceholderValues = {
      prompt: request.prompt,
      negative: request.negativePrompt ?? '',
      seed: request.seed,
      steps: fast ? Math.min(request.steps, FAST_MAX_STEPS) : request.steps,
      cfg: fast ? Math.min(request.guidance, FAST_MAX_CFG) : request.guidance,
      sampler: offered(request.sampler, status.samplers, 'euler'),
      scheduler: offered(request.scheduler, status.schedulers, 'normal'),
      width: request.width,
      height: request.height,
      checkpoint,
      batch: 1,
      denoise: IMG2IMG_DENOISE,
    };
    if (used.includes('image')) {
      if (!request.inputImage) throw new ProviderError('invalid_request', 'This ComfyUI workflow needs an input image.');
      values.image = await client.uploadImage(request.inputImage.bytes, request.inputImage.mime, uploadName('wokgen', request.inputImage.bytes), signal);
    }
    if (used.includes('mask')) {
      if (!request.mask) throw new ProviderError('invalid_request', 'This ComfyUI workflow needs a mask.');
      values.mask = await client.uploadImage(request.mask.bytes, request.mask.mime, uploadName('wokgen-mask', request.mask.bytes), signal);
    }
    let filled: Graph;
    try {
      filled = fillPlaceholders(graph, values);
    } catch (error) {
      throw new ProviderError('invalid_request', error instanceof Error ? error.message : String(error));
    }

    const run = await this.track(runPrompt(
      {
        client,
        socket: connection.socket,
        clientId: this.deps.clientId,
        log: this.deps.log,
        ...(this.deps.timing ? { timing: this.deps.timing } : {}),
        ...(this.deps.onFrameArrived ? { onFrameArrived: this.deps.onFrameArrived } : {}),
      },
      filled,
      signal,
      onProgress,
    ));
    const image = pickOutput(run.images);
    const output = await this.track(client.view(image, signal));
    return { bytes: output.bytes, mime: output.mime, model: checkpoint };
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'unreachable') this.deps.onUnreachable?.();
      throw error;
    }
  }

  private workflowFor(request: ProviderRequest, checkpoint: string): { graph: Graph; fast: boolean } {
    // The user's own workflow replaces text-to-image for its mode; image tools keep the templates.
    if (!request.inputImage) {
      const user = this.deps.userWorkflows.get(request.mode);
      if (user) return { graph: user.graph, fast: false };
    }
    const kind = chooseTemplateKind(request, checkpoint);
    try {
      return { graph: this.deps.templates.get(request.mode, kind).graph, fast: kind === 'txt2img-fast' };
    } catch (error) {
      throw new ProviderError('invalid_request', error instanceof Error ? error.message : String(error));
    }
  }
}

/**
 * Uploads are named by their content: the same sprite sent again (every batch slot, a retry)
 * overwrites one file instead of filling ComfyUI's input folder with copies.
 */
function uploadName(prefix: string, bytes: Uint8Array): string {
  return `${prefix}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.png`;
}

/** SaveImage's `output` images first (PreviewImage writes `temp`). */
function pickOutput(images: ReadonlyArray<ImageRef>): ImageRef {
  const image = images.find((i) => i.type === 'output') ?? images[0];
  if (!image) throw new ProviderError('provider_failure', 'ComfyUI finished but reported no image.');
  return image;
}
