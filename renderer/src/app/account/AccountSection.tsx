/**
 * Settings → Account: the hosted WokGen account. Signed out: sign in through the system
 * browser, or with a code typed on the WokGen page (device flow). Signed in: name, plan, HD
 * credits (monthly remaining and top-up, spent in that order), when they were last synced
 * (marked when offline), the plan's limits for hosted features, Sync, Top up, Plans, Sign out.
 */
import { useState } from 'react';
import { DEFAULT_HOSTED_BASE_URL, type AccountStatus } from '../../../../shared/hosted-api';
import { DEFAULT_PROVIDER_SETTINGS } from '../../../../shared/providers';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { useAccount, useSettings, useToasts } from '../../stores';
import { SettingRow, SettingsSection } from '../settings/SettingsSection';

const DESCRIPTION = 'Optional. Sign in to spend HD credits on the hosted WokGen service. Local workspaces, ComfyUI and your own provider keys work without an account and have no limits.';

export function AccountSection() {
  const status = useAccount((s) => s.status);
  return (
    <SettingsSection title="Account" description={DESCRIPTION}>
      {status === null ? (
        <div className="setting-row">
          <Spinner label="Reading the account…" />
        </div>
      ) : status.state === 'signed_in' && status.account ? (
        <SignedIn status={status} account={status.account} />
      ) : status.state === 'signing_in' && status.signIn ? (
        <SigningIn signIn={status.signIn} />
      ) : status.state === 'signed_in' ? (
        <SignedInWithoutFigures status={status} />
      ) : (
        <SignedOut status={status} />
      )}
    </SettingsSection>
  );
}

function SignedOut({ status }: { status: AccountStatus }) {
  const signIn = useAccount((s) => s.signIn);
  const pending = useAccount((s) => s.pending);
  return (
    <>
      {status.message !== null && (
        <p className="setting-description" role="alert">
          {status.message}
        </p>
      )}
      <SettingRow label="Not signed in" description={<>Your browser opens the WokGen sign-in page; the studio never sees your password.</>}>
        <Button variant="primary" icon="reveal" pending={pending === 'signIn'} onClick={() => void signIn('browser')}>
          Sign in with browser
        </Button>
        <Button disabled={pending !== null} onClick={() => void signIn('device')}>
          Sign in with a code
        </Button>
      </SettingRow>
      <AccountServerRow current={status.baseUrl} />
    </>
  );
}

/** The hosted service's address (tests, staging, self-hosting); changed only while signed out. */
function AccountServerRow({ current }: { current: string }) {
  const providers = useSettings((s) => s.settings.providers);
  const update = useSettings((s) => s.update);
  const saved = providers.hosted?.baseUrl ?? null;
  const [draft, setDraft] = useState(saved ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (baseUrl: string | null) => {
    const hosted = { ...DEFAULT_PROVIDER_SETTINGS, ...providers.hosted, baseUrl };
    const result = await update({ providers: { ...providers, hosted } });
    setError(result.ok ? null : result.error.message);
    if (result.ok) setDraft(baseUrl ?? '');
  };
  return (
    <SettingRow label="Account server" description={<>Where the hosted service is; now <span className="mono selectable">{current}</span>.</>}>
      <form
        className="account-server"
        onSubmit={(event) => {
          event.preventDefault();
          void save(draft.trim() === '' ? null : draft.trim());
        }}
      >
        <TextField label="Account server address" placeholder={DEFAULT_HOSTED_BASE_URL} value={draft} error={error} onChange={(event) => setDraft(event.target.value)} />
        <Button size="sm" type="submit" disabled={draft.trim() === (saved ?? '')}>
          Save
        </Button>
        {saved !== null && (
          <Button size="sm" variant="ghost" onClick={() => void save(null)}>
            Use default
          </Button>
        )}
      </form>
    </SettingRow>
  );
}

function SigningIn({ signIn }: { signIn: NonNullable<AccountStatus['signIn']> }) {
  const cancel = useAccount((s) => s.cancelSignIn);
  const openVerificationPage = useAccount((s) => s.openVerificationPage);
  const pending = useAccount((s) => s.pending);
  const push = useToasts((s) => s.push);
  // "Copied" on the button once the clipboard took the code (like Copy prompt's toast, but in place).
  const [copied, setCopied] = useState(false);
  const copyCode = (code: string): void => {
    const write = navigator.clipboard?.writeText(code) ?? Promise.reject(new Error('no clipboard'));
    write.then(
      () => setCopied(true),
      () => push({ tone: 'error', title: 'Code not copied', message: 'The clipboard is not available: select the code and copy it by hand.' }),
    );
  };
  if (signIn.flow === 'browser' || signIn.userCode === null) {
    return (
      <SettingRow label="Finish signing in in your browser" description="The WokGen page opened in your browser. This waits until you approve there.">
        <Spinner label="Waiting for the browser…" />
        <Button pending={pending === 'cancel'} onClick={() => void cancel()}>
          Cancel
        </Button>
      </SettingRow>
    );
  }
  const page = signIn.verificationUriComplete ?? signIn.verificationUri;
  return (
    <SettingRow
      label="Enter this code on the WokGen page"
      description={
        <>
          Go to <span className="mono selectable">{signIn.verificationUri}</span> on any device and enter the code before{' '}
          {new Date(signIn.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}. This waits until you approve there.
        </>
      }
    >
      <output className="account-user-code mono selectable" aria-label="Sign-in code">
        {signIn.userCode}
      </output>
      <Button size="sm" icon={copied ? 'check' : 'copy'} onClick={() => copyCode(signIn.userCode ?? '')}>
        {copied ? 'Copied' : 'Copy code'}
      </Button>
      {page !== null && (
        <Button size="sm" icon="reveal" onClick={() => void openVerificationPage(page)}>
          Open the page
        </Button>
      )}
      <Button size="sm" pending={pending === 'cancel'} onClick={() => void cancel()}>
        Cancel
      </Button>
    </SettingRow>
  );
}

/** Signed in, but no figures yet: the first sync is running, or the service could not be reached. */
function SignedInWithoutFigures({ status }: { status: AccountStatus }) {
  const sync = useAccount((s) => s.sync);
  const signOut = useAccount((s) => s.signOut);
  const pending = useAccount((s) => s.pending);
  if (status.message === null) {
    return (
      <div className="setting-row">
        <Spinner label="Syncing the account…" />
      </div>
    );
  }
  return (
    <SettingRow label="Signed in" description={<span role="status">{status.message}</span>}>
      <Button size="sm" icon="refresh" pending={pending === 'sync'} onClick={() => void sync()}>
        Sync
      </Button>
      <Button variant="danger" size="sm" pending={pending === 'signOut'} onClick={() => void signOut()}>
        Sign out
      </Button>
    </SettingRow>
  );
}

function SignedIn({ status, account }: { status: AccountStatus; account: NonNullable<AccountStatus['account']> }) {
  const sync = useAccount((s) => s.sync);
  const signOut = useAccount((s) => s.signOut);
  const openPage = useAccount((s) => s.openPage);
  const pending = useAccount((s) => s.pending);
  const { credits, limits } = account;
  const synced = status.lastSyncedAt === null ? 'never' : new Date(status.lastSyncedAt).toLocaleString();
  return (
    <>
      <SettingRow label={account.name || account.email} description={<span className="selectable">{account.email}</span>}>
        <Badge tone="accent">{account.planLabel} plan</Badge>
      </SettingRow>
      <SettingRow
        label="HD credits"
        description={
          <>
            Spent from the monthly allowance first, then from top-up credits (which never expire). Per generation: pixel, business and emoji 1, vector 2, UI/UX 3.
          </>
        }
      >
        <dl className="account-credits" aria-label="HD credits">
          <div>
            <dt>Monthly left</dt>
            <dd data-testid="credits-monthly">
              {credits.monthlyRemaining} of {credits.monthlyAllowance}
            </dd>
          </div>
          <div>
            <dt>Top-up</dt>
            <dd data-testid="credits-topup">{credits.topUp}</dd>
          </div>
          <div>
            <dt>Total</dt>
            <dd data-testid="credits-total">{credits.total}</dd>
          </div>
        </dl>
      </SettingRow>
      <SettingRow
        label="Last synced"
        description={status.message !== null ? <span role="status">{status.message}</span> : 'Synced at start, after every hosted HD job, and when you ask.'}
      >
        <span className="selectable">{synced}</span>
        {status.stale && (
          <Badge tone="warning" icon="warning">
            Offline — last known figures
          </Badge>
        )}
        <Button size="sm" icon="refresh" pending={pending === 'sync'} onClick={() => void sync()}>
          Sync
        </Button>
      </SettingRow>
      <SettingRow label="Plan limits (hosted features only)" description="Local workspaces and generation on ComfyUI or your own keys are unlimited.">
        <ul className="account-limits">
          <li>{limits.hdMonthlyAllowance} HD credits a month</li>
          <li>
            {limits.hostedRequestsPerMinute * limits.rateMultiplier} hosted generations a minute (×{limits.rateMultiplier})
          </li>
          <li>{limits.workspacesPerMode} hosted workspaces per mode</li>
        </ul>
      </SettingRow>
      <SettingRow label="Billing" description="Opens in your browser.">
        <Button size="sm" icon="plus" onClick={() => void openPage('topUp')}>
          Top up credits
        </Button>
        <Button size="sm" onClick={() => void openPage('plans')}>
          Plans
        </Button>
      </SettingRow>
      <SettingRow label="Sign out" description="Removes this account’s tokens from this computer’s keychain.">
        <Button variant="danger" size="sm" pending={pending === 'signOut'} onClick={() => void signOut()}>
          Sign out
        </Button>
      </SettingRow>
    </>
  );
}
