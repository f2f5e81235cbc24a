/**
 * Local LLM detection and generation against loopback stand-ins for Ollama (`/api/tags`) and
 * LM Studio (`/v1/models`), both serving OpenAI-compatible streamed chat.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalLlmStatus } from '../../../../shared/provider-status';
import type { ProviderRequest } from '../provider';
import { startChatTestServer, type ChatTestServer } from '../text/testing/openai-compatible-server';
import { probeLocalLlm, type LocalLlmTarget } from './detect';
import { createLocalLlmProvider } from './local-llm-provider';
import { LocalLlmMonitor, selectLocalModel } from './monitor';

let ollama: ChatTestServer;
let lmstudio: ChatTestServer;
let closedUrl: string;
beforeAll(async () => {
  ollama = await startChatTestServer('ollama');
  lmstudio = await startChatTestServer('lmstudio');
  // A port that was free a moment ago: nothing answers there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  closedUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 9}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  await ollama.close();
  await lmstudio.close();
});

const signal = () => new AbortController().signal;
const target = (kind: LocalLlmTarget['kind'], url: string): LocalLlmTarget => ({ kind, label: kind === 'ollama' ? 'Ollama' : kind === 'lmstudio' ? 'LM Studio' : 'Custom server', url });

describe('probeLocalLlm', () => {
  it('lists Ollama’s pulled models from /api/tags (embedding models left out)', async () => {
    ollama.controls.models = ['qwen2.5-coder:7b', 'nomic-embed-text:latest', 'llama3.2:3b'];
    const server = await probeLocalLlm(target('ollama', ollama.url), signal());
    expect(server).toEqual({ kind: 'ollama', label: 'Ollama', baseUrl: `${ollama.url}/v1`, reachable: true, models: ['qwen2.5-coder:7b', 'llama3.2:3b'], message: null });
    expect(ollama.server.requestsTo(/^\/api\/tags$/, 'GET').length).toBeGreaterThan(0);
  });

  it('lists LM Studio’s models from /v1/models', async () => {
    const server = await probeLocalLlm(target('lmstudio', lmstudio.url), signal());
    expect(server).toMatchObject({ reachable: true, models: lmstudio.controls.models, baseUrl: `${lmstudio.url}/v1` });
  });

  it('tells a server that is not running from one without models', async () => {
    expect(await probeLocalLlm(target('ollama', closedUrl), signal())).toMatchObject({ reachable: false, models: [], message: expect.stringMatching(/Not running/) });
    ollama.controls.models = [];
    expect(await probeLocalLlm(target('ollama', ollama.url), signal())).toMatchObject({ reachable: true, models: [], message: expect.stringMatching(/ollama pull/) });
    ollama.controls.models = ['qwen2.5-coder:7b'];
  });

  it('reports an HTML page (a wrong URL) clearly instead of a model list', async () => {
    lmstudio.server.failNext(1, { type: 'html', status: 200 });
    const server = await probeLocalLlm(target('lmstudio', lmstudio.url), signal());
    expect(server.reachable).toBe(false);
    expect(server.message).toMatch(/HTML/);
  });

  it('recognises a custom base URL as either kind of server', async () => {
    expect(await probeLocalLlm(target('custom', lmstudio.url), signal())).toMatchObject({ reachable: true, models: lmstudio.controls.models });
    expect(await probeLocalLlm(target('custom', ollama.url), signal())).toMatchObject({ reachable: true, models: ollama.controls.models });
  });
});

describe('LocalLlmMonitor', () => {
  it('picks the preferred model’s server, else the first server with a model, and reports changes only', async () => {
    const changes: LocalLlmStatus[] = [];
    let preferred: string | null = null;
    const monitor = new LocalLlmMonitor({
      targets: () => [target('ollama', closedUrl), target('lmstudio', lmstudio.url), target('ollama', ollama.url)],
      preferredModel: () => preferred,
      onChange: (status) => changes.push(status),
    });
    const first = await monitor.detect();
    expect(first.selected).toEqual({ baseUrl: `${lmstudio.url}/v1`, model: lmstudio.controls.models[0] });
    expect(first.servers.map((s) => s.reachable)).toEqual([false, true, true]);
    await monitor.detect();
    expect(changes).toHaveLength(1);
    preferred = 'qwen2.5-coder:7b';
    monitor.reselect();
    expect(monitor.status().selected).toEqual({ baseUrl: `${ollama.url}/v1`, model: 'qwen2.5-coder:7b' });
    expect(changes).toHaveLength(2);
    monitor.stop();
  });

  it('probes again after being stopped and started (the local LLM switched off and on)', async () => {
    const monitor = new LocalLlmMonitor({ targets: () => [target('ollama', ollama.url)], preferredModel: () => null, onChange: () => undefined, intervalMs: 60_000 });
    monitor.start();
    monitor.stop();
    const status = await monitor.detect();
    expect(status.servers[0]?.reachable).toBe(true);
    monitor.start();
    monitor.stop();
  });

  it('selects nothing when no server has a model', () => {
    expect(selectLocalModel([{ kind: 'ollama', label: 'Ollama', baseUrl: 'x', reachable: true, models: [], message: null }], null)).toBeNull();
  });
});

describe('createLocalLlmProvider', () => {
  const request: ProviderRequest = {
    mode: 'uiux',
    capability: 'code',
    tier: 'standard',
    model: 'qwen2.5-coder:7b',
    prompt: 'A login form.',
    negativePrompt: null,
    width: 1280,
    height: 800,
    steps: 1,
    guidance: 1,
    sampler: '',
    scheduler: '',
    seed: 1,
  };

  it('is absent until a server with a model is found, then writes code through it, one job at a time', async () => {
    const monitor = new LocalLlmMonitor({ targets: () => [target('ollama', ollama.url)], preferredModel: () => null, onChange: () => undefined });
    expect(createLocalLlmProvider({ monitor, hdModel: null })).toBeNull();
    await monitor.detect();
    const provider = createLocalLlmProvider({ monitor, hdModel: null });
    expect(provider?.capabilities).toMatchObject({ id: 'local-llm', local: true, needsKey: false, concurrency: 1, models: { standard: 'qwen2.5-coder:7b' } });
    expect([...(provider?.capabilities.tiers ?? [])]).toEqual(['standard']);
    const output = await provider?.generate(request, signal(), () => undefined);
    expect(new TextDecoder().decode(output?.bytes)).toBe(ollama.controls.reply);
    expect(ollama.server.requestsTo(/\/v1\/chat\/completions$/).at(-1)?.headers.authorization).toBeUndefined();
    monitor.stop();
  });

  it('answers an unknown model with the server’s own message', async () => {
    const monitor = new LocalLlmMonitor({ targets: () => [target('ollama', ollama.url)], preferredModel: () => null, onChange: () => undefined });
    await monitor.detect();
    const provider = createLocalLlmProvider({ monitor, hdModel: null });
    await expect(provider?.generate({ ...request, model: 'missing:1b' }, signal(), () => undefined)).rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/not found, try pulling it/) });
    monitor.stop();
  });
});
