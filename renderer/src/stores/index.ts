/**
 * The app's store instances, wired to the real bridge. Factories live beside each store so
 * tests build their own with a fake API; components import the instances from here.
 */
import type { Unsubscribe } from '../../../shared/ipc/api';
import { MODE_IDS, type ModeId } from '../../../shared/modes';
import { wokgen } from '../ipc';
import { createAccountStore } from './account';
import { createAppInfoStore } from './appInfo';
import { createCodeAssetsStore } from './codeAssets';
import { createComfyUiStore } from './comfyui';
import { createExportsStore } from './exports';
import { createGenerationFormStore, type GenerationFormStore } from './generationForm';
import { createJobsStore } from './jobs';
import { createLibraryStore } from './library';
import { createSelectionStore } from './selection';
import { createSettingsStore } from './settings';
import { createProvidersStore } from './providers';
import { createToastsStore, type Notify } from './toasts';
import { createWorkspacesStore } from './workspaces';

export const useToasts = createToastsStore();

const notify: Notify = (input) => {
  useToasts.getState().push(input);
};

export const useSettings = createSettingsStore({ api: wokgen, notify });

export const useWorkspaces = createWorkspacesStore({
  api: wokgen,
  notify,
  remembered: (mode) => useSettings.getState().settings.lastWorkspace[mode],
  remember: (mode, id) => {
    void useSettings.getState().rememberWorkspace(mode, id);
  },
});

export const useAppInfo = createAppInfoStore({ api: wokgen });

export const useProviders = createProvidersStore({ api: wokgen, notify });

/** The hosted WokGen account (Settings → Account): status, sign-in, credits; never a token. */
export const useAccount = createAccountStore({ api: wokgen, notify });

/** Local ComfyUI: detection status (studio header chip, Settings card), token, custom workflows. */
export const useComfyUi = createComfyUiStore({ api: wokgen, notify });

export const useJobs = createJobsStore({ api: wokgen, notify });

/** Re-run and remix submit through the jobs store, so the queue shows them and Retry knows their request. */
export const useLibrary = createLibraryStore({
  api: wokgen,
  notify,
  submit: (request) => useJobs.getState().submit(request),
  requestOf: (job) => useJobs.getState().requestOf(job),
});

/** The gallery's multi-selection; exports and other actions read it (`selectSelectedIds`). */
export const useSelection = createSelectionStore();

/** The text of UI/UX code assets, for the code view and the sandboxed preview. */
export const useCodeAssets = createCodeAssetsStore({ api: wokgen });

/** Exports per mode and `.wokpack` imports; an import reloads that workspace's gallery. */
export const useExports = createExportsStore({ api: wokgen, notify, onImported: (workspaceId) => void useLibrary.getState().loadAssets(workspaceId) });

/** One generation form per studio; generating goes through the jobs store (which keeps the request for Retry). */
export const generationForms: Readonly<Record<ModeId, GenerationFormStore>> = Object.fromEntries(
  MODE_IDS.map((mode) => [mode, createGenerationFormStore({ api: wokgen, mode, submit: (request) => useJobs.getState().submit(request) })]),
) as Record<ModeId, GenerationFormStore>;

/**
 * Opening a studio (sidebar click, mode shortcut): its gallery's first page is asked for at once,
 * while the studio renders, when the workspace it will open is already known.
 */
export function prefetchStudio(mode: ModeId): void {
  const workspaceId = useWorkspaces.getState().active[mode];
  if (workspaceId != null) useLibrary.getState().prefetchAssets(workspaceId);
}

/** The URL an <img> uses for a file inside a workspace (served only from inside its folder). */
export const assetUrl = (workspaceId: string, relativePath: string): string => wokgen.assetUrl(workspaceId, relativePath);

/** Subscribes the stores to the core's events; returns the function that stops them. */
export function startStores(): Unsubscribe {
  const stops = [
    useSettings.getState().start(),
    useProviders.getState().start(),
    useAccount.getState().start(),
    useComfyUi.getState().start(),
    useWorkspaces.getState().start(),
    useJobs.getState().start(),
    useLibrary.getState().start(),
    useExports.getState().start(),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
