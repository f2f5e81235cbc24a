import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountStatus } from '../../../shared/hosted-api';
import type { EventName } from '../../../shared/ipc/contract';
import { silentLogger, type Logger, type ShellPort } from '../ports';
import { ManualClock } from '../providers/http/clock';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { JsonFileSettingsStore } from '../settings/json-file-settings-store';
import { AccountService, assertAccountUrl } from './account-service';
import { ACCOUNT_SNAPSHOT_FILE } from './account-snapshot';
import { OAuthClient, OAuthErrorAnswer } from './oauth-client';
import { createPkcePair } from './pkce';
import { completeBrowserStep, TestAccountServer } from './testing/test-account-server';
import { ACCESS_TOKEN_ACCOUNT, REFRESH_TOKEN_ACCOUNT } from './token-store';

// Real loopback servers and sign-in round trips: generous limits for a busy 2-core CI machine.
vi.setConfig({ testTimeout: 20_000 });

let server: TestAccountServer;
let root: string;
let secrets: MemorySecretStore;
let settings: JsonFileSettingsStore;
let opened: string[];
let events: Array<{ event: EventName; payload: unknown }>;
let services: AccountService[];

const shell: ShellPort = {
  openExternal: async (url) => void opened.push(url),
  showItemInFolder: () => undefined,
  trashItem: async () => undefined,
};

function makeService(options: { now?: () => number; clock?: ManualClock; browserTimeoutMs?: number; log?: Logger } = {}): AccountService {
  const service = new AccountService({
    secrets,
    settings,
    dataDir: root,
    shell,
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    log: silentLogger,
    ...options,
  });
  services.push(service);
  return service;
}

/** Waits for the account.changed event that satisfies `test` (the flows finish in the background). */
async function until(service: AccountService, test: (status: AccountStatus) => boolean): Promise<AccountStatus> {
  for (let i = 0; i < 2000; i += 1) {
    const status = service.status();
    if (test(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`condition not reached; last status ${JSON.stringify(service.status())}`);
}

async function signInWithBrowser(service: AccountService): Promise<AccountStatus> {
  const started = await service.signIn('browser');
  expect(started.state).toBe('signing_in');
  const page = await completeBrowserStep(opened.at(-1)!);
  expect(page.status).toBe(200);
  return until(service, (s) => s.state === 'signed_in' && s.account !== null);
}

beforeEach(async () => {
  server = await TestAccountServer.start({ plan: 'plus', monthlyUsed: 98, topUp: 5 });
  root = mkdtempSync(join(tmpdir(), 'wokgen-account-'));
  secrets = new MemorySecretStore();
  settings = new JsonFileSettingsStore(join(root, 'settings.json'));
  settings.update({ providers: { hosted: { enabled: true, baseUrl: server.url, standardModel: null, hdModel: null } } });
  opened = [];
  events = [];
  services = [];
});

afterEach(async () => {
  for (const service of services) service.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('browser sign-in (authorization code + PKCE, loopback redirect)', () => {
  it('opens the authorization page with S256 PKCE and a state, takes the redirect, stores tokens only in the keychain', async () => {
    const service = makeService();
    const status = await signInWithBrowser(service);
    const url = new URL(opened[0]!);
    expect(url.pathname).toBe('/oauth/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(status.account).toMatchObject({ name: 'Ada Test', plan: 'plus', planLabel: 'Plus', credits: { monthlyAllowance: 100, monthlyRemaining: 2, topUp: 5, total: 7 } });
    expect(status.lastSyncedAt).not.toBeNull();
    expect(status.stale).toBe(false);
    expect(await secrets.accounts()).toEqual([ACCESS_TOKEN_ACCOUNT, REFRESH_TOKEN_ACCOUNT]);
    // Nothing the renderer or the disk sees carries a token.
    const stored = [...(await secrets.accounts())].map((a) => secrets.get(a));
    const tokens = (await Promise.all(stored)).join(' ');
    const visible = JSON.stringify(events) + readFileSync(join(root, ACCOUNT_SNAPSHOT_FILE), 'utf8') + readFileSync(join(root, 'settings.json'), 'utf8');
    for (const token of tokens.match(/(at|rt)_[A-Za-z0-9_-]+/g) ?? []) expect(visible).not.toContain(token);
  });

  it('a redirect with a wrong state is refused but the sign-in keeps waiting (until its timeout), storing no token', async () => {
    server.authorizeBehaviour = 'wrong_state';
    const service = makeService({ browserTimeoutMs: 1_500 });
    await service.signIn('browser');
    const page = await completeBrowserStep(opened[0]!);
    expect(page.status).toBe(400);
    expect(service.status().state).toBe('signing_in');
    const status = await until(service, (s) => s.state === 'signed_out');
    expect(status.message).toMatch(/did not come back/);
    expect(await secrets.accounts()).toEqual([]);
  });

  it.each([
    ['no_code', /no authorization code/],
    ['deny', /declined/],
  ] as const)('a redirect with %s ends the attempt with a clear message and stores no token', async (behaviour, message) => {
    server.authorizeBehaviour = behaviour;
    const service = makeService();
    await service.signIn('browser');
    const page = await completeBrowserStep(opened[0]!);
    expect(page.status).toBe(400);
    const status = await until(service, (s) => s.state === 'signed_out');
    expect(status.message).toMatch(message);
    expect(await secrets.accounts()).toEqual([]);
  });

  it('refuses the exchange when the PKCE verifier does not match the challenge', async () => {
    const oauth = new OAuthClient({ baseUrl: server.url });
    const pkce = createPkcePair();
    const authorize = oauth.authorizationUrl({ redirectUri: 'http://127.0.0.1:9/oauth/callback', state: 's', challenge: pkce.challenge });
    const redirect = await fetch(authorize, { redirect: 'manual' });
    const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
    const wrong = oauth.exchangeCode({ code, verifier: createPkcePair().verifier, redirectUri: 'http://127.0.0.1:9/oauth/callback' });
    await expect(wrong).rejects.toBeInstanceOf(OAuthErrorAnswer);
    await expect(wrong).rejects.toThrow(/invalid_grant: PKCE verification failed/);
    // The right verifier still works once; the code cannot be replayed after that.
    await expect(oauth.exchangeCode({ code, verifier: pkce.verifier, redirectUri: 'http://127.0.0.1:9/oauth/callback' })).resolves.toMatchObject({ token_type: 'Bearer' });
    await expect(oauth.exchangeCode({ code, verifier: pkce.verifier, redirectUri: 'http://127.0.0.1:9/oauth/callback' })).rejects.toThrow(/invalid_grant/);
  });

  it('a token endpoint answering with an HTML page is reported as such and stores nothing', async () => {
    server.server.failAlways({ type: 'html', status: 200 }, /^\/oauth\/token$/);
    const service = makeService();
    await service.signIn('browser');
    await completeBrowserStep(opened[0]!);
    const status = await until(service, (s) => s.state === 'signed_out' && s.message !== null);
    expect(status.message).toMatch(/HTML page instead of an OAuth answer/);
    expect(await secrets.accounts()).toEqual([]);
  });

  it('can be cancelled, and only one sign-in runs at a time', async () => {
    const service = makeService();
    await service.signIn('browser');
    await expect(service.signIn('device')).rejects.toMatchObject({ code: 'conflict' });
    service.cancelSignIn();
    const status = await until(service, (s) => s.state === 'signed_out');
    expect(status.message).toBeNull();
    await expect(completeBrowserStep(opened[0]!)).rejects.toThrow();
  });

  it('gives up when the browser never comes back', async () => {
    const service = makeService({ browserTimeoutMs: 40 });
    await service.signIn('browser');
    const status = await until(service, (s) => s.state === 'signed_out' && s.message !== null);
    expect(status.message).toMatch(/did not come back/);
  });
});

describe('device sign-in (RFC 8628)', () => {
  it('shows the user code, keeps polling through authorization_pending, slows down by 5 s on slow_down, then signs in', async () => {
    server.devicePolls.push('authorization_pending', 'slow_down', 'authorization_pending', 'approve');
    const clock = new ManualClock(Date.now());
    const service = makeService({ clock });
    const started = await service.signIn('device');
    expect(started.signIn).toMatchObject({ flow: 'device', userCode: expect.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}$/), verificationUri: `${server.url}/device` });
    await until(service, (s) => s.state === 'signed_in' && s.account !== null);
    expect(clock.sleeps).toEqual([5000, 5000, 10_000, 10_000]);
    expect(await secrets.accounts()).toHaveLength(2);
  });

  it.each([
    ['access_denied', /declined/],
    ['expired_token', /expired/],
  ] as const)('stops on %s with a clear message', async (answer, message) => {
    server.devicePolls.push('authorization_pending', answer);
    const service = makeService({ clock: new ManualClock(Date.now()) });
    await service.signIn('device');
    const status = await until(service, (s) => s.state === 'signed_out' && s.message !== null);
    expect(status.message).toMatch(message);
    expect(await secrets.accounts()).toEqual([]);
  });
});

describe('the session', () => {
  it('refreshes silently on a 401 — once for concurrent requests — and retries', async () => {
    const service = makeService();
    await signInWithBrowser(service);
    const before = await secrets.get(REFRESH_TOKEN_ACCOUNT);
    server.expireAccessTokens();
    const answers = await Promise.all([service.api.me(AbortSignal.timeout(5000)), service.api.credits(AbortSignal.timeout(5000)), service.sync()]);
    expect(answers[0].name).toBe('Ada Test');
    expect(server.server.requestsTo(/^\/oauth\/token$/).filter((r) => r.body.toString().includes('grant_type=refresh_token'))).toHaveLength(1);
    expect(await secrets.get(REFRESH_TOKEN_ACCOUNT)).not.toBe(before);
  });

  it('refreshes before the token expires, counting from when it was received (a skewed clock does not matter)', async () => {
    server.accessTokenTtlSec = 120;
    // The server's clock is three hours ahead, ours a day behind: only relative times are used.
    server.clockOffsetMs = 3 * 3600_000;
    let now = Date.now() - 24 * 3600_000;
    const service = makeService({ now: () => now });
    await signInWithBrowser(service);
    const refreshes = () => server.server.requestsTo(/^\/oauth\/token$/).filter((r) => r.body.toString().includes('refresh_token')).length;
    await service.sync();
    expect(refreshes()).toBe(0);
    now += 65_000; // past receipt + 120 s − 60 s
    await service.sync();
    expect(refreshes()).toBe(1);
    expect(service.status().stale).toBe(false);
  });

  it('an expired refresh token ends the session: tokens removed, "sign in again", no crash', async () => {
    const service = makeService();
    await signInWithBrowser(service);
    server.expireAccessTokens();
    server.refreshRefused = true;
    const status = await service.sync();
    expect(status.state).toBe('signed_out');
    expect(status.message).toMatch(/Sign in again/);
    expect(await secrets.accounts()).toEqual([]);
  });

  it('sign-out removes the keychain entries and the saved figures, and revokes the refresh token', async () => {
    const service = makeService();
    await signInWithBrowser(service);
    const status = await service.signOut();
    expect(status).toMatchObject({ state: 'signed_out', account: null, lastSyncedAt: null });
    expect(await secrets.accounts()).toEqual([]);
    expect(() => readFileSync(join(root, ACCOUNT_SNAPSHOT_FILE))).toThrow();
    await until(service, () => server.server.requestsTo(/^\/oauth\/revoke$/).length === 1);
    await expect(service.sync()).rejects.toMatchObject({ code: 'unauthorised' });
  });

  it('withdrawing consent to plain-text key storage ends the session kept there (security review item 3)', async () => {
    Object.assign(secrets, { status: () => ({ kind: 'plain-text-file', label: 'Plain-text file', usable: settings.get().allowPlainTextSecrets, plainTextOffered: true }) });
    settings.update({ allowPlainTextSecrets: true });
    const service = makeService();
    await signInWithBrowser(service);
    settings.update({ allowPlainTextSecrets: false });
    const status = await until(service, (s) => s.state === 'signed_out');
    expect(status.message).toMatch(/stopped storing keys in plain text/);
    expect(await secrets.accounts()).toEqual([]);
  });
});

describe('offline', () => {
  it('keeps the last known figures, marked stale, across a restart; a later sync clears the mark', async () => {
    const first = makeService();
    await signInWithBrowser(first);
    first.close();
    server.server.failAlways({ type: 'status', status: 503, json: { error: { code: 'server_error', message: 'maintenance' } } }, /^\/api\//);
    const second = makeService();
    await second.start();
    const offline = await until(second, (s) => s.message !== null);
    expect(offline).toMatchObject({ state: 'signed_in', stale: true, account: { credits: { total: 7 } } });
    expect(offline.message).toMatch(/Offline.*Showing the figures from/);
    expect(second.online).toBe(false);
    server.server.recover();
    const back = await second.sync();
    expect(back.stale).toBe(false);
    expect(second.online).toBe(true);
  });

  it('closed while start() still reads the keychain: no sync after close', async () => {
    const first = makeService();
    await signInWithBrowser(first);
    first.close();
    let release: () => void = () => undefined;
    const keychainAnswered = new Promise<void>((resolve) => (release = resolve));
    const read = secrets.get.bind(secrets);
    secrets.get = async (account) => {
      await keychainAnswered;
      return read(account);
    };
    const second = makeService();
    const sync = vi.spyOn(second, 'sync');
    const starting = second.start();
    second.close();
    release();
    await starting;
    expect(sync).not.toHaveBeenCalled();
  });

  it('tokens are tied to the server that issued them: another address at the next start deletes them unsent (security review item 4)', async () => {
    const first = makeService();
    await signInWithBrowser(first);
    first.close();
    const other = await TestAccountServer.start();
    try {
      settings.update({ providers: { hosted: { enabled: true, baseUrl: other.url, standardModel: null, hdModel: null } } });
      const second = makeService();
      await second.start();
      expect(second.status()).toMatchObject({ state: 'signed_out', account: null });
      await expect(second.api.me(new AbortController().signal)).rejects.toBeDefined();
      expect(other.server.requests).toEqual([]);
      expect(await secrets.accounts()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('ignores a damaged saved-figures file', async () => {
    writeFileSync(join(root, ACCOUNT_SNAPSHOT_FILE), '{ not json');
    const service = makeService();
    await service.start();
    expect(service.status()).toMatchObject({ state: 'signed_out', account: null });
  });
});

describe('links', () => {
  it('opens the plans and top-up pages of the configured service in the system browser', async () => {
    const service = makeService();
    await service.openPage('plans');
    await service.openPage('topUp');
    expect(opened).toEqual([`${server.url}/pricing`, `${server.url}/account/billing`]);
  });

  it('tells the panel at once when the service address changes', async () => {
    const service = makeService();
    events = [];
    settings.update({ providers: { hosted: { enabled: true, baseUrl: 'https://staging.wokgen.example', standardModel: null, hdModel: null } } });
    expect(events).toEqual([{ event: 'account.changed', payload: expect.objectContaining({ baseUrl: 'https://staging.wokgen.example', plansUrl: 'https://staging.wokgen.example/pricing' }) }]);
    settings.update({ theme: 'light' });
    expect(events).toHaveLength(1);
    service.close();
  });

  it('signs out when the address changes while signed in: tokens never go to another server', async () => {
    const service = makeService();
    await signInWithBrowser(service);
    const other = await TestAccountServer.start();
    try {
      settings.update({ providers: { hosted: { enabled: true, baseUrl: other.url, standardModel: null, hdModel: null } } });
      const status = await until(service, (s) => s.state === 'signed_out');
      expect(status.message).toMatch(/address changed/);
      expect(await secrets.accounts()).toEqual([]);
      await until(service, () => server.server.requestsTo(/^\/oauth\/revoke$/).length === 1);
      expect(other.server.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('never opens a plain-http address that is not this machine', async () => {
    // The settings boundary refuses it now (security review item 1); the account keeps its own check.
    expect(() => settings.update({ providers: { hosted: { enabled: true, baseUrl: 'http://example.com', standardModel: null, hdModel: null } } })).toThrow();
    expect(() => assertAccountUrl('http://example.com')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(assertAccountUrl('http://[::1]:9/')).toBe('http://[::1]:9/');
    expect(opened).toEqual([]);
  });
});

describe('a keychain that refuses to save', () => {
  it('ends the sign-in with a message saying so, keeping nothing', async () => {
    secrets.set = async () => {
      throw new Error('keychain locked');
    };
    const service = makeService();
    await service.signIn('browser');
    await completeBrowserStep(opened[0]!);
    const status = await until(service, (s) => s.state === 'signed_out' && s.message !== null);
    expect(status.message).toMatch(/could not be kept on this computer/);
    expect(await secrets.accounts()).toEqual([]);
    expect(service.signedIn).toBe(false);
  });
});

describe('logs', () => {
  it('never receive a token through sign-in, refresh, a failed sync and sign-out', async () => {
    const lines: string[] = [];
    const record = (message: string, details?: Record<string, unknown>) => void lines.push(`${message} ${JSON.stringify(details ?? {})}`);
    const service = makeService({ log: { info: record, warn: record, error: record } });
    await signInWithBrowser(service);
    server.expireAccessTokens();
    await service.sync();
    const tokens = [await secrets.get(ACCESS_TOKEN_ACCOUNT), await secrets.get(REFRESH_TOKEN_ACCOUNT)].join(' ');
    server.server.failNext(1, { type: 'status', status: 500, json: { error: { code: 'server_error', message: 'boom' } } });
    await service.sync();
    await service.signOut();
    expect(lines.length).toBeGreaterThan(0);
    for (const token of tokens.match(/(at|rt)_[A-Za-z0-9_-]+/g) ?? []) expect(lines.join('\n')).not.toContain(token);
  });
});
