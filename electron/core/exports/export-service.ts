/**
 * The export service: runs a mode's exporter over a selection or a whole workspace, with
 * progress events and cancel, and writes the result where the user said — a file picked in
 * the main process's save dialog, or the workspace's `exports/` folder. Files are written
 * atomically and never over an existing one: a taken name becomes `name (2).ext`.
 *
 * It also owns the `.wokpack` import: the file comes from the main process's open dialog
 * (the renderer never names a path), is read (asynchronously) and validated whole, summarised for the
 * user's confirmation; the import re-reads it, checks it is the same file (size + SHA-256) and
 * imports it all or nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { AppFailure } from '../../../shared/errors';
import type { ExportFormatInfo, ExportResult, WokpackImportResult, WokpackSummary } from '../../../shared/exports';
import type { Asset } from '../../../shared/library';
import type { ModeId } from '../../../shared/modes';
import { writeFileAtomicSync } from '../fs/atomic-write';
import { errnoCode, ioFailure } from '../fs/errno';
import { resolveInside } from '../fs/path-containment';
import type { Library } from '../library/open-library';
import type { DialogPort, EventSink, Logger, ShellPort } from '../ports';
import { parseOptions, type AnyExporter, type ExportFile, type ExportSource } from './exporter';
import { exportFileBase, exportNames, numberedName } from './names';
import { MODE_EXPORTERS, type ExporterRegistry } from './registry';
import { importPack } from './wokpack/import-pack';
import { DEFAULT_PACK_LIMITS, WOKPACK_EXTENSION, type PackLimits } from './wokpack/manifest';
import { readPack } from './wokpack/read-pack';
import { zipFiles } from './zip';

/** The workspace folder where `destination: 'workspace'` exports go. */
export const EXPORTS_DIR = 'exports';
/** Free-name attempts before giving up (`name (2).zip` … `name (999).zip`). */
const MAX_NAME_ATTEMPTS = 999;
/** Chosen-but-not-imported packs remembered (path + hash only); the oldest is forgotten first. */
const MAX_PENDING_PACKS = 2;

export interface ExportServiceDeps {
  readonly library: Library;
  readonly dialogs: DialogPort;
  readonly shell: ShellPort;
  readonly events: EventSink;
  readonly log: Logger;
  readonly registry?: ExporterRegistry;
  readonly packLimits?: PackLimits;
  readonly now?: () => number;
}

export interface RunExportInput {
  readonly exportId: string;
  readonly workspaceId: string;
  readonly assets: 'all' | ReadonlyArray<string>;
  readonly format: string;
  readonly options: Record<string, unknown>;
  readonly destination: 'dialog' | 'workspace';
}

interface WorkspaceFacts {
  readonly id: string;
  readonly name: string;
  readonly mode: ModeId;
  readonly folder: string;
}

interface PendingPack {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly fileName: string;
  readonly workspaceId: string;
}

/** Progress events at most every 1% (and always the first and last), not one per asset of 10k. */
function progressThrottle(emit: (done: number, total: number) => void): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const step = Math.max(1, Math.floor(total / 100));
    if (done === total || done === 1 || done - last >= step) {
      last = done;
      emit(done, total);
    }
  };
}

/** A frame of an animation: the pipeline records `metadata.extra.group.type === 'frames'`. */
function isAnimationFrame(asset: Asset): boolean {
  const extra = asset.metadata['extra'];
  if (typeof extra !== 'object' || extra === null) return false;
  const group = (extra as Record<string, unknown>)['group'];
  return typeof group === 'object' && group !== null && (group as Record<string, unknown>)['type'] === 'frames';
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export class ExportService {
  private readonly running = new Map<string, AbortController>();
  /** Files this session wrote: the only ones "Reveal in folder" will show. */
  private readonly written = new Set<string>();
  private readonly pending = new Map<string, PendingPack>();
  private readonly registry: ExporterRegistry;
  private readonly now: () => number;

  constructor(private readonly deps: ExportServiceDeps) {
    this.registry = deps.registry ?? MODE_EXPORTERS;
    this.now = deps.now ?? Date.now;
  }

  formats(mode: ModeId): ExportFormatInfo[] {
    return this.registry[mode].map((exporter) => exporter.info);
  }

  cancel(exportId: string): boolean {
    const controller = this.running.get(exportId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Cancels every running export (shutdown). */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  reveal(file: string): void {
    if (!this.written.has(file)) throw new AppFailure('not_found', 'Only files exported in this session can be revealed.', 'file');
    this.deps.shell.showItemInFolder(file);
  }

  async run(input: RunExportInput): Promise<ExportResult> {
    if (this.running.has(input.exportId)) throw new AppFailure('conflict', 'An export with this id is already running.', 'exportId');
    const workspace = this.workspace(input.workspaceId);
    const exporter = this.exporter(workspace.mode, input.format);
    const options = parseOptions(exporter.options, input.options);
    const selected = this.assetsOf(workspace, input.assets);
    const assets = exporter.wholeAnimations && input.assets !== 'all' ? this.withWholeAnimations(selected) : selected;
    if (assets.length === 0) throw new AppFailure('invalid_input', 'This workspace has no assets to export yet.', 'assets');

    const controller = new AbortController();
    this.running.set(input.exportId, controller);
    const emit = (phase: 'reading' | 'rendering' | 'writing', done: number, total: number) =>
      this.deps.events.emit('exports.progress', { exportId: input.exportId, phase, done, total });
    try {
      const now = this.now();
      const names = exportNames(assets);
      const sources: ExportSource[] = assets.map((asset, index) => ({
        asset,
        name: names[index] ?? `asset-${index + 1}`,
        read: async () => this.readAsset(workspace, asset),
      }));
      emit('reading', 0, sources.length);
      const output = await exporter.run(sources, options, {
        signal: controller.signal,
        progress: progressThrottle((done, total) => emit('rendering', done, total)),
        workspaceName: workspace.name,
        now,
      });
      controller.signal.throwIfAborted();
      emit('writing', 0, 1);
      const { fileName, bytes, entries } = this.package(output.files, exporter.info, workspace, now);
      const { file, renamed } = await this.save(workspace, { fileName, bytes, info: exporter.info, destination: input.destination }, controller.signal);
      this.written.add(file);
      emit('writing', 1, 1);
      this.deps.log.info('export written', { format: exporter.info.id, assets: assets.length, bytes: bytes.byteLength });
      return { exportId: input.exportId, file, renamed, bytes: bytes.byteLength, assetCount: assets.length, entries, notes: [...output.notes] };
    } catch (error) {
      if (controller.signal.aborted) throw new AppFailure('cancelled', 'The export was cancelled; nothing was written.');
      throw error;
    } finally {
      this.running.delete(input.exportId);
    }
  }

  /** Opens the main process's file picker, reads and validates the pack, and says what it holds. */
  async choosePack(workspaceId: string): Promise<WokpackSummary> {
    const workspace = this.workspace(workspaceId);
    const path = await this.deps.dialogs.chooseFile({ title: 'Import a WokGen pack', filters: [{ name: 'WokGen pack', extensions: [WOKPACK_EXTENSION] }] });
    if (path === null) throw new AppFailure('cancelled', 'No pack was chosen.');
    const limits = this.deps.packLimits ?? DEFAULT_PACK_LIMITS;
    const bytes = await this.readPackFile(path, limits);
    const pack = await readPack(bytes, limits);
    const token = randomBytes(16).toString('hex');
    // Only the file's identity is kept (path, size, hash), never its bytes: waiting packs cost
    // no memory, and the import re-reads the file and refuses it if it changed meanwhile.
    this.pending.set(token, { path, size: bytes.byteLength, sha256: sha256Hex(bytes), fileName: basename(path), workspaceId });
    while (this.pending.size > MAX_PENDING_PACKS) this.pending.delete(this.pending.keys().next().value ?? '');
    return {
      token,
      fileName: basename(path),
      assetCount: pack.entries.length,
      modes: pack.modes,
      crossMode: pack.entries.some((entry) => entry.asset.sourceMode !== workspace.mode),
      exportedAt: pack.manifest.exportedAt,
    };
  }

  /** The pack file's bytes, size-checked before reading and read without blocking main. */
  private async readPackFile(path: string, limits: PackLimits, signal?: AbortSignal): Promise<Uint8Array> {
    try {
      if ((await stat(path)).size > limits.maxPackBytes) throw new AppFailure('invalid_input', `The pack is larger than ${Math.round(limits.maxPackBytes / 2 ** 20)} MB.`, 'file');
      return await readFile(path, signal ? { signal } : {});
    } catch (error) {
      if (signal?.aborted) throw error;
      throw ioFailure('read the pack', error, 'file');
    }
  }

  async importPack(input: { token: string; workspaceId: string; allowCrossMode: boolean }): Promise<WokpackImportResult> {
    const pending = this.pending.get(input.token);
    if (!pending || pending.workspaceId !== input.workspaceId) throw new AppFailure('not_found', 'Choose the pack again: this import is no longer waiting.', 'token');
    const workspace = this.workspace(input.workspaceId);
    // One use: taken out before the first await, so a second call with the same token (a
    // double click, a hostile renderer) finds nothing instead of importing the pack twice.
    this.pending.delete(input.token);
    // Cancellable like an export: `exports.cancel` with the token (the id its progress events
    // carry), and every running import stops when the app closes (cancelAll).
    const controller = new AbortController();
    this.running.set(input.token, controller);
    try {
      const limits = this.deps.packLimits ?? DEFAULT_PACK_LIMITS;
      const bytes = await this.readPackFile(pending.path, limits, controller.signal);
      if (bytes.byteLength !== pending.size || sha256Hex(bytes) !== pending.sha256) {
        throw new AppFailure('conflict', `${pending.fileName} changed since it was chosen; choose it again.`, 'file');
      }
      const pack = await readPack(bytes, limits, controller.signal);
      const { rows } = await importPack({
        pack,
        workspace,
        allowCrossMode: input.allowCrossMode,
        insertRows: (newRows) => this.deps.library.assets.insertMany(newRows),
        packName: pending.fileName,
        now: this.now(),
        signal: controller.signal,
        onProgress: progressThrottle((done, total) => this.deps.events.emit('exports.progress', { exportId: input.token, phase: 'importing', done, total })),
      });
      this.deps.events.emit('wokpack.imported', { workspaceId: workspace.id, count: rows.length });
      return { workspaceId: workspace.id, imported: rows.length, assetIds: rows.map((row) => row.id) };
    } catch (error) {
      if (controller.signal.aborted) throw new AppFailure('cancelled', 'The import was cancelled; nothing was imported.');
      // Only the cross-mode question hands the token back, so the user can confirm without
      // choosing the pack again; any other failure spends it.
      if (error instanceof AppFailure && error.code === 'conflict' && error.field === 'allowCrossMode') this.pending.set(input.token, pending);
      throw error;
    } finally {
      this.running.delete(input.token);
    }
  }

  private workspace(id: string): WorkspaceFacts {
    const row = this.deps.library.workspaces.get(id);
    if (!row) throw new AppFailure('not_found', 'This workspace does not exist.', 'workspaceId');
    return { id: row.id, name: row.name, mode: row.mode, folder: row.folder };
  }

  private exporter(mode: ModeId, format: string): AnyExporter {
    const exporter = this.registry[mode].find((candidate) => candidate.info.id === format);
    if (!exporter) throw new AppFailure('invalid_input', `${mode} workspaces have no "${format}" export.`, 'format');
    return exporter;
  }

  /** The selection in the order given (duplicates dropped), or every asset newest first. */
  private assetsOf(workspace: WorkspaceFacts, selection: 'all' | ReadonlyArray<string>): Asset[] {
    if (selection === 'all') {
      const all: Asset[] = [];
      let cursor = null;
      do {
        const page = this.deps.library.assets.page(workspace.id, { limit: 200, cursor });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return all;
    }
    // Live rows only: an asset deleted from the gallery (soft delete, Undo pending) is gone
    // for the user and must not leave the app in an export.
    const ids = [...new Set(selection)];
    const live = this.deps.library.assets.listLive(workspace.id, ids);
    if (live.length !== ids.length) throw new AppFailure('not_found', 'A selected asset is no longer in this workspace.', 'assets');
    return live;
  }

  /** The selection with every frame of each animation it touches, frames right after the first one picked. */
  private withWholeAnimations(selected: ReadonlyArray<Asset>): Asset[] {
    const out: Asset[] = [];
    const seen = new Set<string>();
    const add = (asset: Asset) => {
      if (seen.has(asset.id)) return;
      seen.add(asset.id);
      out.push(asset);
    };
    for (const asset of selected) {
      if (asset.jobId !== null && isAnimationFrame(asset)) {
        for (const frame of this.deps.library.assets.listByJob(asset.jobId)) if (frame.workspaceId === asset.workspaceId && isAnimationFrame(frame)) add(frame);
      }
      add(asset);
    }
    return out;
  }

  private async readAsset(workspace: WorkspaceFacts, asset: Asset): Promise<Uint8Array> {
    try {
      return readFileSync(resolveInside(workspace.folder, asset.relativePath));
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      if (errnoCode(error) === 'ENOENT') throw new AppFailure('not_found', `${asset.relativePath} is missing from the workspace folder.`, 'assets');
      throw ioFailure(`read ${asset.relativePath}`, error, 'assets');
    }
  }

  /** One file as it is; several in one zip. */
  private package(files: ReadonlyArray<ExportFile>, info: ExportFormatInfo, workspace: WorkspaceFacts, now: number) {
    const base = exportFileBase(workspace.name, info.id, now);
    const single = files.length === 1 ? files[0] : undefined;
    if (single && info.extension !== 'zip') {
      const extension = extname(single.path).slice(1) || info.extension;
      return { fileName: `${base}.${extension}`, bytes: single.bytes, entries: [single.path] };
    }
    return { fileName: `${base}.zip`, bytes: zipFiles(files, now), entries: files.map((file) => file.path) };
  }

  private async save(
    workspace: WorkspaceFacts,
    { fileName, bytes, info, destination }: { fileName: string; bytes: Uint8Array; info: ExportFormatInfo; destination: 'dialog' | 'workspace' },
    signal: AbortSignal,
  ) {
    // The atomic writer creates missing parents: an unplugged drive's workspace folder must
    // not quietly reappear on the system disk just to hold an export.
    if (!isDirectory(workspace.folder)) throw new AppFailure('not_found', 'The workspace folder is missing; re-attach it and try again.', 'workspaceId');
    const exportsDir = resolveInside(workspace.folder, EXPORTS_DIR);
    let target: string;
    if (destination === 'dialog') {
      // No mkdir here: a cancelled dialog leaves the workspace untouched. The proposed path may
      // name a folder that does not exist yet; the atomic writer creates it if the user keeps it.
      const extension = extname(fileName).slice(1);
      const chosen = await this.deps.dialogs.chooseSaveFile({
        title: `Export ${info.label}`,
        defaultPath: join(exportsDir, fileName),
        filters: [{ name: extension === 'zip' ? 'Zip archive' : info.label, extensions: [extension] }],
      });
      if (chosen === null) throw new AppFailure('cancelled', 'No file was chosen; nothing was written.');
      signal.throwIfAborted();
      target = chosen;
    } else {
      target = join(exportsDir, fileName);
    }
    return this.writeFree(target, bytes);
  }

  /** Writes atomically under the first free name: `x.zip`, `x (2).zip`, … — never over a file. */
  private writeFree(target: string, bytes: Uint8Array): { file: string; renamed: boolean } {
    const dir = dirname(target);
    const name = basename(target);
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt += 1) {
      const candidate = join(dir, numberedName(name, attempt));
      try {
        writeFileAtomicSync(candidate, bytes, { noOverwrite: true });
        return { file: candidate, renamed: attempt > 1 };
      } catch (error) {
        if (errnoCode(error) === 'EEXIST') {
          try {
            if (statSync(candidate).isFile()) continue;
          } catch {
            // fall through to the error below
          }
        }
        throw ioFailure('write the export', error, 'destination');
      }
    }
    throw new AppFailure('conflict', `Too many files named like ${name} already exist; choose another name.`, 'destination');
  }
}
