import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../../shared/hosted-api';
import { createFakeWokgen, ok, type FakeWokgen } from '../testing/fakeWokgen';
import { aSignedOutAccount } from '../testing/fixtures';
import { createAccountStore } from './account';
import type { ToastInput } from './toasts';

const signedOut: AccountStatus = aSignedOutAccount();
const signingIn: AccountStatus = { ...signedOut, state: 'signing_in', signIn: { flow: 'browser', userCode: null, verificationUri: null, verificationUriComplete: null, expiresAt: 1 } };
const signedIn: AccountStatus = {
  ...signedOut,
  state: 'signed_in',
  account: {
    name: 'Ada',
    email: 'ada@example.test',
    plan: 'plus',
    planLabel: 'Plus',
    credits: { monthlyAllowance: 100, monthlyRemaining: 2, topUp: 5, total: 7 },
    limits: { hdMonthlyAllowance: 100, rateMultiplier: 1, hostedRequestsPerMinute: 30, workspacesPerMode: 10 },
    periodEnd: null,
  },
  lastSyncedAt: 1000,
};

let fake: FakeWokgen;
let toasts: ToastInput[];
let store: ReturnType<typeof createAccountStore>;

beforeEach(() => {
  fake = createFakeWokgen();
  toasts = [];
  store = createAccountStore({ api: fake.api, notify: (t) => toasts.push(t) });
  fake.handlers['account.status'] = () => ok(signedOut);
});

describe('account store', () => {
  it('loads the status on start and follows account.changed, greeting a completed sign-in', async () => {
    const stop = store.getState().start();
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().status).toEqual(signedOut);
    fake.emit('account.changed', signingIn);
    fake.emit('account.changed', signedIn);
    expect(store.getState().status).toEqual(signedIn);
    expect(toasts).toEqual([{ tone: 'success', message: 'Signed in as Ada.' }]);
    stop();
    fake.emit('account.changed', signedOut);
    expect(store.getState().status).toEqual(signedIn);
  });

  it('toasts a failed sign-in and a session the service ended, but not a cancelled sign-in', () => {
    store.getState().start();
    fake.emit('account.changed', signingIn);
    fake.emit('account.changed', signedOut);
    fake.emit('account.changed', signingIn);
    fake.emit('account.changed', { ...signedOut, message: 'The sign-in answer did not match this request (wrong state), so it was ignored.' });
    fake.emit('account.changed', signedIn);
    fake.emit('account.changed', { ...signedOut, message: 'Your WokGen session has ended. Sign in again.' });
    expect(toasts).toEqual([
      { tone: 'error', title: 'Sign-in did not complete', message: 'The sign-in answer did not match this request (wrong state), so it was ignored.' },
      { tone: 'error', title: 'Signed out of WokGen', message: 'Your WokGen session has ended. Sign in again.' },
    ]);
  });

  it('shows a credit discrepancy as an error toast', () => {
    store.getState().start();
    fake.emit('account.creditsDiscrepancy', { expectedTotal: 7, actualTotal: 6, message: 'HD credits do not add up: 1 more credit was taken…' });
    expect(toasts).toEqual([{ tone: 'error', title: 'HD credits do not add up', message: 'HD credits do not add up: 1 more credit was taken…' }]);
  });

  it('signs in with the chosen flow, and reports a refused action without losing the status', async () => {
    fake.handlers['account.signIn'] = () => ok(signingIn);
    await store.getState().signIn('device');
    expect(fake.calls.at(-1)).toMatchObject({ channel: 'account.signIn', input: { flow: 'device' } });
    expect(store.getState()).toMatchObject({ status: signingIn, pending: null });
    fake.handlers['account.sync'] = () => ({ ok: false, error: { code: 'unauthorised', message: 'Sign in to your WokGen account first.' } });
    await store.getState().sync();
    expect(store.getState()).toMatchObject({ status: signingIn, error: { code: 'unauthorised' }, pending: null });
    expect(toasts.at(-1)).toEqual({ tone: 'error', title: 'Account not synced', message: 'Sign in to your WokGen account first.' });
  });

  it('confirms sign-out', async () => {
    fake.handlers['account.signOut'] = () => ok(signedOut);
    await store.getState().signOut();
    expect(store.getState().status).toEqual(signedOut);
    expect(toasts.at(-1)?.message).toMatch(/tokens were removed/);
  });
});
