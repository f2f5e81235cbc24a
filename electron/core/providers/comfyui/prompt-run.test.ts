/**
 * runPrompt against the loopback ComfyUI, with its own client and socket (no service), for the
 * paths where the run's bookkeeping matters: the socket going away, history written after
 * `execution_success`, prompts waiting in the queue, ids the server chose, interrupts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../ports';
import { ComfyUiClient } from './comfyui-client';
import { ComfyUiSocket } from './comfyui-socket';
import { runPrompt, type RunResult, type RunTiming } from './prompt-run';
import { RESOURCES_WORKFLOWS_DIR } from './testing/resources-dir';
import { ComfyUiTestServer, type ComfyTestControls } from './testing/comfyui-test-server';
import { fillPlaceholders, type Graph } from './workflows/graph';
import { TemplateCatalog } from './workflows/templates';

interface Rig {
  readonly server: ComfyUiTestServer;
  readonly client: ComfyUiClient;
  readonly socket: ComfyUiSocket;
  run(graph?: Graph, signal?: AbortSignal): Promise<RunResult>;
  /** Resolves at the run's first sampler step (the job is following its socket and running by then). */
  readonly progressed: Promise<void>;
}

const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) {
    rig.socket.close();
    await rig.server.close();
  }
});

const CLIENT_ID = 'run-test-client';
// The stall watchdog is left at 10 minutes unless a test sets it: a job that only ends through it fails the test by timing out.
const TIMING: Partial<RunTiming> = { pollMs: 30, unreachableAfterMs: 1_000, socketWaitMs: 1_000 };

function txt2img(steps = 4, seed = 7): Graph {
  return fillPlaceholders(new TemplateCatalog(RESOURCES_WORKFLOWS_DIR).get('pixel', 'txt2img').graph, {
    prompt: 'a gem', negative: '', seed, steps, cfg: 7, sampler: 'euler', scheduler: 'normal', width: 16, height: 16, checkpoint: 'sd_xl_base_1.0.safetensors', batch: 1,
  });
}

async function rig(controls: Partial<ComfyTestControls> = {}, timing: Partial<RunTiming> = {}): Promise<Rig> {
  const server = await ComfyUiTestServer.start({ previews: false, ...controls });
  const client = new ComfyUiClient({ baseUrl: server.url });
  const socket = new ComfyUiSocket({ url: client.http.wsUrl(CLIENT_ID), headers: {}, log: silentLogger, backoff: { initialMs: 20, maxMs: 100 } });
  let progressed!: () => void;
  const made: Rig = {
    progressed: new Promise<void>((resolve) => (progressed = resolve)),
    server,
    client,
    socket,
    run: (graph = txt2img(), signal = new AbortController().signal) =>
      runPrompt({ client, socket, clientId: CLIENT_ID, log: silentLogger, timing: { ...TIMING, ...timing } }, graph, signal, (p) => {
        if (p.step !== undefined) progressed();
      }),
  };
  rigs.push(made);
  return made;
}

describe('runPrompt', () => {
  it('a socket closed under a running job (connection replaced, app closing) hands it to /history polling', async () => {
    const r = await rig({ stepMs: 20 });
    const job = r.run(txt2img(20));
    await r.progressed;
    r.socket.close();
    const result = await job;
    expect(result.images).toHaveLength(1);
    expect(r.server.requests.filter((q) => q.path.startsWith('/history/')).length).toBeGreaterThan(0);
  });

  it('a socket that reconnects mid-run gets the current node (no prompt id) and the job still delivers its image', async () => {
    const r = await rig({ stepMs: 20 });
    const sent: Array<{ type: string; data: Record<string, unknown> }> = [];
    r.server.onEvent = (type, data) => sent.push({ type, data });
    const job = r.run(txt2img(20));
    await r.progressed;
    const before = sent.length;
    r.server.dropSockets();
    const result = await job;
    expect(result.images).toHaveLength(1);
    // server.py websocket_handler on reconnect: `executing {"node": last_node_id}` and nothing else.
    const resent = sent.slice(before).find((e) => e.type === 'executing' && !('prompt_id' in e.data));
    expect(resent?.data).toEqual({ node: '3' });
  });

  it('execution_success before the history entry exists: the outputs are read from history once ComfyUI has written it', async () => {
    const r = await rig({ skipExecuted: true, historyDelayMs: 150 });
    const result = await r.run();
    expect(result.images).toEqual([expect.objectContaining({ filename: expect.stringMatching(/\.png$/), type: 'output' })]);
  });

  it('a finished run whose history never shows up fails with a clear message (bounded wait)', async () => {
    const r = await rig({ skipExecuted: true, historyDelayMs: 2_000 }, { historyWaitMs: 200 });
    await expect(r.run()).rejects.toMatchObject({ kind: 'provider_failure', message: expect.stringMatching(/reported no image/) });
  });

  it('a stall in our own run times out and interrupts our prompt by its id', async () => {
    const r = await rig({ stall: true }, { stallMs: 200 });
    const job = r.run();
    const ours = await r.server.whenRunning();
    await expect(job).rejects.toMatchObject({ kind: 'timeout' });
    await expect.poll(() => r.server.requests.find((q) => q.path === '/interrupt')?.body).toBe(JSON.stringify({ prompt_id: ours }));
    await expect.poll(() => r.server.runningPromptId).toBeNull();
  });

  it('a prompt waiting behind someone else\'s long run is not a stall: it checks /queue meanwhile and runs when its turn comes', async () => {
    const r = await rig({ stall: true }, { stallMs: 200, pendingCheckMs: 40 });
    await r.client.queuePrompt(txt2img(), 'someone-else', 'other-prompt');
    await r.server.whenRunning();
    const job = r.run();
    await expect.poll(() => r.server.pendingPromptIds.length).toBe(1);
    // Well past the stall limit: several /queue checks found it still waiting.
    await expect.poll(() => r.server.requests.filter((q) => q.method === 'GET' && q.path === '/queue').length, { timeout: 5_000 }).toBeGreaterThanOrEqual(8);
    expect(r.server.pendingPromptIds).toHaveLength(1);
    r.server.controls.stall = false;
    expect((await job).images).toHaveLength(1);
  });

  it('a waiting prompt that disappears from ComfyUI\'s queue (removed there) fails as lost, not after the stall limit', async () => {
    const r = await rig({ stall: true }, { pendingCheckMs: 40 });
    await r.client.queuePrompt(txt2img(), 'someone-else', 'other-prompt');
    await r.server.whenRunning();
    const job = r.run();
    await expect.poll(() => r.server.pendingPromptIds.length).toBe(1);
    await r.client.deleteQueued(r.server.pendingPromptIds[0]!);
    await expect(job).rejects.toMatchObject({ kind: 'unreachable', message: expect.stringMatching(/removed from ComfyUI's queue/) });
    r.server.controls.stall = false;
  });

  it('a server that ignores our prompt id: events and history follow the id POST /prompt returned', async () => {
    const r = await rig({ ignoreClientPromptId: true, stepMs: 10 });
    const result = await r.run();
    const [serverId] = [...r.server.prompts.keys()];
    expect(result.promptId).toBe(serverId);
    expect(result.images).toHaveLength(1);
  });

  it('with the socket down, a server-chosen prompt id is what /history is polled with', async () => {
    const r = await rig({ ignoreClientPromptId: true, refuseSockets: true, stepMs: 10 }, { socketWaitMs: 100 });
    const result = await r.run();
    expect(result.images).toHaveLength(1);
    expect(r.server.requests.some((q) => q.path === `/history/${result.promptId}`)).toBe(true);
  });

  it('an interrupt from ComfyUI\'s own UI fails the job as not retryable ("interrupted in ComfyUI"), so it does not fall back to a cloud provider', async () => {
    const r = await rig({ stepMs: 20 });
    const job = r.run(txt2img(50));
    await r.progressed;
    // ComfyUI's Cancel button: a global POST /interrupt.
    await r.client.http.post('/interrupt', {});
    const error = await job.then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ kind: 'cancelled', retryable: false, message: expect.stringMatching(/interrupted in ComfyUI at node 3 \(KSampler\)/) });
  });

  it('the same when the interrupt is only learnt from /history (socket down)', async () => {
    const r = await rig({ stepMs: 20, refuseSockets: true }, { socketWaitMs: 100 });
    const job = r.run(txt2img(50));
    await r.server.whenRunning();
    await r.client.http.post('/interrupt', {});
    await expect(job).rejects.toMatchObject({ kind: 'cancelled', retryable: false, message: expect.stringMatching(/interrupted in ComfyUI/) });
  });

  it.each(['shape', 'html'] as const)('an unreadable /queue answer (%s) while polling is "unknown": the job keeps following /history and delivers', async (brokenQueue) => {
    const r = await rig({ stepMs: 10, refuseSockets: true, brokenQueue }, { socketWaitMs: 100 });
    const result = await r.run(txt2img(20));
    expect(result.images).toHaveLength(1);
    expect(r.server.requests.filter((q) => q.method === 'GET' && q.path === '/queue').length).toBeGreaterThan(0);
  });

  it('reports what ComfyUI is doing, phase by phase, from the nodes it executes (the bar is not frozen during a model load)', async () => {
    const r = await rig({ stepMs: 5 });
    const phases: string[] = [];
    const steps: Array<[number | undefined, number | undefined, string | undefined]> = [];
    const result = await runPrompt({ client: r.client, socket: r.socket, clientId: CLIENT_ID, log: silentLogger, timing: TIMING }, txt2img(3), new AbortController().signal, (p) => {
      if (p.activity !== undefined && p.activity !== phases.at(-1)) phases.push(p.activity);
      if (p.step !== undefined) steps.push([p.step, p.total, p.activity]);
    });
    expect(result.images).toHaveLength(1);
    // txt2img: CheckpointLoaderSimple → CLIPTextEncode ×2 → EmptyLatentImage → KSampler → VAEDecode → SaveImage.
    // An idle ComfyUI starts it at once (its events can even beat POST /prompt's answer): no waiting phase.
    expect(phases).toEqual(['Loading the model', 'Reading the prompt', 'Preparing the canvas', 'Sampling', 'Decoding the image', 'Saving the image']);
    // Steps carry the phase they belong to.
    expect(steps).toEqual([
      [1, 3, 'Sampling'],
      [2, 3, 'Sampling'],
      [3, 3, 'Sampling'],
    ]);
  });

  it('a prompt queued behind another client\'s run says so until its turn comes', async () => {
    const r = await rig({ stall: true }, { pendingCheckMs: 40 });
    await r.client.queuePrompt(txt2img(), 'someone-else', 'other-prompt');
    await r.server.whenRunning();
    let last: string | undefined;
    const job = runPrompt({ client: r.client, socket: r.socket, clientId: CLIENT_ID, log: silentLogger, timing: TIMING }, txt2img(), new AbortController().signal, (p) => {
      last = p.activity ?? last;
    });
    await expect.poll(() => r.server.pendingPromptIds.length).toBe(1);
    await expect.poll(() => last).toBe("Waiting in ComfyUI's queue");
    r.server.controls.stall = false;
    expect((await job).images).toHaveLength(1);
    expect(last).toBe('Saving the image');
  });
});
