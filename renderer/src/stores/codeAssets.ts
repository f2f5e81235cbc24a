/**
 * The text of code assets (UI/UX), fetched once per asset for the code view and the
 * sandboxed preview. Asset files never change after they are written, so an answer is kept
 * for the session; a failed read can be tried again.
 */
import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type { WokgenApi } from '../../../shared/ipc/api';
import type { LoadStatus } from './status';

export interface CodeText {
  readonly status: LoadStatus;
  readonly code: string | null;
  readonly error: AppError | null;
}

export const NO_CODE: CodeText = { status: 'idle', code: null, error: null };

export interface CodeAssetsState {
  readonly byAsset: Readonly<Record<string, CodeText>>;
  /** Loads the asset's text unless it is loaded or loading. */
  load(assetId: string): Promise<void>;
}

export const selectCode =
  (assetId: string) =>
  (state: CodeAssetsState): CodeText =>
    state.byAsset[assetId] ?? NO_CODE;

export function createCodeAssetsStore({ api }: { readonly api: WokgenApi }) {
  return create<CodeAssetsState>()((set, get) => ({
    byAsset: {},
    async load(assetId) {
      const current = get().byAsset[assetId];
      if (current !== undefined && (current.status === 'ready' || current.status === 'loading')) return;
      const put = (entry: CodeText): void => set((s) => ({ byAsset: { ...s.byAsset, [assetId]: entry } }));
      put({ status: 'loading', code: null, error: null });
      const result = await api.assets.readCode({ assetId });
      put(result.ok ? { status: 'ready', code: result.value.code, error: null } : { status: 'error', code: null, error: result.error });
    },
  }));
}

export type CodeAssetsStore = ReturnType<typeof createCodeAssetsStore>;
