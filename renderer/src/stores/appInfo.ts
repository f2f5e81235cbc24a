/** What Settings → About shows: version, data folder, runtimes. Asked for once. */
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { WokgenApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { LoadStatus } from './status';

export type AppInfo = ChannelOutput<'app.info'>;

export interface AppInfoState {
  readonly info: AppInfo | null;
  readonly status: LoadStatus;
  readonly error: AppError | null;
  load(): Promise<Result<AppInfo>>;
}

export function createAppInfoStore({ api }: { readonly api: WokgenApi }) {
  return create<AppInfoState>()((set) => ({
    info: null,
    status: 'idle',
    error: null,
    async load() {
      set({ status: 'loading', error: null });
      const result = await api.app.info({});
      set(result.ok ? { info: result.value, status: 'ready' } : { status: 'error', error: result.error });
      return result;
    },
  }));
}

export type AppInfoStore = ReturnType<typeof createAppInfoStore>;
