/**
 * HD generation on the hosted account through the real core (createCore, real mode engines,
 * the real pipeline) against the loopback test account server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountStatus } from '../../../shared/hosted-api';
import type { Job } from '../../../shared/library';
import { TestCore } from '../testing/test-core';
import { completeBrowserStep, TestAccountServer } from './testing/test-account-server';

// The real core, sign-in and generations over loopback: generous limits for a busy CI machine.
vi.setConfig({ testTimeout: 30_000 });

let server: TestAccountServer;
let t: TestCore;
let workspaceId: string;

function value<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function waitFor<T>(read: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 2000; i += 1) {
    const found = await read();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const status = async () => value<AccountStatus>(await t.call('account.status', {}));

async function signIn(): Promise<void> {
  value(await t.call('account.signIn', { flow: 'browser' }));
  await completeBrowserStep(t.opened.at(-1)!);
  await waitFor(async () => ((await status()).account ? true : undefined), 'signed in');
}

async function generate(mode: 'pixel' | 'vector', batch = 1, ws = workspaceId): Promise<Job> {
  return value<Job>(await t.call('generation.generate', { mode, workspaceId: ws, prompt: 'a glowing sword', hd: true, batch, seed: 7 }));
}

async function settled(jobId: string): Promise<Job> {
  await t.core.services.pipeline.whenIdle();
  const job = value<{ job: Job }>(await t.call('jobs.get', { jobId })).job;
  // The credit sync after a hosted job runs in the background.
  await waitFor(() => (t.core.services.account.status().stale || t.events.some((e) => e.event === 'account.changed') ? true : undefined), 'sync');
  await t.core.services.account.sync();
  return job;
}

beforeEach(async () => {
  server = await TestAccountServer.start({ plan: 'plus', monthlyUsed: 98, topUp: 5 });
  t = new TestCore();
  value(await t.call('settings.update', { providers: { hosted: { enabled: true, baseUrl: server.url, standardModel: null, hdModel: null } } }));
  workspaceId = value<{ id: string }>(await t.call('workspaces.create', { name: 'Hosted', mode: 'pixel' })).id;
});

afterEach(async () => {
  await t.dispose();
  await server.close();
});

describe('HD on the hosted account', () => {
  it('is offered only when signed in, and says so in the preview chain', async () => {
    const request = { mode: 'pixel', workspaceId, prompt: 'a glowing sword', hd: true };
    expect(await t.call('generation.generate', request)).toMatchObject({ ok: false, error: { code: 'no_provider', field: 'hd' } });
    await signIn();
    const preview = value<{ chain: Array<{ id: string }>; tier: string }>(await t.call('generation.preview', request));
    expect(preview.chain.map((c) => c.id)).toEqual(['hosted']);
    expect(preview.tier).toBe('hd');
    // Switched off in settings: never routed to, even signed in.
    value(await t.call('settings.update', { providers: { hosted: { enabled: false, baseUrl: server.url, standardModel: null, hdModel: null } } }));
    expect(await t.call('generation.preview', request)).toMatchObject({ ok: true, value: { chain: [] } });
  });

  it('spends monthly credits first, then top-up, across several jobs; each job syncs the panel', async () => {
    await signIn();
    // 2 monthly + 5 top-up left. A pixel batch of 2 takes the 2 monthly credits.
    const first = await settled((await generate('pixel', 2)).id);
    expect(first.status).toBe('succeeded');
    expect(server.account.hdCredits).toMatchObject({ monthlyUsed: 100, topUpBalance: 5 });
    expect((await status()).account?.credits).toMatchObject({ monthlyRemaining: 0, topUp: 5, total: 5 });
    // Vector costs 2 per generation: from top-up now.
    const vectorWs = value<{ id: string }>(await t.call('workspaces.create', { name: 'Vec', mode: 'vector' })).id;
    const second = await settled((await generate('vector', 1, vectorWs)).id);
    expect(second.status).toBe('succeeded');
    expect(server.account.hdCredits).toMatchObject({ monthlyUsed: 100, topUpBalance: 3 });
    const third = await settled((await generate('pixel', 1)).id);
    expect(third.status).toBe('succeeded');
    expect((await status()).account?.credits).toMatchObject({ monthlyRemaining: 0, topUp: 2, total: 2 });
    const assets = value<{ assets: unknown[] }>(await t.call('jobs.get', { jobId: first.id })).assets;
    expect(assets).toHaveLength(2);
    expect(t.events.filter((e) => e.event === 'account.creditsDiscrepancy')).toEqual([]);
  });

  it('refuses a run the known balance cannot pay for with the top-up message, queueing nothing', async () => {
    server.setCredits({ monthlyUsed: 100, topUpBalance: 1 });
    await signIn();
    const vectorWs = value<{ id: string }>(await t.call('workspaces.create', { name: 'Vec', mode: 'vector' })).id;
    const refused = await t.call('generation.generate', { mode: 'vector', workspaceId: vectorWs, prompt: 'a leaf icon', hd: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'out_of_credits', field: 'hd' } });
    expect(JSON.stringify(refused)).toMatch(/costs 2 credits.*has 1.*Top up at http:\/\/127\.0\.0\.1:\d+\/account\/billing/);
    expect(value<Job[]>(await t.call('jobs.list', { workspaceId: vectorWs }))).toEqual([]);
    expect(server.server.requestsTo(/^\/api\/generate$/)).toEqual([]);
  });

  it('a 402 from the server (figures out of date) fails the job with the top-up message, never retried, nothing charged', async () => {
    await signIn();
    server.server.failNext(1, { type: 'status', status: 402, json: { error: { code: 'no_credits', message: 'No HD credits remaining.' } } }, /^\/api\/generate$/);
    const job = await settled((await generate('pixel')).id);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('out_of_credits');
    expect(job.error?.message).toMatch(/no HD credits left.*Top up at/);
    expect(server.server.requestsTo(/^\/api\/generate$/)).toHaveLength(1);
    expect(server.account.hdCredits).toMatchObject({ monthlyUsed: 98, topUpBalance: 5 });
  });

  it('a failed hosted job leaves the balance unchanged', async () => {
    await signIn();
    server.server.failAlways({ type: 'status', status: 500, json: { error: { code: 'server_error', message: 'GPU on fire' } } }, /^\/api\/generate$/);
    const job = await settled((await generate('pixel', 2)).id);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/GPU on fire/);
    expect(server.account.hdCredits).toMatchObject({ monthlyUsed: 98, topUpBalance: 5 });
    expect((await status()).account?.credits.total).toBe(7);
    expect(t.events.filter((e) => e.event === 'account.creditsDiscrepancy')).toEqual([]);
  });

  it('a cancelled hosted job costs nothing', async () => {
    await signIn();
    server.generateDelayMs = 300;
    const job = await generate('pixel');
    await waitFor(() => (server.server.requestsTo(/^\/api\/generate$/).length > 0 ? true : undefined), 'request sent');
    value(await t.call('generation.cancel', { jobId: job.id }));
    const done = await settled(job.id);
    expect(done.status).toBe('cancelled');
    // The server finishes its (delayed) handling of the abandoned request; only then is the check meaningful.
    await waitFor(() => (server.handledGenerations > 0 ? true : undefined), 'the server to finish the request');
    expect(server.generated).toEqual([]);
    expect(server.account.hdCredits).toMatchObject({ monthlyUsed: 98, topUpBalance: 5 });
  });

  it('reports a discrepancy when the server charged for a generation it did not deliver', async () => {
    await signIn();
    server.chargesUndelivered = true;
    server.generateDelayMs = 200;
    const job = await generate('pixel');
    await waitFor(() => (server.server.requestsTo(/^\/api\/generate$/).length > 0 ? true : undefined), 'request sent');
    value(await t.call('generation.cancel', { jobId: job.id }));
    await t.core.services.pipeline.whenIdle();
    await waitFor(() => (server.handledGenerations > 0 ? true : undefined), 'the broken charge');
    expect(server.generated).toHaveLength(1);
    await t.core.services.account.sync();
    const reported = t.events.find((e) => e.event === 'account.creditsDiscrepancy');
    expect(reported?.payload).toMatchObject({ expectedTotal: 7, actualTotal: 6, message: expect.stringMatching(/1 more credit was taken/) });
  });

  it('retries after a 401 with a refreshed token, and honours a short 429 Retry-After', async () => {
    // A generous plan rate, so the only wait is the Retry-After itself.
    server.requestsPerMinute = 6000;
    await signIn();
    server.expireAccessTokens();
    server.server.failNext(1, { type: 'status', status: 429, json: { error: { code: 'rate_limited', message: 'Slow down.' } }, headers: { 'retry-after': '1' } }, /^\/api\/generate$/);
    const job = await settled((await generate('pixel')).id);
    expect(job.status).toBe('succeeded');
    expect(job.attempts.map((a) => a.errorKind)).toEqual(['rate_limited', null]);
    expect(server.server.requestsTo(/^\/oauth\/token$/).filter((r) => r.body.toString().includes('refresh_token'))).toHaveLength(1);
  });
});

describe('hosted prompt engine', () => {
  it('rewrites the prompt through the account when chosen and online; falls back to the local builders with a warning when signed out', async () => {
    value(await t.call('settings.update', { promptEngine: 'hosted' }));
    const signedOut = value<{ warnings: string[] }>(await t.call('generation.preview', { mode: 'pixel', workspaceId, prompt: 'a glowing sword', hd: true }));
    expect(signedOut.warnings.join(' ')).toMatch(/local prompt builders were used/);
    await signIn();
    const job = await settled((await generate('pixel')).id);
    expect(job.status).toBe('succeeded');
    const sent = JSON.parse(server.server.requestsTo(/^\/api\/generate$/)[0]!.body.toString()) as { prompt: string };
    expect(sent.prompt).toMatch(/refined by the hosted engine/);
  });

  it('an offline prompt service never fails the generation', async () => {
    value(await t.call('settings.update', { promptEngine: 'hosted' }));
    await signIn();
    server.server.failAlways({ type: 'status', status: 503, json: { error: { code: 'server_error', message: 'down' } } }, /^\/api\/prompt\/enhance$/);
    const job = await settled((await generate('pixel')).id);
    expect(job.status).toBe('succeeded');
    const sent = JSON.parse(server.server.requestsTo(/^\/api\/generate$/)[0]!.body.toString()) as { prompt: string };
    expect(sent.prompt).not.toMatch(/refined/);
  });
});
