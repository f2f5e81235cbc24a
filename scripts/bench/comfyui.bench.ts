/**
 * ComfyUI figures (issue 4), against the loopback ComfyUI test server with the real client,
 * the real pipeline, engines, library and files:
 * - success → library: from the moment the server sends `execution_success` for a 1024×1024
 *   output to the job's `jobs.succeeded` (the output fetched with /view, post-processed, file +
 *   thumbnail written, rows added);
 * - previews: the most previews one job sends the studio in any second (`jobs.progress` events
 *   carrying a preview), while ComfyUI sends one per step at ~100/s; and how long after a frame
 *   arrives on the socket its `jobs.progress` event goes out (p95).
 */
import { rmSync } from 'node:fs';
import sharp from 'sharp';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { fileAssetStore } from '../../electron/core/assets/file-asset-store';
import { MODE_ENGINES } from '../../electron/core/modes/registry';
import { Pipeline } from '../../electron/core/pipeline/pipeline';
import { silentLogger } from '../../electron/core/ports';
import { LiveProviderRegistry } from '../../electron/core/providers/provider-registry';
import type { ComfyUiTestServer } from '../../electron/core/providers/comfyui/testing/comfyui-test-server';
import { startTestComfy } from '../../electron/core/providers/comfyui/testing/test-service';
import { openBenchWorkspace } from './bench-workspace';
import { emit, progress } from './emit';
import { median, percentile } from './stats';

const SUCCESS_RUNS = 30;
const PREVIEW_STEPS = 300;
const PREVIEW_STEP_MS = 10;

/** pipeline.bench.ts's provider picture: a blue field with a dark disc, opaque RGB PNG as ComfyUI's SaveImage writes it. */
function benchPicture(width: number, height: number): Promise<Buffer> {
  const r = Math.round(Math.min(width, height) * 0.2);
  const disc = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${r}" fill="#1e3a8a"/></svg>`);
  return sharp({ create: { width, height, channels: 3, background: '#60a5fa' } }).composite([{ input: disc }]).removeAlpha().png().toBuffer();
}

export async function runComfyUiBench(): Promise<void> {
  const { root, library, workspaceId } = openBenchWorkspace('comfyui', 'business');

  let frameArrivedAt = 0;
  // ComfyUI's output is 1024×1024 whatever latent size the template asked for (as an SDXL
  // workflow with a fixed size would give), in the picture pipeline.overhead uses: the
  // business logo (1024²) then keeps it as is in both suites, so the two figures compare.
  const comfy = await startTestComfy({ stepMs: 0, previews: false, render: () => benchPicture(1024, 1024) }, { onFrameArrived: (at) => (frameArrivedAt = at) });
  const server: ComfyUiTestServer = comfy.server;
  let successAt = 0;
  server.onEvent = (type) => {
    if (type === 'execution_success') successAt = performance.now();
  };
  const succeeded: number[] = [];
  const previewsAt: number[] = [];
  const previewLatency: number[] = [];
  const events = {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      if (event === 'jobs.succeeded') succeeded.push(performance.now() - successAt);
      if (event === 'jobs.progress' && (payload as EventPayload<'jobs.progress'>).previewDataUrl !== null) {
        const now = performance.now();
        previewsAt.push(now);
        previewLatency.push(now - frameArrivedAt);
      }
    },
  };
  try {
    const status = await comfy.service.recheck();
    if (status.state !== 'connected') throw new Error(`test ComfyUI not connected: ${status.reason ?? status.state}`);
    const pipeline = new Pipeline({
      library,
      engines: MODE_ENGINES,
      providers: new LiveProviderRegistry([comfy.service.source]),
      assets: fileAssetStore,
      events,
      log: silentLogger,
    });
    const request = { mode: 'business', workspaceId, tool: 'logo', preset: 'minimal_flat', prompt: 'a fox head mark for a coffee roaster', size: 1024 };

    // Success → library, 1024² (a few warm-up runs first: sharp and SQLite warm their caches).
    for (let i = 0; i < SUCCESS_RUNS + 3; i += 1) {
      pipeline.submit(request);
      await pipeline.whenIdle();
    }
    const timings = succeeded.slice(3);
    if (timings.length !== SUCCESS_RUNS) throw new Error(`expected ${SUCCESS_RUNS} successful runs, got ${timings.length}`);
    progress(`success → library: ${SUCCESS_RUNS} runs of a 1024² output, business logo`);
    emit({ name: 'comfyui.success_to_library_p50_ms', value: median(timings), unit: 'ms', target: 30, better: 'lower' });

    // Previews: one job, a frame per step at ~100/s.
    server.controls.previews = true;
    server.controls.stepMs = PREVIEW_STEP_MS;
    server.controls.steps = PREVIEW_STEPS;
    previewsAt.length = 0;
    previewLatency.length = 0;
    pipeline.submit({ ...request, size: 512 });
    await pipeline.whenIdle();
    let maxPerSecond = 0;
    for (let i = 0; i < previewsAt.length; i += 1) {
      const inWindow = previewsAt.filter((t) => t >= previewsAt[i]! && t < previewsAt[i]! + 1000).length;
      maxPerSecond = Math.max(maxPerSecond, inWindow);
    }
    progress(`previews: ${previewsAt.length} reached the studio from ~${PREVIEW_STEPS} frames`);
    emit({ name: 'comfyui.preview_rate_max_per_s', value: maxPerSecond, unit: 'per_s', target: 10, better: 'lower' });
    emit({ name: 'comfyui.preview_latency_p95_ms', value: percentile(previewLatency, 95), unit: 'ms', target: 50, better: 'lower' });
  } finally {
    await comfy.dispose();
    library.close();
    rmSync(root, { recursive: true, force: true });
  }
}
