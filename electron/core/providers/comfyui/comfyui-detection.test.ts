/**
 * Detection and preflight against the loopback server: the probe order, what each kind of
 * answer means (ComfyUI, nothing, some other server, a protected server), the no-checkpoint
 * state, the token, and status events only on change.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { detectComfyUi, NO_CHECKPOINT_REASON, probeOrder } from './comfyui-detection';
import { tokenAddressProblem } from './comfyui-token';
import { startTestComfy, type TestComfy } from './testing/test-service';

let comfy: TestComfy | undefined;
afterEach(async () => {
  await comfy?.dispose();
  comfy = undefined;
});

/** A port nothing listens on (bound, then released). */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

describe('probe order', () => {
  it('tries the configured URL first, then 8188 and 8000, without duplicates or trailing slashes', () => {
    expect(probeOrder('http://10.0.0.5:8188/', ['http://127.0.0.1:8188', 'http://127.0.0.1:8000'])).toEqual(['http://10.0.0.5:8188', 'http://127.0.0.1:8188', 'http://127.0.0.1:8000']);
    expect(probeOrder('http://127.0.0.1:8000', ['http://127.0.0.1:8188', 'http://127.0.0.1:8000'])).toEqual(['http://127.0.0.1:8000', 'http://127.0.0.1:8188']);
    expect(probeOrder(null, ['http://127.0.0.1:8188'])).toEqual(['http://127.0.0.1:8188']);
  });
});

describe('detection', () => {
  it('connected: version, OS, devices with VRAM, checkpoints, samplers and schedulers', async () => {
    comfy = await startTestComfy();
    const status = await comfy.service.recheck();
    expect(status).toMatchObject({ state: 'connected', url: comfy.server.url, version: '0.3.64', os: 'posix', reason: null });
    expect(status.devices[0]).toMatchObject({ type: 'cuda', vramTotal: 25_757_220_864 });
    expect(status.checkpoints).toEqual(['sd_xl_base_1.0.safetensors', 'pixel-art-xl.safetensors']);
    expect(status.samplers).toContain('euler');
    expect(status.schedulers).toContain('karras');
    expect(comfy.service.source.isAvailable()).toBe(true);
    expect(comfy.service.source.provider().capabilities).toMatchObject({ id: 'comfyui', concurrency: 1, local: true, needsKey: false });
  });

  it('skips a dead configured URL and finds ComfyUI on the next address', async () => {
    comfy = await startTestComfy();
    const dead = await deadUrl();
    const result = await detectComfyUi([dead, comfy.server.url], null, 500);
    expect(result).toMatchObject({ state: 'connected', url: comfy.server.url, probed: [dead, comfy.server.url] });
  });

  it('nothing running (wrong port): not_found, naming the addresses tried and what to do', async () => {
    const dead = await deadUrl();
    const result = await detectComfyUi([dead], null, 500);
    expect(result.state).toBe('not_found');
    expect(result.reason).toContain(dead);
    expect(result.reason).toMatch(/Start ComfyUI/);
  });

  it('a non-ComfyUI server on the port: unusable, "not ComfyUI"', async () => {
    comfy = await startTestComfy({ notComfy: true });
    const status = await comfy.service.recheck();
    expect(status.state).toBe('unusable');
    expect(status.reason).toMatch(/not ComfyUI/);
    expect(comfy.service.source.isAvailable()).toBe(false);
  });

  it('no checkpoint installed: unusable with the actionable reason; the source is not available', async () => {
    comfy = await startTestComfy({ checkpoints: [] });
    const status = await comfy.service.recheck();
    expect(status).toMatchObject({ state: 'unusable', reason: NO_CHECKPOINT_REASON, version: '0.3.64' });
    expect(comfy.service.source.isAvailable()).toBe(false);
    comfy.server.controls.checkpoints = ['new.safetensors'];
    expect((await comfy.service.recheck()).state).toBe('connected');
    expect(comfy.service.source.isAvailable()).toBe(true);
  });

  it('a protected server needs the token: unusable until it is set; the status shows only the last 4', async () => {
    comfy = await startTestComfy({ token: 'bearer-token-abcd1234' });
    const refused = await comfy.service.recheck();
    expect(refused.state).toBe('unusable');
    expect(refused.reason).toMatch(/token/);
    const status = await comfy.service.setToken('bearer-token-abcd1234');
    expect(status.state).toBe('connected');
    expect(status.token).toEqual({ configured: true, last4: '1234' });
    expect(JSON.stringify(comfy.statuses)).not.toContain('bearer-token');
    expect(JSON.parse((await comfy.secrets.get('comfyui'))!)).toEqual({ origin: comfy.server.url, token: 'bearer-token-abcd1234' });
    const cleared = await comfy.service.clearToken();
    expect(cleared).toMatchObject({ state: 'unusable', token: { configured: false, last4: null } });
  });

  it('sends the token only to the origin it was saved for; the other addresses are probed without it (security review item 2)', async () => {
    comfy = await startTestComfy();
    const dead = await deadUrl();
    const token = 'bearer-token-abcd1234';
    expect(await detectComfyUi([dead, comfy.server.url], { token, origin: dead }, 500)).toMatchObject({ state: 'connected', url: comfy.server.url });
    expect(comfy.server.requests.length).toBeGreaterThan(0);
    expect(comfy.server.requests.map((r) => r.headers.authorization)).toEqual(comfy.server.requests.map(() => undefined));
    // A bare token stored by an older version is bound to nothing: sent nowhere until saved again.
    expect(await detectComfyUi([comfy.server.url], { token, origin: null }, 500)).toMatchObject({ state: 'connected' });
    expect(comfy.server.requests.some((r) => r.headers.authorization !== undefined)).toBe(false);
    await detectComfyUi([comfy.server.url], { token, origin: comfy.server.url }, 500);
    expect(comfy.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('refuses to save a token without an address, or for plain http to another machine', async () => {
    comfy = await startTestComfy();
    for (const url of [null, 'http://192.168.1.20:8188']) {
      comfy.settings.update({ comfyui: { url, defaultCheckpoints: {} } });
      await expect(comfy.service.setToken('bearer-token-abcd1234')).rejects.toMatchObject({ code: 'invalid_input', field: 'token' });
    }
    expect(await comfy.secrets.get('comfyui')).toBeNull();
    // https to another machine, or plain http to this one, is fine (checked without probing: tests stay on loopback).
    expect(tokenAddressProblem('https://comfy.example.test')).toBeNull();
    expect(tokenAddressProblem('http://localhost:8188')).toBeNull();
  });

  it('emits comfyui.status only when something changed; a stopped server is noticed on re-check', async () => {
    comfy = await startTestComfy();
    await comfy.service.recheck();
    await comfy.service.recheck();
    expect(comfy.statuses.map((s) => s.state)).toEqual(['connected']);
    await comfy.server.stop();
    expect((await comfy.service.recheck()).state).toBe('not_found');
    expect(comfy.service.source.isAvailable()).toBe(false);
    expect(comfy.statuses.map((s) => s.state)).toEqual(['connected', 'not_found']);
  });

  it('changing the URL in settings re-checks at once', async () => {
    comfy = await startTestComfy();
    comfy.service.start();
    await expect.poll(() => comfy!.statuses.at(-1)?.state).toBe('connected');
    const dead = await deadUrl();
    comfy.settings.update({ comfyui: { url: dead, defaultCheckpoints: {} } });
    await expect.poll(() => comfy!.statuses.at(-1)?.state).toBe('not_found');
  });

  it('a disabled ComfyUI (Settings → Providers) is never routed to', async () => {
    comfy = await startTestComfy();
    await comfy.service.recheck();
    comfy.settings.update({ providers: { comfyui: { enabled: false, baseUrl: null, standardModel: null, hdModel: null } } });
    expect(comfy.service.source.isAvailable()).toBe(false);
  });

  it('concurrent re-checks never overlap: one under way plus one shared follow-up, and close() leaves no timer behind', async () => {
    comfy = await startTestComfy({}, { detectionTiming: { upMs: 50 } });
    const c = comfy;
    const probes = () => c.server.requests.filter((r) => r.path === '/system_stats').length;
    const [first, second, third] = await Promise.all([c.service.recheck(), c.service.recheck(), c.service.recheck()]);
    expect(first.state).toBe('connected');
    expect(second).toBe(third);
    expect(probes()).toBe(2);
    c.service.close();
    const after = probes();
    // Several re-check periods: a timer orphaned by overlapping checks would probe again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(probes()).toBe(after);
  });
});
