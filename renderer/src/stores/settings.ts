/**
 * Non-secret preferences, mirrored from the core. Changes are applied optimistically (the
 * theme switch must feel instant) and reverted if the core refuses them.
 */
import { create } from 'zustand';
import type { WokgenApi, Unsubscribe } from '../../../shared/ipc/api';
import type { Result } from '../../../shared/errors';
import type { ModeId } from '../../../shared/modes';
import { DEFAULT_SETTINGS, type LastWorkspaceMap, type Settings, type SettingsPatch } from '../../../shared/settings';
import { notifyError, type Notify } from './toasts';
import type { LoadStatus } from './status';

export interface SettingsState {
  /** Always usable: defaults until the core answers, so the shell never waits on a value. */
  readonly settings: Settings;
  readonly status: LoadStatus;
  load(): Promise<Result<Settings>>;
  update(patch: SettingsPatch): Promise<Result<Settings>>;
  /** Remembers (or forgets, with null) the workspace a studio has open. */
  rememberWorkspace(mode: ModeId, id: string | null): Promise<Result<Settings>>;
  /** Asks for a folder and makes it the default parent of new workspaces. */
  chooseWorkspacesRoot(): Promise<Result<Settings>>;
  /** Follows `settings.changed` (another window, or the core itself). */
  start(): Unsubscribe;
}

export interface SettingsDeps {
  readonly api: WokgenApi;
  readonly notify: Notify;
}

/** Applies a patch, skipping keys that are present but undefined. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...settings, ...defined };
}

/** The `lastWorkspace` map with one mode set or cleared; the same object when nothing changes. */
export function withLastWorkspace(map: LastWorkspaceMap, mode: ModeId, id: string | null): LastWorkspaceMap {
  if ((map[mode] ?? null) === id) return map;
  const rest = Object.fromEntries(Object.entries(map).filter(([key]) => key !== mode));
  return id === null ? rest : { ...rest, [mode]: id };
}

export function createSettingsStore({ api, notify }: SettingsDeps) {
  return create<SettingsState>()((set, get) => ({
    settings: DEFAULT_SETTINGS,
    status: 'idle',

    async load() {
      set({ status: 'loading' });
      const result = await api.settings.get({});
      if (result.ok) {
        set({ settings: result.value, status: 'ready' });
      } else {
        // The shell still works on defaults; say why preferences look reset.
        set({ status: 'error' });
        notifyError(notify, result.error, 'Preferences could not be loaded');
      }
      return result;
    },

    async update(patch) {
      const before = get().settings;
      set({ settings: applySettingsPatch(before, patch) });
      const result = await api.settings.update(patch);
      if (result.ok) {
        set({ settings: result.value });
      } else {
        // Revert only what this patch changed, keeping anything that arrived meanwhile.
        const reverted = Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof Settings]]));
        set((s) => ({ settings: { ...s.settings, ...reverted } }));
        notifyError(notify, result.error, 'Preference not saved');
      }
      return result;
    },

    async rememberWorkspace(mode, id) {
      const current = get().settings;
      const next = withLastWorkspace(current.lastWorkspace, mode, id);
      if (next === current.lastWorkspace) return { ok: true, value: current };
      return get().update({ lastWorkspace: next });
    },

    async chooseWorkspacesRoot() {
      const root = get().settings.workspacesRoot;
      const chosen = await api.workspaces.chooseFolder(
        root === null ? { purpose: 'root' } : { purpose: 'root', defaultPath: root },
      );
      if (!chosen.ok) {
        notifyError(notify, chosen.error);
        return chosen;
      }
      return get().update({ workspacesRoot: chosen.value.folder });
    },

    start() {
      return api.on('settings.changed', (settings) => {
        set({ settings, status: 'ready' });
      });
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
