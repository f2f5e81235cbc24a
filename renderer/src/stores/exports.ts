/**
 * Exports and `.wokpack` imports from the studio: each mode's formats (asked once), the export
 * that is running (its progress events, cancel), and the import flow (choose → confirm →
 * import). The result toasts offer "Reveal in folder"; an import reloads the gallery.
 */
import { create } from 'zustand';
import type { Result } from '../../../shared/errors';
import type { ExportFormatInfo, ExportProgress, ExportResult, WokpackImportResult, WokpackSummary } from '../../../shared/exports';
import type { Unsubscribe, WokgenApi } from '../../../shared/ipc/api';
import type { ModeId } from '../../../shared/modes';
import type { LoadStatus } from './status';
import { notifyError, type Notify } from './toasts';

export interface ModeFormats {
  readonly status: LoadStatus;
  readonly items: ReadonlyArray<ExportFormatInfo>;
}

export interface RunningExport {
  readonly exportId: string;
  readonly workspaceId: string;
  readonly formatLabel: string;
  readonly progress: ExportProgress | null;
}

export interface ExportRequest {
  readonly workspaceId: string;
  readonly assets: 'all' | ReadonlyArray<string>;
  readonly format: ExportFormatInfo;
  readonly options: Record<string, unknown>;
  readonly destination: 'dialog' | 'workspace';
}

export interface ExportChoice {
  readonly formatId: string;
  /** Options the user set, per format id (unset ones take the format's defaults). */
  readonly values: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly destination: 'dialog' | 'workspace';
}

export interface ExportsState {
  readonly formats: Readonly<Partial<Record<ModeId, ModeFormats>>>;
  readonly running: RunningExport | null;
  /** The `.wokpack` import in progress (keyed by its pack token), with its progress. */
  readonly importing: { readonly token: string; readonly progress: ExportProgress | null } | null;
  /** What the user last exported in each mode (format, options per format, destination), for next time. */
  readonly lastChoice: Readonly<Partial<Record<ModeId, ExportChoice>>>;
  remember(mode: ModeId, choice: ExportChoice): void;
  loadFormats(mode: ModeId): Promise<void>;
  run(request: ExportRequest): Promise<Result<ExportResult>>;
  cancel(): Promise<void>;
  /** Stops the running `.wokpack` import; it is all-or-nothing, so nothing is kept. */
  cancelImport(): Promise<void>;
  reveal(file: string): Promise<void>;
  choosePack(workspaceId: string): Promise<Result<WokpackSummary>>;
  importPack(summary: WokpackSummary, workspaceId: string, allowCrossMode: boolean): Promise<Result<WokpackImportResult>>;
  start(): Unsubscribe;
}

export interface ExportsDeps {
  readonly api: WokgenApi;
  readonly notify: Notify;
  /** A pack was imported: the gallery of that workspace reloads. */
  readonly onImported: (workspaceId: string) => void;
  /** Ids for runs; injectable for tests. */
  readonly newId?: () => string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The file's name, whatever the OS separator. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function createExportsStore({ api, notify, onImported, newId = () => `exp-${crypto.randomUUID()}` }: ExportsDeps) {
  return create<ExportsState>()((set, get) => ({
    formats: {},
    running: null,
    importing: null,
    lastChoice: {},

    remember(mode, choice) {
      set((s) => ({ lastChoice: { ...s.lastChoice, [mode]: choice } }));
    },

    async loadFormats(mode) {
      const current = get().formats[mode];
      if (current?.status === 'ready' || current?.status === 'loading') return;
      const put = (entry: ModeFormats): void => set((s) => ({ formats: { ...s.formats, [mode]: entry } }));
      put({ status: 'loading', items: [] });
      const result = await api.exports.formats({ mode });
      if (result.ok) put({ status: 'ready', items: result.value });
      else {
        put({ status: 'error', items: [] });
        notifyError(notify, result.error, 'Export formats could not be loaded');
      }
    },

    async run({ workspaceId, assets, format, options, destination }) {
      const exportId = newId();
      set({ running: { exportId, workspaceId, formatLabel: format.label, progress: null } });
      const result = await api.exports.run({ exportId, workspaceId, assets: assets === 'all' ? 'all' : [...assets], format: format.id, options, destination });
      set((s) => (s.running?.exportId === exportId ? { running: null } : s));
      if (!result.ok) {
        notifyError(notify, result.error, `${format.label} export failed`);
        return result;
      }
      const { file, renamed, assetCount, notes } = result.value;
      const detail = [renamed ? `The name was taken, so it was saved as ${fileNameOf(file)}.` : null, ...notes].filter((line) => line !== null).join(' ');
      notify({
        tone: 'success',
        title: `Exported ${plural(assetCount, 'asset')} as ${format.label}`,
        message: detail === '' ? fileNameOf(file) : `${fileNameOf(file)} — ${detail}`,
        action: { label: 'Reveal in folder', run: () => void get().reveal(file) },
      });
      return result;
    },

    async cancel() {
      const running = get().running;
      if (running === null) return;
      await api.exports.cancel({ exportId: running.exportId });
    },

    async cancelImport() {
      const importing = get().importing;
      if (importing === null) return;
      await api.exports.cancel({ exportId: importing.token });
    },

    async reveal(file) {
      const result = await api.exports.reveal({ file });
      if (!result.ok) notifyError(notify, result.error, 'Could not reveal the file');
    },

    async choosePack(workspaceId) {
      const result = await api.wokpack.choose({ workspaceId });
      if (!result.ok) notifyError(notify, result.error, 'This pack cannot be imported');
      return result;
    },

    async importPack(summary, workspaceId, allowCrossMode) {
      set({ importing: { token: summary.token, progress: null } });
      const result = await api.wokpack.import({ token: summary.token, workspaceId, allowCrossMode });
      set((s) => (s.importing?.token === summary.token ? { importing: null } : s));
      if (!result.ok && result.error.code === 'cancelled') notify({ tone: 'info', title: 'Import stopped', message: 'Nothing was added to the workspace.' });
      else if (!result.ok) notifyError(notify, result.error, 'Import failed; nothing was added');
      else notify({ tone: 'success', title: 'Pack imported', message: `${plural(result.value.imported, 'asset')} from ${summary.fileName} added to the gallery.` });
      return result;
    },

    start() {
      const stops = [
        api.on('exports.progress', (progress) => {
          set((s) => {
            if (s.running?.exportId === progress.exportId) return { running: { ...s.running, progress } };
            if (s.importing?.token === progress.exportId) return { importing: { ...s.importing, progress } };
            return s;
          });
        }),
        api.on('wokpack.imported', ({ workspaceId }) => onImported(workspaceId)),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  }));
}

export type ExportsStore = ReturnType<typeof createExportsStore>;
