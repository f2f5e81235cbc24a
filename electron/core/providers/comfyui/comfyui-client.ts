/**
 * ComfyUI's HTTP routes as typed calls (server.py; PROVIDERS.md §1 table). Shapes are read
 * leniently — ComfyUI adds fields between versions — but what we rely on is checked.
 */
import { z } from 'zod';
import { ComfyHttp, ComfyHttpError, DEFAULT_MAX_OUTPUT_BYTES, type ComfyHttpOptions } from './comfyui-http';
import { describePromptRefusal } from './prompt-errors';
import { ProviderError } from '../provider';
import type { Graph } from './workflows/graph';
import { comboOptions, parseObjectInfo, type NodeInfo } from './workflows/object-info';

export const SystemStatsSchema = z.object({
  system: z
    .object({
      os: z.string().optional(),
      comfyui_version: z.string().optional(),
    })
    .loose(),
  devices: z
    .array(
      z
        .object({
          name: z.string().default('unknown'),
          type: z.string().default('unknown'),
          vram_total: z.number().default(0),
          vram_free: z.number().default(0),
        })
        .loose(),
    )
    .default([]),
});
export type SystemStats = z.infer<typeof SystemStatsSchema>;

export interface ImageRef {
  readonly filename: string;
  readonly subfolder: string;
  readonly type: string;
}

export const ImageRefSchema = z.object({ filename: z.string(), subfolder: z.string().default(''), type: z.string().default('output') });

export const HistoryEntrySchema = z
  .object({
    outputs: z.record(z.string(), z.object({ images: z.array(ImageRefSchema).optional() }).loose()).default({}),
    status: z
      .object({
        status_str: z.string().optional(),
        completed: z.boolean().optional(),
        messages: z.array(z.tuple([z.string(), z.record(z.string(), z.unknown())])).default([]),
      })
      .loose()
      .optional(),
  })
  .loose();
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

const QueueSchema = z.object({ queue_running: z.array(z.array(z.unknown())).default([]), queue_pending: z.array(z.array(z.unknown())).default([]) });

/** Probes answer fast or not at all: a dead port must not hold up detection. */
export const PROBE_TIMEOUT_MS = 2_000;

export class ComfyUiClient {
  readonly http: ComfyHttp;

  constructor(options: ComfyHttpOptions & { readonly maxOutputBytes?: number }) {
    this.http = new ComfyHttp(options);
    this.maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  }

  private readonly maxOutputBytes: number;

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** `GET /system_stats` — throws `provider_failure` when the answer is not ComfyUI's. */
  async systemStats(timeoutMs = PROBE_TIMEOUT_MS): Promise<SystemStats> {
    const raw = await this.http.json('/system_stats', { timeoutMs });
    const parsed = SystemStatsSchema.safeParse(raw);
    if (!parsed.success) throw new ProviderError('provider_failure', `${this.baseUrl} answered /system_stats, but not like ComfyUI does.`);
    return parsed.data;
  }

  async objectInfo(nodeClass?: string, timeoutMs?: number): Promise<Record<string, NodeInfo>> {
    const path = nodeClass ? `/object_info/${encodeURIComponent(nodeClass)}` : '/object_info';
    return parseObjectInfo(await this.http.json(path, timeoutMs === undefined ? {} : { timeoutMs })).info;
  }

  /** Checkpoint file names: `/models/checkpoints`, or the loader's option list on older servers (no /models route). */
  async checkpoints(timeoutMs = PROBE_TIMEOUT_MS): Promise<string[]> {
    try {
      const list = z.array(z.string()).safeParse(await this.http.json('/models/checkpoints', { timeoutMs }));
      if (list.success) return list.data;
    } catch (error) {
      if (!(error instanceof ComfyHttpError && error.status === 404)) throw error;
    }
    return comboOptions((await this.objectInfo('CheckpointLoaderSimple', timeoutMs))['CheckpointLoaderSimple'], 'ckpt_name');
  }

  /** Samplers and schedulers as this server's KSampler lists them. */
  async samplers(timeoutMs = PROBE_TIMEOUT_MS): Promise<{ samplers: string[]; schedulers: string[] }> {
    const info = (await this.objectInfo('KSampler', timeoutMs))['KSampler'];
    return { samplers: comboOptions(info, 'sampler_name'), schedulers: comboOptions(info, 'scheduler') };
  }

  /**
   * `POST /prompt` with our own prompt id (so websocket events can be matched before the answer
   * arrives). A 400 becomes `invalid_request` with a sentence naming node, input and value.
   */
  async queuePrompt(graph: Graph, clientId: string, promptId: string, signal?: AbortSignal): Promise<{ promptId: string; number: number }> {
    try {
      const answer = await this.http.json<{ prompt_id?: unknown; number?: unknown }>('/prompt', {
        method: 'POST',
        json: { prompt: graph, client_id: clientId, prompt_id: promptId },
        ...(signal ? { signal } : {}),
      });
      return { promptId: typeof answer?.prompt_id === 'string' ? answer.prompt_id : promptId, number: typeof answer?.number === 'number' ? answer.number : -1 };
    } catch (error) {
      if (error instanceof ComfyHttpError && error.status === 400) throw new ProviderError('invalid_request', describePromptRefusal(error.body, graph));
      throw error;
    }
  }

  /**
   * Running and pending prompt ids (`GET /queue`; item = [number, prompt_id, prompt, extra_data, outputs]),
   * or null when the answer cannot be read (not JSON, or not that shape): "unknown", never "empty" —
   * an empty queue is how a lost prompt is recognised, so guessing it would fail a live job.
   */
  async queue(signal?: AbortSignal): Promise<{ running: string[]; pending: string[] } | null> {
    let raw: unknown;
    try {
      raw = await this.http.json('/queue', { timeoutMs: PROBE_TIMEOUT_MS, ...(signal ? { signal } : {}) });
    } catch (error) {
      // ComfyHttp says provider_failure for a body that is not JSON; HTTP statuses and network errors stay errors.
      if (error instanceof ProviderError && !(error instanceof ComfyHttpError) && error.kind === 'provider_failure') return null;
      throw error;
    }
    const parsed = QueueSchema.safeParse(raw);
    if (!parsed.success) return null;
    const ids = (items: unknown[][]) => items.map((item) => item[1]).filter((id): id is string => typeof id === 'string');
    return { running: ids(parsed.data.queue_running), pending: ids(parsed.data.queue_pending) };
  }

  /** `GET /history/{id}`: the entry, or null while it is unfinished or unknown (`{}`). */
  async history(promptId: string, signal?: AbortSignal): Promise<HistoryEntry | null> {
    const raw = await this.http.json<Record<string, unknown>>(`/history/${encodeURIComponent(promptId)}`, { timeoutMs: PROBE_TIMEOUT_MS, ...(signal ? { signal } : {}) });
    const entry = raw?.[promptId];
    if (entry === undefined) return null;
    const parsed = HistoryEntrySchema.safeParse(entry);
    return parsed.success ? parsed.data : null;
  }

  /** `POST /interrupt {prompt_id}`: stops that prompt only if it is the one running. */
  interrupt(promptId: string): Promise<void> {
    return this.http.post('/interrupt', { prompt_id: promptId }, { timeoutMs: PROBE_TIMEOUT_MS });
  }

  /** `POST /queue {"delete": [id]}`: drops a prompt still waiting in ComfyUI's queue. */
  deleteQueued(promptId: string): Promise<void> {
    return this.http.post('/queue', { delete: [promptId] }, { timeoutMs: PROBE_TIMEOUT_MS });
  }

  /** `GET /view` of one output, size-limited and type-checked. */
  view(image: ImageRef, signal?: AbortSignal): Promise<{ bytes: Uint8Array; mime: string }> {
    const query = new URLSearchParams({ filename: image.filename, subfolder: image.subfolder, type: image.type });
    return this.http.image(`/view?${query.toString()}`, this.maxOutputBytes, signal ? { signal } : {});
  }

  /** `POST /upload/image` (multipart: image, type, subfolder, overwrite); returns the name to put in LoadImage. */
  async uploadImage(bytes: Uint8Array, mime: string, name: string, signal?: AbortSignal): Promise<string> {
    const form = new FormData();
    form.set('image', new Blob([new Uint8Array(bytes)], { type: mime }), name);
    form.set('type', 'input');
    form.set('subfolder', 'wokgen');
    form.set('overwrite', 'true');
    const answer = z
      .object({ name: z.string(), subfolder: z.string().default('') })
      .safeParse(await this.http.json('/upload/image', { method: 'POST', form, ...(signal ? { signal } : {}) }));
    if (!answer.success) throw new ProviderError('provider_failure', 'ComfyUI accepted the upload but did not say where it put the image.');
    return answer.data.subfolder ? `${answer.data.subfolder}/${answer.data.name}` : answer.data.name;
  }
}
