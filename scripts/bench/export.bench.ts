/**
 * Export figures (issue "Export tooling per mode"): a pixel sprite at 8× plus a 16-frame sheet
 * with its atlas, a full business brand kit, and a 100-asset `.wokpack` export + import through
 * the real export service (real library, real files, thumbnails and fsyncs included).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeAssetFiles } from '../../electron/core/assets/asset-writer';
import { applyRebuild, rebuildWorkspaceRows } from '../../electron/core/assets/rebuild-library';
import { ExportService } from '../../electron/core/exports/export-service';
import type { ExportContext, ExportSource } from '../../electron/core/exports/exporter';
import { openLibrary, type Library } from '../../electron/core/library';
import { newRowId } from '../../electron/core/library/row-id';
import { businessBrandKit } from '../../electron/core/modes/business/exports';
import { pixelPng, pixelSheet } from '../../electron/core/modes/pixel/exports';
import { silentLogger } from '../../electron/core/ports';
import type { Asset } from '../../shared/library';
import type { ModeId } from '../../shared/modes';
import { emit, progress } from './emit';
import { median } from './stats';

const SHEET_RUNS = 30;
const BRAND_KIT_RUNS = 10;
const ROUNDTRIP_RUNS = 3;
const PACK_ASSETS = 100;

function context(): ExportContext {
  return { signal: new AbortController().signal, progress: () => undefined, workspaceName: 'Bench', now: Date.now() };
}

function source(bytes: Uint8Array, name: string, metadata: Record<string, unknown> = {}): ExportSource {
  const asset: Asset = {
    id: newRowId(),
    jobId: null,
    workspaceId: 'bench',
    slot: 0,
    kind: 'image',
    relativePath: `assets/${name}.png`,
    mime: 'image/png',
    width: null,
    height: null,
    bytes: bytes.byteLength,
    metadata,
    starred: false,
    createdAt: Date.now(),
  };
  return { asset, name, read: async () => bytes };
}

/** Pixel art with a handful of colours, as the pixel mode delivers it. */
async function sprite(edge: number, shift: number): Promise<Uint8Array> {
  const raw = Buffer.alloc(edge * edge * 4);
  const palette = [
    [0, 0, 0, 0],
    [200, 40, 40, 255],
    [40, 40, 200, 255],
    [240, 220, 60, 255],
    [20, 20, 20, 255],
  ];
  for (let y = 0; y < edge; y += 1) {
    for (let x = 0; x < edge; x += 1) raw.set(palette[(Math.floor((x + shift) / 4) + Math.floor(y / 4)) % palette.length] ?? [0, 0, 0, 0], (y * edge + x) * 4);
  }
  return new Uint8Array(await sharp(raw, { raw: { width: edge, height: edge, channels: 4 } }).png().toBuffer());
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: sharp's first call loads libvips' operations
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function pixelSheetFigure(): Promise<void> {
  const big = source(await sprite(64, 0), 'hero');
  const frames = await Promise.all(
    Array.from({ length: 16 }, async (_, i) => source(await sprite(64, i), `walk-${i}`, { extra: { group: { type: 'frames', jobId: 'walk', frame: i, count: 16, fps: 10 } } })),
  );
  const value = await timed(SHEET_RUNS, async () => {
    await pixelPng.run([big], { scales: ['8'] }, context());
    await pixelSheet.run(frames, {}, context());
  });
  emit({ name: 'export.pixel_sheet_ms', value, unit: 'ms', target: 50, better: 'lower' });
}

async function brandKitFigure(): Promise<void> {
  const logo = new Uint8Array(
    await sharp({ create: { width: 1024, height: 1024, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024"><circle cx="512" cy="512" r="400" fill="#1e3a8a"/><rect x="362" y="362" width="300" height="300" fill="#60a5fa"/></svg>') }])
      .png()
      .toBuffer(),
  );
  const value = await timed(BRAND_KIT_RUNS, () => businessBrandKit.run([source(logo, 'logo')], {}, context()));
  emit({ name: 'export.brand_kit_ms', value, unit: 'ms', target: 300, better: 'lower' });
}

function addWorkspace(library: Library, root: string, name: string, mode: ModeId): { id: string; folder: string } {
  const id = crypto.randomUUID();
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'workspace.json'), JSON.stringify({ format: 1, app: 'wokgen-studio', id, name, mode, createdAt: 1 }));
  library.workspaces.insert({ id, name, mode, folder, createdAt: Date.now() });
  return { id, folder };
}

async function wokpackFigure(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'wokgen-bench-export-'));
  const { library } = openLibrary({ file: join(root, 'library.sqlite') });
  try {
    const source = addWorkspace(library, root, 'Sprites', 'pixel');
    for (let i = 0; i < PACK_ASSETS; i += 1) {
      await writeAssetFiles({
        workspaceFolder: source.folder,
        metadata: {
          assetId: newRowId(),
          jobId: newRowId(),
          workspaceId: source.id,
          mode: 'pixel',
          tool: 'generate',
          preset: 'character',
          prompt: `hero ${i}, pixel art`,
          negativePrompt: null,
          seed: i,
          provider: 'comfyui',
          model: 'sdxl',
          steps: 20,
          guidance: 7,
          width: 1024,
          height: 1024,
          slot: 0,
          createdAt: Date.now(),
        },
        processed: { bytes: await sprite(128, i), mime: 'image/png', extension: 'png', width: 128, height: 128 },
      });
    }
    applyRebuild(library, await rebuildWorkspaceRows(source.folder, source.id));
    let packFile = '';
    const service = new ExportService({
      library,
      dialogs: { chooseFolder: async () => null, chooseFile: async () => packFile, chooseSaveFile: async ({ defaultPath }) => defaultPath },
      shell: { openExternal: async () => undefined, showItemInFolder: () => undefined, trashItem: async () => undefined },
      events: { emit: () => undefined },
      log: silentLogger,
    });
    let round = 0;
    const value = await timed(ROUNDTRIP_RUNS, async () => {
      round += 1;
      const exported = await service.run({ exportId: `bench-${round}-${newRowId()}`, workspaceId: source.id, assets: 'all', format: 'wokpack', options: {}, destination: 'workspace' });
      packFile = exported.file;
      const target = addWorkspace(library, root, `Brand ${round}`, 'business');
      const summary = await service.choosePack(target.id);
      const imported = await service.importPack({ token: summary.token, workspaceId: target.id, allowCrossMode: true });
      if (imported.imported !== PACK_ASSETS) throw new Error(`imported ${imported.imported} of ${PACK_ASSETS}`);
    });
    emit({ name: 'export.wokpack_roundtrip_ms', value, unit: 'ms', target: 2000, better: 'lower' });
  } finally {
    library.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function runExportBench(): Promise<void> {
  progress('export: pixel sprite 8× + 16-frame sheet…');
  await pixelSheetFigure();
  progress('export: business brand kit…');
  await brandKitFigure();
  progress(`export: ${PACK_ASSETS}-asset .wokpack round trip…`);
  await wokpackFigure();
}
