/**
 * Local ComfyUI in the studio (issue 4): the detection status (kept current by the
 * `comfyui.status` event), Re-check, the token (sent once, never kept here), and the custom
 * workflows per mode with their validation issues. Removing a workflow offers Undo.
 */
import { create } from 'zustand';
import type { ComfyUiStatus, UserWorkflowSummary, WorkflowValidation } from '../../../shared/comfyui';
import type { Result } from '../../../shared/errors';
import type { Unsubscribe, WokgenApi } from '../../../shared/ipc/api';
import type { ModeId } from '../../../shared/modes';
import { notifyError, type Notify } from './toasts';

export interface ComfyUiState {
  readonly status: ComfyUiStatus | null;
  readonly checking: boolean;
  readonly workflows: ReadonlyArray<UserWorkflowSummary>;
  /** The last validation shown in Settings (import or check), with the mode it was for. */
  readonly validation: { readonly mode: ModeId; readonly result: WorkflowValidation } | null;
  load(): Promise<void>;
  recheck(): Promise<Result<ComfyUiStatus>>;
  setToken(token: string): Promise<Result<ComfyUiStatus>>;
  clearToken(): Promise<Result<ComfyUiStatus>>;
  importWorkflow(mode: ModeId, name: string, text: string): Promise<Result<{ validation: WorkflowValidation; saved: UserWorkflowSummary | null }>>;
  removeWorkflow(mode: ModeId): Promise<void>;
  start(): Unsubscribe;
}

export interface ComfyUiDeps {
  readonly api: WokgenApi;
  readonly notify: Notify;
}

/** A device as people name it: "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync" → "NVIDIA GeForce RTX 4090". */
export function deviceLabel(name: string): string {
  return name.replace(/^\w+:\d+\s*/, '').replace(/\s*:\s*\w+$/, '') || name;
}

/** One line for the studio header chip and the card's badge. */
export function describeComfyUi(status: ComfyUiStatus | null): { readonly tone: 'success' | 'warning' | 'neutral'; readonly label: string; readonly detail: string } {
  if (status === null) return { tone: 'neutral', label: 'ComfyUI: checking…', detail: 'Looking for a local ComfyUI.' };
  if (status.state === 'connected') {
    const gpu = status.devices.find((d) => d.type !== 'cpu') ?? status.devices[0];
    const name = gpu ? deviceLabel(gpu.name) : 'CPU';
    const vram = gpu && gpu.vramTotal > 0 ? ` · ${Math.round(gpu.vramTotal / 1024 ** 3)} GB` : '';
    return { tone: 'success', label: `ComfyUI ${status.version ?? ''}`.trim(), detail: `${name}${vram} · ${status.checkpoints.length} checkpoint${status.checkpoints.length === 1 ? '' : 's'} · ${status.url ?? ''}` };
  }
  if (status.state === 'unusable') return { tone: 'warning', label: 'ComfyUI: needs attention', detail: status.reason ?? 'ComfyUI cannot be used right now.' };
  return { tone: 'neutral', label: 'ComfyUI: not found', detail: status.reason ?? 'ComfyUI is not running.' };
}

export function createComfyUiStore({ api, notify }: ComfyUiDeps) {
  return create<ComfyUiState>()((set, get) => {
    /** Undo of a removal or a replacement: saves the earlier workflow again; a failure must not pass silently (UX review). */
    const restore = (mode: ModeId, name: string, text: string): void =>
      void get()
        .importWorkflow(mode, name, text)
        .then((restored) => {
          if (!restored.ok) notifyError(notify, restored.error, 'Workflow not restored');
          else if (restored.value.saved === null)
            notify({ tone: 'error', title: 'Workflow not restored', message: `“${name}” no longer passes the check against this ComfyUI; see Custom workflows.` });
        });

    return {
      status: null,
      checking: false,
      workflows: [],
      validation: null,

      async load() {
        const [status, workflows] = await Promise.all([api.comfyui.status({}), api.comfyui.listWorkflows({})]);
        set({ ...(status.ok ? { status: status.value } : {}), ...(workflows.ok ? { workflows: workflows.value } : {}) });
      },

      async recheck() {
        set({ checking: true });
        const result = await api.comfyui.recheck({});
        set({ checking: false, ...(result.ok ? { status: result.value } : {}) });
        if (!result.ok) notifyError(notify, result.error, 'ComfyUI not checked');
        return result;
      },

      async setToken(token) {
        const result = await api.comfyui.setToken({ token });
        if (result.ok) {
          set({ status: result.value });
          notify({ tone: 'success', message: 'ComfyUI token saved in the system keychain.' });
        }
        return result;
      },

      async clearToken() {
        const result = await api.comfyui.clearToken({});
        if (result.ok) {
          set({ status: result.value });
          notify({ tone: 'info', message: 'ComfyUI token removed.' });
        } else {
          notifyError(notify, result.error, 'Token not removed');
        }
        return result;
      },

      async importWorkflow(mode, name, text) {
        const result = await api.comfyui.saveWorkflow({ mode, name, text });
        if (result.ok) {
          set({ validation: { mode, result: result.value.validation } });
          const saved = result.value.saved;
          if (saved) {
            set((s) => ({ workflows: [...s.workflows.filter((w) => w.mode !== mode), saved] }));
            const { replaced } = result.value;
            notify(
              replaced === null
                ? { tone: 'success', message: `“${saved.name}” is now the ${mode} workflow.` }
                : {
                    tone: 'success',
                    message: `“${saved.name}” replaced “${replaced.name}” as the ${mode} workflow.`,
                    action: { label: 'Undo', run: () => restore(mode, replaced.name, replaced.text) },
                  },
            );
          }
        }
        return result;
      },

      async removeWorkflow(mode) {
        const result = await api.comfyui.removeWorkflow({ mode });
        if (!result.ok) return notifyError(notify, result.error, 'Workflow not removed');
        const { removed, text } = result.value;
        set((s) => ({ workflows: s.workflows.filter((w) => w.mode !== mode), validation: null }));
        notify({
          tone: 'info',
          message: `Removed the custom ${mode} workflow “${removed.name}”; the built-in templates are used again.`,
          action: { label: 'Undo', run: () => restore(mode, removed.name, text) },
        });
      },

      start() {
        void get().load();
        return api.on('comfyui.status', (status) => set({ status }));
      },
    };
  });
}

export type ComfyUiStore = ReturnType<typeof createComfyUiStore>;
