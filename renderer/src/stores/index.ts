/**
 * The app's store instances, wired to the real bridge. Factories live beside each store so
 * tests build their own with a fake API; components import the instances from here.
 */
import type { Unsubscribe } from '../../../shared/ipc/api';
import { wokgen } from '../ipc';
import { createAppInfoStore } from './appInfo';
import { createLibraryStore } from './library';
import { createSettingsStore } from './settings';
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

export const useLibrary = createLibraryStore({ api: wokgen });

export const useAppInfo = createAppInfoStore({ api: wokgen });

/** Subscribes the stores to the core's events; returns the function that stops them. */
export function startStores(): Unsubscribe {
  const stops = [useSettings.getState().start(), useWorkspaces.getState().start()];
  return () => {
    for (const stop of stops) stop();
  };
}
