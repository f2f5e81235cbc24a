/**
 * Pipeline figures (issue "Generation pipeline"): the time the pipeline itself adds around
 * a provider, prompt assembly alone, and how a 4-slot batch overlaps on a provider that
 * allows 4 at once. Real engines, real library, real files; the provider is in-process.
 */
import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { fileAssetStore } from '../../electron/core/assets/file-asset-store';
import { MODE_ENGINES } from '../../electron/core/modes/registry';
import { promptForProvider } from '../../electron/core/pipeline/attempt';
import { Pipeline } from '../../electron/core/pipeline/pipeline';
import { planGeneration } from '../../electron/core/pipeline/plan';
import { capabilities, FakeProvider, type Behaviour } from '../../electron/core/pipeline/testing';
import { silentLogger } from '../../electron/core/ports';
import type { ProviderId } from '../../electron/core/providers/provider';
import { openBenchWorkspace } from './bench-workspace';
import { emit, progress } from './emit';
import { median, percentile } from './stats';

const OVERHEAD_RUNS = 60;
const ASSEMBLY_RUNS = 2000;
const BATCH_LATENCY_MS = 300;
const BATCH_RUNS = 5;

export async function runPipelineBench(): Promise<void> {
  const { root, library, workspaceId } = openBenchWorkspace('pipeline', 'business');
  try {
    // What diffusion providers return: an opaque render (RGB PNG from ComfyUI's SaveImage and
    // Together; JPEG or WebP, which have no alpha, from fal, Replicate, Hugging Face and
    // Pollinations by default). sharp's composite adds an alpha channel, so
    // it is removed: an RGBA image is thumbnailed with premultiplied alpha (~5 ms more at
    // 1024²), which a transparent render needs and an opaque one would only pay for by accident.
    // The RGBA case is still measured below and reported on stderr.
    const rgba1024 = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#60a5fa' } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><circle cx="256" cy="256" r="200" fill="#1e3a8a"/></svg>'), gravity: 'centre' }])
      .png()
      .toBuffer();
    const rgb1024 = await sharp(rgba1024).removeAlpha().png().toBuffer();
    let png1024: Buffer = rgb1024;
    const instant: Behaviour = async (request) => ({ bytes: png1024, mime: 'image/png', model: request.model });
    let providers: FakeProvider[] = [new FakeProvider(capabilities('together', { concurrency: 4 }), instant)];
    const pipeline = new Pipeline({
      library,
      engines: MODE_ENGINES,
      providers: { available: () => providers.map((p) => p.capabilities), get: (id: ProviderId) => providers.find((p) => p.capabilities.id === id) },
      assets: fileAssetStore,
      events: { emit: () => undefined },
      log: silentLogger,
    });
    const request = { mode: 'business', workspaceId, tool: 'logo', preset: 'minimal_flat', prompt: 'a fox head mark for a coffee roaster', size: 1024 };

    // Prompt assembly: stages 1–8 plus the per-provider prompt (stage 6), no I/O but the workspace lookup.
    const planDeps = { engines: MODE_ENGINES, workspaces: library.workspaces, availableProviders: () => providers.map((p) => p.capabilities), queuedJobs: () => 0 };
    const assembly: number[] = [];
    for (let i = 0; i < ASSEMBLY_RUNS; i += 1) {
      const t0 = performance.now();
      const plan = planGeneration(request, planDeps);
      promptForProvider(plan, plan.slots[0]!, plan.chain[0]!);
      assembly.push(performance.now() - t0);
    }
    emit({ name: 'pipeline.prompt_assembly_p50_ms', value: median(assembly.slice(200)), unit: 'ms', target: 0.2, better: 'lower' });

    // Overhead: request → job succeeded (post-processing, files + thumbnail, rows) with an instant provider.
    const measureOverhead = async (png: Buffer): Promise<number[]> => {
      png1024 = png;
      const overhead: number[] = [];
      for (let i = 0; i < OVERHEAD_RUNS + 5; i += 1) {
        const t0 = performance.now();
        pipeline.submit(request);
        await pipeline.whenIdle();
        if (i >= 5) overhead.push(performance.now() - t0);
      }
      return overhead;
    };
    const overhead = await measureOverhead(rgb1024);
    progress(`overhead: ${OVERHEAD_RUNS} runs, 1024² RGB PNG in, business logo out`);
    emit({ name: 'pipeline.overhead_p50_ms', value: median(overhead), unit: 'ms', target: 15, better: 'lower' });
    emit({ name: 'pipeline.overhead_p95_ms', value: percentile(overhead, 95), unit: 'ms', target: 30, better: 'lower' });
    const withAlpha = await measureOverhead(rgba1024);
    progress(`overhead with a 1024² RGBA PNG (transparent render; premultiplied thumbnail): p50 ${median(withAlpha).toFixed(1)} ms, p95 ${percentile(withAlpha, 95).toFixed(1)} ms`);
    png1024 = rgb1024;

    // Batch of 4 on a 300 ms provider with concurrency 4, as a ratio to one slot.
    const slow: Behaviour = async (req, signal, onProgress) => {
      await new Promise((resolve) => setTimeout(resolve, BATCH_LATENCY_MS));
      return instant(req, signal, onProgress);
    };
    providers = [new FakeProvider(capabilities('together', { concurrency: 4 }), slow)];
    const timeBatch = async (batch: number): Promise<number> => {
      const runs: number[] = [];
      for (let i = 0; i < BATCH_RUNS; i += 1) {
        const t0 = performance.now();
        pipeline.submit({ ...request, batch });
        await pipeline.whenIdle();
        runs.push(performance.now() - t0);
      }
      return median(runs);
    };
    const one = await timeBatch(1);
    const four = await timeBatch(4);
    progress(`batch: 1 slot ${one.toFixed(0)} ms, 4 slots ${four.toFixed(0)} ms`);
    emit({ name: 'pipeline.batch4_ratio', value: four / one, unit: 'ratio', target: 1.35, better: 'lower' });
  } finally {
    library.close();
    rmSync(root, { recursive: true, force: true });
  }
}
