/**
 * The ComfyUI HTTP client against the loopback test server: every route, the `/api` prefix,
 * no Origin header, the token, 400 node_errors as sentences, size and type limits on `/view`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../provider';
import { ComfyUiClient } from './comfyui-client';
import { ComfyUiTestServer } from './testing/comfyui-test-server';
import { RESOURCES_WORKFLOWS_DIR } from './testing/resources-dir';
import { fillPlaceholders } from './workflows/graph';
import { TemplateCatalog } from './workflows/templates';

let server: ComfyUiTestServer;
let client: ComfyUiClient;

beforeEach(async () => {
  server = await ComfyUiTestServer.start();
  client = new ComfyUiClient({ baseUrl: server.url });
});
afterEach(async () => {
  await server.close();
});

const txt2img = (overrides: Record<string, string | number> = {}) =>
  fillPlaceholders(new TemplateCatalog(RESOURCES_WORKFLOWS_DIR).get('pixel', 'txt2img').graph, {
    prompt: 'a red gem',
    negative: 'blurry',
    seed: 7,
    steps: 4,
    cfg: 7,
    sampler: 'euler',
    scheduler: 'normal',
    width: 64,
    height: 64,
    checkpoint: 'sd_xl_base_1.0.safetensors',
    batch: 1,
    ...overrides,
  });

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('ComfyUiClient routes', () => {
  it('reads /system_stats with version, OS and devices, sending no Origin header', async () => {
    const stats = await client.systemStats();
    expect(stats.system.comfyui_version).toBe('0.3.64');
    expect(stats.devices[0]).toMatchObject({ type: 'cuda', vram_total: 25_757_220_864 });
    expect(server.requests.at(-1)?.headers.origin).toBeUndefined();
  });

  it('lists checkpoints from /models/checkpoints and samplers from /object_info/KSampler', async () => {
    expect(await client.checkpoints()).toEqual(['sd_xl_base_1.0.safetensors', 'pixel-art-xl.safetensors']);
    const lists = await client.samplers();
    expect(lists.samplers).toContain('dpmpp_2m');
    expect(lists.schedulers).toContain('karras');
    expect(server.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/models/checkpoints', '/object_info/KSampler']));
  });

  it('falls back to the loader option list when /models/checkpoints is 404 (older servers)', async () => {
    const old = createServer((req, res) => {
      if (req.url === '/object_info/CheckpointLoaderSimple') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ CheckpointLoaderSimple: { input: { required: { ckpt_name: [['old.ckpt'], {}] } }, output: ['MODEL'], output_node: false } }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => old.listen(0, '127.0.0.1', () => r()));
    try {
      const oldClient = new ComfyUiClient({ baseUrl: `http://127.0.0.1:${(old.address() as AddressInfo).port}` });
      expect(await oldClient.checkpoints()).toEqual(['old.ckpt']);
    } finally {
      await new Promise<void>((r) => old.close(() => r()));
    }
  });

  it('serves the same routes under /api', async () => {
    const api = new ComfyUiClient({ baseUrl: `${server.url}/api` });
    expect((await api.systemStats()).system.comfyui_version).toBe('0.3.64');
    expect(server.requests.at(-1)?.path).toBe('/system_stats');
  });

  it('queues a prompt with our client and prompt ids, then reads history and the output with /view', async () => {
    const queued = await client.queuePrompt(txt2img(), 'client-1', 'prompt-1');
    expect(queued.promptId).toBe('prompt-1');
    expect(JSON.parse(server.requests.find((r) => r.path === '/prompt')!.body)).toMatchObject({ client_id: 'client-1', prompt_id: 'prompt-1' });
    let entry = null;
    for (let i = 0; i < 200 && !entry; i += 1) {
      entry = await client.history('prompt-1');
      if (!entry) await new Promise((r) => setTimeout(r, 10));
    }
    expect(entry?.status?.status_str).toBe('success');
    const image = Object.values(entry!.outputs)[0]!.images![0]!;
    const output = await client.view(image);
    expect(output.mime).toBe('image/png');
    expect(await sharp(output.bytes).metadata()).toMatchObject({ width: 64, height: 64 });
  });

  it('answers null for an unknown history id and lists running/pending prompts from /queue', async () => {
    expect(await client.history('nope')).toBeNull();
    server.controls.stall = true;
    await client.queuePrompt(txt2img(), 'c', 'first');
    await client.queuePrompt(txt2img(), 'c', 'second');
    await server.whenRunning();
    expect(await client.queue()).toEqual({ running: ['first'], pending: ['second'] });
    await client.deleteQueued('second');
    expect(await client.queue()).toEqual({ running: ['first'], pending: [] });
    await client.interrupt('first');
    server.controls.stall = false;
  });

  it('an unreadable /queue answer is null (unknown), not an empty queue', async () => {
    server.controls.brokenQueue = 'shape';
    expect(await client.queue()).toBeNull();
    server.controls.brokenQueue = 'html';
    expect(await client.queue()).toBeNull();
    server.controls.brokenQueue = null;
    expect(await client.queue()).toEqual({ running: [], pending: [] });
  });

  it('uploads an image with multipart /upload/image and returns the name LoadImage takes', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    const name = await client.uploadImage(png, 'image/png', 'in.png');
    expect(name).toBe('wokgen/in.png');
  });
});

describe('ComfyUiClient bad input', () => {
  it('a missing checkpoint 400 reads "checkpoint \'x\' is not installed"', async () => {
    const error = await rejection(client.queuePrompt(txt2img({ checkpoint: 'missing.safetensors' }), 'c', 'p'));
    expect(error.kind).toBe('invalid_request');
    expect(error.message).toContain("checkpoint 'missing.safetensors' is not installed");
  });

  it('an out-of-range value names node, class, input and the limit', async () => {
    const error = await rejection(client.queuePrompt(txt2img({ steps: 20000 }), 'c', 'p'));
    expect(error.message).toContain("node 3 (KSampler) input 'steps': value 20000 bigger than max of 10000");
  });

  it('an unknown node class says which node does not exist', async () => {
    const graph = { ...txt2img(), '99': { class_type: 'FancyUpscaler', inputs: {} } };
    const error = await rejection(client.queuePrompt(graph, 'c', 'p'));
    expect(error.message).toContain('FancyUpscaler does not exist');
    expect(error.message).toContain("#99");
  });

  it('ComfyUI not running is `unreachable` with a hint', async () => {
    await server.close();
    const error = await rejection(client.systemStats());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/not answering/);
  });

  it('a protected server without the token is `unauthorised`; with it, it answers', async () => {
    server.controls.token = 'secret-token-1234';
    const error = await rejection(client.systemStats());
    expect(error.kind).toBe('unauthorised');
    expect(error.message).not.toContain('secret-token');
    const authed = new ComfyUiClient({ baseUrl: server.url, token: 'secret-token-1234' });
    expect((await authed.systemStats()).system.comfyui_version).toBe('0.3.64');
  });

  it('the origin check answers 403 to a browser-origin request (why the app calls from main)', async () => {
    const response = await fetch(`${server.url}/system_stats`, { headers: { origin: 'http://127.0.0.1:5173' } });
    expect(response.status).toBe(403);
  });

  it('the websocket handshake gets the same origin check; the app\'s socket (no Origin) connects', async () => {
    const { default: WebSocket } = await import('ws');
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws?clientId=x`, { origin: 'http://127.0.0.1:5173' });
      ws.on('error', (error) => resolve(error.message));
      ws.on('open', () => resolve('open'));
    });
    expect(refused).toMatch(/403/);
    const { ComfyUiSocket } = await import('./comfyui-socket');
    const socket = new ComfyUiSocket({ url: client.http.wsUrl('app-client'), headers: {}, log: { info() {}, warn() {}, error() {} } });
    expect(await socket.ensureOpen(2_000)).toBe(true);
    await expect.poll(() => server.connectedClientIds()).toEqual(['app-client']);
    socket.close();
  });

  it('an output larger than the limit is refused without reading it all', async () => {
    await client.queuePrompt(txt2img({ width: 256, height: 256 }), 'c', 'big');
    let entry = null;
    for (let i = 0; i < 200 && !entry; i += 1) {
      entry = await client.history('big');
      if (!entry) await new Promise((r) => setTimeout(r, 10));
    }
    const small = new ComfyUiClient({ baseUrl: server.url, maxOutputBytes: 100 });
    const error = await rejection(small.view(Object.values(entry!.outputs)[0]!.images![0]!));
    expect(error.message).toMatch(/larger than the 1 KB limit/);
  });

  it('a /view answer that is not an image is refused', async () => {
    const html = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    await new Promise<void>((r) => html.listen(0, '127.0.0.1', () => r()));
    try {
      const bad = new ComfyUiClient({ baseUrl: `http://127.0.0.1:${(html.address() as AddressInfo).port}` });
      const error = await rejection(bad.view({ filename: 'x.png', subfolder: '', type: 'output' }));
      expect(error.message).toContain('text/html');
    } finally {
      await new Promise<void>((r) => (html as Server).close(() => r()));
    }
  });

  it('a missing /view file is a 404 provider_failure', async () => {
    const error = await rejection(client.view({ filename: 'nothing.png', subfolder: '', type: 'output' }));
    expect(error.kind).toBe('provider_failure');
  });
});
