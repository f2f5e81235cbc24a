/**
 * The hosted WokGen account as the renderer knows it: the core's `AccountStatus` (never a
 * token), kept current by `account.changed`, and the panel's actions. A credit discrepancy
 * after a hosted job arrives as its own event and is shown as an error toast.
 */
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { AccountStatus, SignInFlow } from '../../../shared/hosted-api';
import type { Unsubscribe, WokgenApi } from '../../../shared/ipc/api';
import { notifyError, type Notify } from './toasts';

/** Which action is running, so only its button shows a spinner. */
export type AccountAction = 'signIn' | 'cancel' | 'signOut' | 'sync' | null;

export interface AccountState {
  readonly status: AccountStatus | null;
  readonly error: AppError | null;
  readonly pending: AccountAction;
  load(): Promise<Result<AccountStatus>>;
  signIn(flow: SignInFlow): Promise<Result<AccountStatus>>;
  cancelSignIn(): Promise<Result<AccountStatus>>;
  signOut(): Promise<Result<AccountStatus>>;
  sync(): Promise<Result<AccountStatus>>;
  openPage(page: 'plans' | 'topUp'): Promise<void>;
  /** The device flow's verification page (https only; the core checks). */
  openVerificationPage(url: string): Promise<void>;
  start(): Unsubscribe;
}

export interface AccountDeps {
  readonly api: WokgenApi;
  readonly notify: Notify;
}

export function createAccountStore({ api, notify }: AccountDeps) {
  return create<AccountState>()((set, get) => {
    /** Runs one account action: spinner on its button, the answer stored, a failure toasted. */
    const run = async (action: Exclude<AccountAction, null>, call: () => Promise<Result<AccountStatus>>, failureTitle: string): Promise<Result<AccountStatus>> => {
      set({ pending: action });
      const result = await call();
      set(result.ok ? { status: result.value, error: null, pending: null } : { error: result.error, pending: null });
      if (!result.ok) notifyError(notify, result.error, failureTitle);
      return result;
    };

    return {
      status: null,
      error: null,
      pending: null,

      async load() {
        const result = await api.account.status({});
        set(result.ok ? { status: result.value, error: null } : { error: result.error });
        return result;
      },

      signIn: (flow) => run('signIn', () => api.account.signIn({ flow }), 'Sign-in did not start'),
      cancelSignIn: () => run('cancel', () => api.account.cancelSignIn({}), 'Sign-in not cancelled'),

      async signOut() {
        const result = await run('signOut', () => api.account.signOut({}), 'Sign-out failed');
        if (result.ok) notify({ tone: 'info', message: 'Signed out of your WokGen account. Its tokens were removed from this computer.' });
        return result;
      },

      sync: () => run('sync', () => api.account.sync({}), 'Account not synced'),

      async openPage(page) {
        const result = await api.account.openPage({ page });
        if (!result.ok) notifyError(notify, result.error, 'Page not opened');
      },

      async openVerificationPage(url) {
        const result = await api.app.openExternal({ url });
        if (!result.ok) notifyError(notify, result.error, 'Page not opened');
      },

      start() {
        if (get().status === null) void get().load();
        const stops = [
          api.on('account.changed', (status) => {
            const before = get().status;
            set({ status });
            if (before?.state === 'signing_in' && status.state === 'signed_in') notify({ tone: 'success', message: `Signed in as ${status.account?.name ?? 'your WokGen account'}.` });
            // A sign-in that failed, or a session the service ended, may happen while the user is in a studio.
            if (before && before.state !== 'signed_out' && status.state === 'signed_out' && status.message !== null) {
              notify({ tone: 'error', title: before.state === 'signing_in' ? 'Sign-in did not complete' : 'Signed out of WokGen', message: status.message });
            }
          }),
          api.on('account.creditsDiscrepancy', (discrepancy) => notify({ tone: 'error', title: 'HD credits do not add up', message: discrepancy.message })),
        ];
        return () => {
          for (const stop of stops) stop();
        };
      },
    };
  });
}
