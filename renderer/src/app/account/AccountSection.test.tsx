import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountStatus } from '../../../../shared/hosted-api';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { AccountSection } = await import('./AccountSection');
const { useAccount, useSettings, useToasts } = await import('../../stores');
const { ok } = await import('../../testing/fakeWokgen');
const { aSignedOutAccount } = await import('../../testing/fixtures');
const { resetFake } = await import('../../testing/componentHarness');

const signedOut: AccountStatus = aSignedOutAccount();
const signedIn: AccountStatus = {
  ...signedOut,
  state: 'signed_in',
  account: {
    name: 'Ada Test',
    email: 'ada@example.test',
    plan: 'pro',
    planLabel: 'Pro',
    credits: { monthlyAllowance: 500, monthlyRemaining: 12, topUp: 30, total: 42 },
    limits: { hdMonthlyAllowance: 500, rateMultiplier: 2, hostedRequestsPerMinute: 30, workspacesPerMode: 25 },
    periodEnd: null,
  },
  lastSyncedAt: Date.UTC(2026, 10, 25, 12, 0),
};

beforeEach(() => {
  resetFake(fake);
  useAccount.setState({ status: null, error: null, pending: null });
  useSettings.setState({ settings: DEFAULT_SETTINGS, status: 'ready' });
});

const section = () => screen.getByRole('region', { name: 'Account' });

describe('AccountSection', () => {
  it('signed out: both sign-in flows, and the account server address', () => {
    useAccount.setState({ status: signedOut });
    render(<AccountSection />);
    fake.handlers['account.signIn'] = () => ok({ ...signedOut, state: 'signing_in', signIn: { flow: 'browser', userCode: null, verificationUri: null, verificationUriComplete: null, expiresAt: 0 } });
    fireEvent.click(within(section()).getByRole('button', { name: 'Sign in with browser' }));
    expect(fake.callsTo('account.signIn')).toEqual([{ flow: 'browser' }]);
    expect(within(section()).getByRole('button', { name: 'Sign in with a code' })).toBeTruthy();
    expect(within(section()).getByLabelText('Account server address')).toBeTruthy();
  });

  it('device flow: shows the code to type and where', () => {
    useAccount.setState({
      status: { ...signedOut, state: 'signing_in', signIn: { flow: 'device', userCode: 'AB12-CD34', verificationUri: 'https://wokgen.wokspec.org/device', verificationUriComplete: null, expiresAt: Date.now() + 600_000 } },
    });
    render(<AccountSection />);
    expect(within(section()).getByLabelText('Sign-in code').textContent).toBe('AB12-CD34');
    expect(within(section()).getByText('https://wokgen.wokspec.org/device')).toBeTruthy();
    fake.handlers['account.cancelSignIn'] = () => ok(signedOut);
    fireEvent.click(within(section()).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('account.cancelSignIn')).toHaveLength(1);
  });

  it('device flow: Copy code says Copied, and a clipboard failure is reported', async () => {
    const deviceFlow = { ...signedOut, state: 'signing_in' as const, signIn: { flow: 'device' as const, userCode: 'AB12-CD34', verificationUri: 'https://wokgen.wokspec.org/device', verificationUriComplete: null, expiresAt: Date.now() + 600_000 } };
    useAccount.setState({ status: deviceFlow });
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { unmount } = render(<AccountSection />);
    fireEvent.click(within(section()).getByRole('button', { name: 'Copy code' }));
    expect(await within(section()).findByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('AB12-CD34');
    unmount();
    useToasts.getState().clear();
    render(<AccountSection />);
    fireEvent.click(within(section()).getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(useToasts.getState().toasts).toEqual([expect.objectContaining({ tone: 'error', title: 'Code not copied' })]));
  });

  it('signed in: plan, credits, limits, and the offline marker only when stale', () => {
    useAccount.setState({ status: signedIn });
    const { rerender } = render(<AccountSection />);
    const panel = within(section());
    expect(panel.getByText('Pro plan')).toBeTruthy();
    expect(panel.getByTestId('credits-monthly').textContent).toBe('12 of 500');
    expect(panel.getByTestId('credits-topup').textContent).toBe('30');
    expect(panel.getByTestId('credits-total').textContent).toBe('42');
    expect(panel.getByText('60 hosted generations a minute (×2)')).toBeTruthy();
    expect(panel.queryByText('Offline — last known figures')).toBeNull();
    useAccount.setState({ status: { ...signedIn, stale: true, message: 'Offline: the WokGen account could not be reached.' } });
    rerender(<AccountSection />);
    expect(panel.getByText('Offline — last known figures')).toBeTruthy();
    expect(panel.getByText('Offline: the WokGen account could not be reached.')).toBeTruthy();
  });

  it('signed in: Top up and Plans open through the core, Sign out signs out', async () => {
    useAccount.setState({ status: signedIn });
    render(<AccountSection />);
    fake.handlers['account.openPage'] = () => ok({ opened: true as const });
    fake.handlers['account.signOut'] = () => ok(signedOut);
    fireEvent.click(within(section()).getByRole('button', { name: 'Top up credits' }));
    fireEvent.click(within(section()).getByRole('button', { name: 'Plans' }));
    expect(fake.callsTo('account.openPage')).toEqual([{ page: 'topUp' }, { page: 'plans' }]);
    fireEvent.click(within(section()).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(within(section()).getByRole('button', { name: 'Sign in with browser' })).toBeTruthy());
  });
});
