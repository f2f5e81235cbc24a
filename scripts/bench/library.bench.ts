/**
 * Library figures: bulk insert, gallery page, prompt search, open + migrate.
 *
 * Everything goes through the repositories the app uses, on a real file in a temporary
 * folder, seeded with 100k jobs / 400k assets across 20 workspaces.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AssetCursor } from '../../shared/library';
import type { NewAsset } from '../../electron/core/library/assets-repo';
import type { NewJob } from '../../electron/core/library/jobs-repo';
import { DEFAULT_MIGRATIONS_DIR, openLibrary, type Library } from '../../electron/core/library/open-library';
import type { NewWorkspace } from '../../electron/core/library/workspaces-repo';
import { emit, progress } from './emit';
import { LibraryCorpus } from './library-corpus';
import { median, percentile, seededRandom } from './stats';

const WORKSPACES = 20;
const JOBS = 100_000;
/** Jobs per transaction: the pipeline writes one job at a time, imports write batches. */
const JOBS_PER_BATCH = 1_000;
const GALLERY_PAGE = 60;
const GALLERY_WALKS = 100;
const GALLERY_PAGES_PER_WALK = 4;
const SEARCH_QUERIES = 250;
const SEARCH_LIMIT = 50;
const OPEN_RUNS = 5;
/** Untimed calls before each timed phase, so one-off costs (page cache, JIT) are not sampled. */
const WARMUP = 20;

function seed(library: Library, corpus: LibraryCorpus, workspaces: ReadonlyArray<NewWorkspace>, random: () => number): number {
  let rows = 0;
  let insertMs = 0;
  for (let done = 0; done < JOBS; done += JOBS_PER_BATCH) {
    // Build the batch outside the timed region: we measure the library, not the generator.
    const jobs: NewJob[] = [];
    const assets: NewAsset[] = [];
    for (let i = 0; i < JOBS_PER_BATCH; i += 1) {
      const batch = corpus.jobWithAssets(workspaces[Math.floor(random() * workspaces.length)] as NewWorkspace);
      jobs.push(batch.job);
      assets.push(...batch.assets);
    }
    const t0 = performance.now();
    library.jobs.insertMany(jobs);
    library.assets.insertMany(assets);
    insertMs += performance.now() - t0;
    rows += jobs.length + assets.length;
    if ((done + JOBS_PER_BATCH) % 20_000 === 0) progress(`seeded ${done + JOBS_PER_BATCH} jobs`);
  }
  return rows / (insertMs / 1000);
}

function galleryPageSamples(library: Library, workspaces: ReadonlyArray<NewWorkspace>, random: () => number): number[] {
  const samples: number[] = [];
  const walk = (timed: boolean) => {
    const workspace = workspaces[Math.floor(random() * workspaces.length)] as NewWorkspace;
    let cursor: AssetCursor | null = null;
    for (let page = 0; page < GALLERY_PAGES_PER_WALK; page += 1) {
      const t0 = performance.now();
      const result = library.assets.page(workspace.id, { limit: GALLERY_PAGE, cursor });
      const elapsed = performance.now() - t0;
      if (timed) samples.push(elapsed);
      if (result.items.length !== GALLERY_PAGE) throw new Error('gallery page came back short: the seed is wrong');
      cursor = result.nextCursor;
    }
  };
  for (let i = 0; i < WARMUP; i += 1) walk(false);
  for (let i = 0; i < GALLERY_WALKS; i += 1) walk(true);
  return samples;
}

function searchSamples(library: Library, corpus: LibraryCorpus, workspaces: ReadonlyArray<NewWorkspace>, random: () => number): { samples: number[]; hits: number } {
  const samples: number[] = [];
  let hits = 0;
  const search = (timed: boolean) => {
    const workspace = workspaces[Math.floor(random() * workspaces.length)] as NewWorkspace;
    const query = corpus.searchQuery(workspace.mode);
    const t0 = performance.now();
    const found = library.jobs.search(workspace.id, query, SEARCH_LIMIT);
    const elapsed = performance.now() - t0;
    if (timed) {
      samples.push(elapsed);
      hits += found.length;
    }
  };
  for (let i = 0; i < WARMUP; i += 1) search(false);
  for (let i = 0; i < SEARCH_QUERIES; i += 1) search(true);
  return { samples, hits };
}

function openSamples(file: string): number[] {
  const samples: number[] = [];
  for (let i = 0; i < OPEN_RUNS; i += 1) {
    const t0 = performance.now();
    const { library } = openLibrary({ file, migrationsDir: DEFAULT_MIGRATIONS_DIR });
    samples.push(performance.now() - t0);
    library.close();
  }
  return samples;
}

export async function runLibraryBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wokgen-bench-library-'));
  const file = path.join(dir, 'library.sqlite');
  const random = seededRandom(0x5eed);
  const corpus = new LibraryCorpus(random);
  try {
    const { library } = openLibrary({ file, migrationsDir: DEFAULT_MIGRATIONS_DIR });
    const workspaces = corpus.workspaces(WORKSPACES);
    for (const workspace of workspaces) library.workspaces.insert(workspace);

    progress(`seeding ${JOBS} jobs across ${WORKSPACES} workspaces…`);
    const rowsPerSecond = seed(library, corpus, workspaces, random);
    emit({ name: 'library.bulk_insert_rows_per_s', value: rowsPerSecond, unit: 'rows/s', target: 50_000, better: 'higher' });

    const gallery = galleryPageSamples(library, workspaces, random);
    progress(`gallery: ${gallery.length} pages of ${GALLERY_PAGE}`);
    emit({ name: 'library.gallery_page_p95_ms', value: percentile(gallery, 95), unit: 'ms', target: 2, better: 'lower' });

    const search = searchSamples(library, corpus, workspaces, random);
    progress(`search: ${search.samples.length} queries, ${(search.hits / search.samples.length).toFixed(1)} hits on average`);
    emit({ name: 'library.fts_search_p95_ms', value: percentile(search.samples, 95), unit: 'ms', target: 20, better: 'lower' });

    library.close();
    progress(`database: ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    const opens = openSamples(file);
    emit({ name: 'library.open_migrate_ms', value: median(opens), unit: 'ms', target: 200, better: 'lower' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
