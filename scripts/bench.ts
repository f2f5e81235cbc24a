/**
 * `npm run bench`: every suite's figures as JSON lines on stdout (see bench/emit.ts).
 *
 * Suites run one after another, never in parallel: they compete for the same two cores
 * and disk, and overlapping them would measure the contention instead of the code.
 * A later issue adds its figures by adding a suite here.
 */
import { progress } from './bench/emit';
import { runExportBench } from './bench/export.bench';
import { runComfyUiBench } from './bench/comfyui.bench';
import { runLibraryBench } from './bench/library.bench';
import { runPipelineBench } from './bench/pipeline.bench';
import { runRendererBench } from './bench/renderer.bench';

const SUITES: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<void> }> = [
  { name: 'library', run: runLibraryBench },
  { name: 'pipeline', run: runPipelineBench },
  { name: 'comfyui', run: runComfyUiBench },
  { name: 'export', run: runExportBench },
  { name: 'renderer', run: runRendererBench },
];

async function main(): Promise<void> {
  // `npm run bench -- renderer` runs only the named suites.
  const only = process.argv.slice(2);
  for (const suite of SUITES) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    const t0 = performance.now();
    progress(`suite ${suite.name}…`);
    await suite.run();
    progress(`suite ${suite.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
