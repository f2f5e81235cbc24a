/**
 * Streamed text reaches the studio: a provider's `partialText` progress is forwarded on
 * `jobs.progress` by the real pipeline (and image progress stays without it).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fileAssetStore } from '../../assets/file-asset-store';
import { openLibrary, type Library } from '../../library';
import { Pipeline } from '../../pipeline/pipeline';
import { capabilities, FakeProvider, pngBytes, testEngines } from '../../pipeline/testing';
import { silentLogger } from '../../ports';

let root: string;
let library: Library;
let workspaceId: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wokgen-partial-'));
  mkdirSync(join(root, 'ws'));
  library = openLibrary({ file: join(root, 'library.sqlite') }).library;
  workspaceId = crypto.randomUUID();
  library.workspaces.insert({ id: workspaceId, name: 'Sprites', mode: 'pixel', folder: join(root, 'ws'), createdAt: 1 });
});
afterEach(() => {
  library.close();
  rmSync(root, { recursive: true, force: true });
});

it('forwards partialText on jobs.progress only when the provider sends it', async () => {
  const progress: Array<Record<string, unknown>> = [];
  const provider = new FakeProvider(capabilities('comfyui'), async (_request, _signal, onProgress) => {
    onProgress({ fraction: 0.1 });
    onProgress({ fraction: 0.5, partialText: '<section>' });
    onProgress({ fraction: 1, partialText: '<section><h1>Hi</h1></section>' });
    return { bytes: await pngBytes(), mime: 'image/png', model: 'm' };
  });
  const pipeline = new Pipeline({
    library,
    engines: testEngines(),
    providers: { available: () => [provider.capabilities], get: () => provider },
    assets: fileAssetStore,
    events: { emit: (event, payload) => void (event === 'jobs.progress' && progress.push(payload as Record<string, unknown>)) },
    log: silentLogger,
  });
  pipeline.submit({ mode: 'pixel', workspaceId, prompt: 'a tiny red potion' });
  await pipeline.whenIdle();
  // First the pipeline's own "Sending to …" phase, then the provider's three reports.
  expect(progress.map((p) => p['partialText'])).toEqual([undefined, undefined, '<section>', '<section><h1>Hi</h1></section>']);
  expect(progress[0]?.['activity']).toMatch(/^Sending to /);
  expect('partialText' in (progress[1] ?? {})).toBe(false);
});
