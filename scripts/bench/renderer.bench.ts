/**
 * Renderer figures (issue 6), measured in Chromium through Playwright against the built
 * renderer and the real core (the end-to-end harness), with a pixel workspace of 10,000
 * assets seeded straight through the library repositories (each with its own WebP thumbnail
 * on disk, as the pipeline writes them):
 *
 * - renderer.initial_js_gzip_kb — the JS index.html loads before anything lazy (entry
 *   script + modulepreloads), gzipped, in KiB;
 * - gallery.first_grid_ms — from clicking the mode in the sidebar (coming from Settings) to
 *   the first thumbnails decoded in the grid, median of several cold page loads;
 * - gallery.dom_images — the most <img> elements in the page at any time while scrolling;
 * - gallery.long_tasks_over_50ms — main-thread tasks over 50 ms (PerformanceObserver
 *   `longtask`) while the gallery scrolls from the top to the very last asset, loading every
 *   page on the way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import sharp from 'sharp';
import globalSetup from '../../e2e/global-setup';
import { RENDERER_DIR, REPO_ROOT } from '../../e2e/harness/paths';
import { TestApp } from '../../e2e/harness/test-app';
import type { NewAsset, NewJob } from '../../electron/core/library';
import { newRowId } from '../../electron/core/library';
import { emit, progress } from './emit';
import { median } from './stats';

const ASSETS = 10_000;
const GRID_RUNS = 5;
const VIEWPORT = { width: 1280, height: 800 } as const;

/** The entry script and module preloads of the built index.html, gzipped (what loads before the app runs). */
export function initialJsGzipKb(rendererDir: string): number {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(match[1]!);
  let bytes = 0;
  for (const url of urls) bytes += gzipSync(readFileSync(join(rendererDir, url.replace(/^\.?\//, '')))).length;
  return bytes / 1024;
}

/** A pixel workspace of 10k assets (1 per job, one second apart) with a real thumbnail each. */
export async function seedWorkspace(core: TestApp['core']): Promise<string> {
  const { workspaces, library } = core.services;
  const workspace = workspaces.create({ name: 'Bench gallery', mode: 'pixel' });
  const thumbs = await Promise.all(
    ['#7c3aed', '#0ea5e9', '#22c55e', '#f97316', '#e11d48', '#facc15'].map((background) =>
      sharp({ create: { width: 192, height: 192, channels: 3, background } }).webp({ quality: 70 }).toBuffer(),
    ),
  );
  const thumbDir = join(workspace.folder, '.wokgen', 'thumbnails');
  mkdirSync(thumbDir, { recursive: true });
  const jobs: NewJob[] = [];
  const assets: NewAsset[] = [];
  const start = Date.now() - ASSETS * 1000;
  for (let i = 0; i < ASSETS; i += 1) {
    const createdAt = start + i * 1000;
    const jobId = newRowId(createdAt);
    const assetId = newRowId(createdAt);
    const thumbnailPath = `.wokgen/thumbnails/${assetId}.webp`;
    writeFileSync(join(workspace.folder, thumbnailPath), thumbs[i % thumbs.length]!);
    jobs.push({ id: jobId, workspaceId: workspace.id, mode: 'pixel', tool: 'generate', prompt: `bench sprite number ${i}`, status: 'succeeded', seed: i, createdAt });
    assets.push({
      id: assetId,
      jobId,
      workspaceId: workspace.id,
      slot: 0,
      kind: 'image',
      relativePath: `assets/2026-01/${jobId}-0.png`,
      mime: 'image/png',
      width: 512,
      height: 512,
      bytes: 40_000,
      metadata: { prompt: `bench sprite number ${i}`, thumbnailPath },
      createdAt,
    });
  }
  library.jobs.insertMany(jobs);
  library.assets.insertMany(assets);
  return workspace.id;
}

/** Counts long tasks and the most <img> elements seen, from before the app's first script. */
const OBSERVERS = `
  window.__bench = { longTasks: [], maxImages: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/*
 * The in-page parts are plain JavaScript strings: tsx compiles this file with esbuild's
 * keepNames, whose `__name(...)` helper does not exist inside the page.
 */

/** Clicks Pixel in the sidebar; resolves when the grid's first thumbnail is decoded and painted. */
const FIRST_GRID = `(async () => {
  const link = document.querySelector('nav[aria-label="Modes"] a[aria-label="Pixel"]');
  if (link === null) throw new Error('no Pixel link in the sidebar');
  const t0 = performance.now();
  link.click();
  await new Promise((resolve, reject) => {
    const check = () => {
      const img = document.querySelector('[aria-label="Assets"] img');
      if (img !== null && img.complete && img.naturalWidth > 0) resolve();
      else if (performance.now() > t0 + 10000) reject(new Error('the grid did not appear within 10 s'));
      else requestAnimationFrame(check);
    };
    check();
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
})()`;

/**
 * Scrolls the gallery from top to bottom like a fast wheel (¾ of a screen per frame), loading
 * every page on the way, until the oldest asset ("… number 0") is on screen.
 */
const SCROLL_TO_END = `(async () => {
  const bench = window.__bench;
  const scroller = document.querySelector('.gallery-scroller');
  if (scroller === null) throw new Error('no gallery scroller');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  bench.longTasks.length = 0;
  let maxImages = 0;
  const step = Math.round(scroller.clientHeight * 0.75);
  let stalled = 0;
  while (stalled < 300) {
    const before = scroller.scrollTop;
    scroller.scrollTop = before + step;
    await frame();
    maxImages = Math.max(maxImages, document.querySelectorAll('img').length);
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    const oldest = document.querySelector('[aria-label="Assets"] img[alt="bench sprite number 0"]');
    if (atEnd && oldest !== null) break;
    stalled = scroller.scrollTop === before ? stalled + 1 : 0;
  }
  await new Promise((r) => setTimeout(r, 100));
  const shown = Number.parseInt(document.querySelector('.gallery .gallery-count')?.textContent ?? '', 10);
  const error = document.querySelector('.gallery .field-error')?.textContent ?? null;
  return { longTasks: bench.longTasks.filter((d) => d > 50), maxImages, assetsShown: shown, error };
})()`;

async function timeFirstGrid(page: Page): Promise<number> {
  return (await page.evaluate(FIRST_GRID)) as number;
}

async function scrollToEnd(page: Page): Promise<{ longTasks: number[]; maxImages: number; assetsShown: number; error: string | null }> {
  return (await page.evaluate(SCROLL_TO_END)) as { longTasks: number[]; maxImages: number; assetsShown: number; error: string | null };
}

export async function runRendererBench(): Promise<void> {
  progress('renderer: building (electron-vite) and bundling the bridge…');
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('electron-vite build failed');
  await globalSetup();
  emit({ name: 'renderer.initial_js_gzip_kb', value: initialJsGzipKb(RENDERER_DIR), unit: 'KiB', target: 300, better: 'lower' });

  const app = await TestApp.start();
  // As in e2e/playwright.config.ts: WOKGEN_CHROMIUM_PATH, else Debian's Chromium, else Playwright's own.
  const executablePath = process.env['WOKGEN_CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    progress(`renderer: seeding ${ASSETS} assets…`);
    await seedWorkspace(app.core);
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(OBSERVERS);
    const times: number[] = [];
    let page: Page | undefined;
    for (let run = 0; run < GRID_RUNS; run += 1) {
      await page?.close();
      page = await context.newPage();
      await page.goto(`${app.url}settings`);
      await page.getByRole('heading', { name: 'Settings' }).first().waitFor();
      times.push(await timeFirstGrid(page));
    }
    progress(`renderer: first grid ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    emit({ name: 'gallery.first_grid_ms', value: median(times), unit: 'ms', target: 300, better: 'lower' });

    progress('renderer: scrolling 10k assets top to bottom…');
    const scroll = await scrollToEnd(page!);
    if (scroll.assetsShown !== ASSETS) throw new Error(`scrolled to the end but the gallery lists ${scroll.assetsShown} of ${ASSETS} assets (${scroll.error ?? 'no error shown'})`);
    emit({ name: 'gallery.dom_images', value: scroll.maxImages, unit: 'count', target: 150, better: 'lower' });
    if (scroll.longTasks.length > 0) progress(`renderer: long tasks ${scroll.longTasks.map((d) => d.toFixed(0)).join(', ')} ms`);
    emit({ name: 'gallery.long_tasks_over_50ms', value: scroll.longTasks.length, unit: 'count', target: 0, better: 'lower' });
    await context.close();
  } finally {
    await browser.close();
    await app[Symbol.asyncDispose]();
  }
}
