/**
 * An inpaint job keeps its mask: the pipeline stores it in the workspace folder before the job
 * is queued, records the path on the job row, and a later request can name the job
 * (`maskFromJobId`) instead of carrying the PNG — on a real library, real workspace folder and
 * the real pixel engine (whose schema checks the mask fields).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import type { EventName } from '../../../shared/ipc/contract';
import { fileAssetStore } from '../assets/file-asset-store';
import { openLibrary, type Library } from '../library';
import { MODE_ENGINES } from '../modes/registry';
import { silentLogger } from '../ports';
import type { ProviderId } from '../providers/provider';
import { MAX_STORED_MASK_BYTES } from './job-mask';
import { Pipeline } from './pipeline';
import { failureOf } from '../testing/failure-of';
import { capabilities, FakeProvider, succeeds } from './testing';

let root: string;
let folder: string;
let library: Library;
let workspaceId: string;
let events: Array<{ event: EventName; payload: unknown }>;
let comfy: FakeProvider;
let mask: Buffer;
let inputAssetId: string;

function makePipeline(lib: Library = library): Pipeline {
  return new Pipeline({
    library: lib,
    engines: MODE_ENGINES,
    providers: { available: () => [comfy.capabilities], get: (id: ProviderId) => (id === comfy.capabilities.id ? comfy : undefined) },
    assets: fileAssetStore,
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    log: silentLogger,
    randomSeed: () => 7,
  });
}

function inpaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { mode: 'pixel', workspaceId, tool: 'inpaint', prompt: 'a golden crown', size: 64, inputAssetId, ...overrides };
}

const masksIn = (workspaceFolder: string): string[] => {
  const dir = join(workspaceFolder, '.wokgen', 'masks');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'wokgen-mask-'));
  folder = join(root, 'ws');
  mkdirSync(folder);
  library = openLibrary({ file: join(root, 'library.sqlite') }).library;
  workspaceId = crypto.randomUUID();
  library.workspaces.insert({ id: workspaceId, name: 'Sprites', mode: 'pixel', folder, createdAt: 1 });
  events = [];
  comfy = new FakeProvider(capabilities('comfyui'), succeeds());
  // The sprite to repaint: a first job's result.
  const pipeline = makePipeline();
  const { id } = pipeline.submit({ mode: 'pixel', workspaceId, prompt: 'a knight', size: 64 });
  await pipeline.whenIdle();
  inputAssetId = library.assets.listByJob(id)[0]!.id;
  mask = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffffff' } }).png().toBuffer();
  events = [];
  comfy.requests.length = 0;
});
afterEach(() => {
  library.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a job submitted with a mask', () => {
  it('stores the mask in the workspace folder before it is reported queued, and records the path', async () => {
    let storedWhenQueued = false;
    const pipeline = new Pipeline({
      library,
      engines: MODE_ENGINES,
      providers: { available: () => [comfy.capabilities], get: () => comfy },
      assets: fileAssetStore,
      events: {
        emit: (event, payload) => {
          if (event === 'jobs.queued') storedWhenQueued = existsSync(join(folder, '.wokgen', 'masks', `${(payload as { id: string }).id}.png`));
        },
      },
      log: silentLogger,
    });
    const job = pipeline.submit(inpaint({ maskPngBase64: mask.toString('base64') }));
    expect(storedWhenQueued).toBe(true);
    expect(job.params['maskPath']).toBe(`.wokgen/masks/${job.id}.png`);
    expect(readFileSync(join(folder, `.wokgen/masks/${job.id}.png`)).equals(mask)).toBe(true);
    await pipeline.whenIdle();
    expect(library.jobs.get(job.id)).toMatchObject({ status: 'succeeded', params: { maskPath: `.wokgen/masks/${job.id}.png`, inputAssetId } });
    expect(Buffer.from(comfy.requests[0]!.mask!.bytes).equals(mask)).toBe(true);
  });

  it('a job without a mask stores none', async () => {
    const pipeline = makePipeline();
    const job = pipeline.submit({ mode: 'pixel', workspaceId, prompt: 'a shield', size: 64 });
    await pipeline.whenIdle();
    expect(job.params['maskPath']).toBeUndefined();
    expect(masksIn(folder)).toEqual([]);
  });
});

describe('a request that reuses an earlier job’s mask (maskFromJobId)', () => {
  it('sends the provider the same mask bytes, and stores them for the new job too (a retry of a retry)', async () => {
    const pipeline = makePipeline();
    const first = pipeline.submit(inpaint({ maskPngBase64: mask.toString('base64') }));
    await pipeline.whenIdle();
    comfy.requests.length = 0;

    const retry = pipeline.submit(inpaint({ maskFromJobId: first.id }));
    await pipeline.whenIdle();
    expect(library.jobs.get(retry.id)?.status).toBe('succeeded');
    expect(Buffer.from(comfy.requests[0]!.mask!.bytes).equals(mask)).toBe(true);
    expect(comfy.requests[0]!.mask!.mime).toBe('image/png');
    expect(retry.params['maskPath']).toBe(`.wokgen/masks/${retry.id}.png`);

    // The first job's file goes: the retry's own copy still serves a retry of the retry.
    rmSync(join(folder, `.wokgen/masks/${first.id}.png`));
    comfy.requests.length = 0;
    const again = pipeline.submit(inpaint({ maskFromJobId: retry.id }));
    await pipeline.whenIdle();
    expect(library.jobs.get(again.id)?.status).toBe('succeeded');
    expect(Buffer.from(comfy.requests[0]!.mask!.bytes).equals(mask)).toBe(true);
  });
});

describe('refused before anything is queued, and no mask file is left behind', () => {
  let first: string;
  let otherFolder: string;
  let otherJob: string;
  /** A job of this workspace whose row names the first job's mask instead of its own. */
  let pointing: string;

  beforeEach(async () => {
    const pipeline = makePipeline();
    first = pipeline.submit(inpaint({ maskPngBase64: mask.toString('base64') })).id;
    await pipeline.whenIdle();
    // Another pixel workspace with an inpaint job of its own.
    otherFolder = join(root, 'other');
    mkdirSync(join(otherFolder, '.wokgen', 'masks'), { recursive: true });
    const otherWorkspace = crypto.randomUUID();
    library.workspaces.insert({ id: otherWorkspace, name: 'Other', mode: 'pixel', folder: otherFolder, createdAt: 2 });
    otherJob = crypto.randomUUID();
    writeFileSync(join(otherFolder, `.wokgen/masks/${otherJob}.png`), mask);
    library.jobs.insert({ id: otherJob, workspaceId: otherWorkspace, mode: 'pixel', tool: 'inpaint', prompt: 'x', params: { maskPath: `.wokgen/masks/${otherJob}.png` }, createdAt: 3 });
    pointing = crypto.randomUUID();
    library.jobs.insert({ id: pointing, workspaceId, mode: 'pixel', tool: 'inpaint', prompt: 'x', params: { maskPath: `.wokgen/masks/${first}.png` }, createdAt: 4 });
    events = [];
  });

  const cases: ReadonlyArray<[string, () => Record<string, unknown>, string, RegExp]> = [
    ['an unknown job', () => inpaint({ maskFromJobId: crypto.randomUUID() }), 'not_found', /not in this workspace — paint a new one/],
    ['a job of another workspace', () => inpaint({ maskFromJobId: otherJob }), 'not_found', /not in this workspace/],
    ['a job whose mask file is gone', () => (rmSync(join(folder, `.wokgen/masks/${first}.png`)), inpaint({ maskFromJobId: first })), 'not_found', /The mask of that job is no longer in the workspace folder — paint a new one\./],
    ['a job whose mask file is not a PNG any more', () => (writeFileSync(join(folder, `.wokgen/masks/${first}.png`), 'GIF89a'), inpaint({ maskFromJobId: first })), 'invalid_input', /not a PNG/],
    ['a job made without a mask', () => inpaint({ maskFromJobId: library.assets.get(inputAssetId)!.jobId }), 'invalid_input', /not made with a mask/],
    ['both a painted mask and a job', () => inpaint({ maskFromJobId: first, maskPngBase64: mask.toString('base64') }), 'invalid_input', /either a painted mask or the earlier job’s mask/],
    [
      'a job whose mask file is larger than any mask WokGen writes',
      () => (writeFileSync(join(folder, `.wokgen/masks/${first}.png`), Buffer.concat([mask, Buffer.alloc(MAX_STORED_MASK_BYTES)])), inpaint({ maskFromJobId: first })),
      'invalid_input',
      /larger than any mask WokGen writes/,
    ],
    [
      'a job whose mask file was replaced by a symlink (to a PNG inside the workspace, even)',
      () => {
        const target = join(folder, '.wokgen', 'elsewhere.png');
        writeFileSync(target, mask);
        rmSync(join(folder, `.wokgen/masks/${first}.png`));
        symlinkSync(target, join(folder, `.wokgen/masks/${first}.png`));
        return inpaint({ maskFromJobId: first });
      },
      'invalid_input',
      /not a plain file any more/,
    ],
    [
      'a job whose mask path is now a folder',
      () => (rmSync(join(folder, `.wokgen/masks/${first}.png`)), mkdirSync(join(folder, `.wokgen/masks/${first}.png`)), inpaint({ maskFromJobId: first })),
      'invalid_input',
      /not a plain file any more/,
    ],
    ['a job whose record points at another file of the workspace', () => inpaint({ maskFromJobId: pointing }), 'invalid_input', /does not point at its own mask file/],
    ['an id that is not a job id', () => inpaint({ maskFromJobId: '../../etc/passwd' }), 'invalid_input', /id of an earlier job/],
    ['a job’s mask on a tool without one', () => ({ mode: 'pixel', workspaceId, prompt: 'a crown', maskFromJobId: first }), 'invalid_input', /Only the inpaint tool takes a mask/],
  ];

  it.each(cases)('%s → a typed error naming maskFromJobId', (_name, build, code, message) => {
    const jobsBefore = library.jobs.listByWorkspace(workspaceId, 50).length;
    const masksBefore = masksIn(folder);
    const error = failureOf(() => makePipeline().submit(build()));
    expect(error).toMatchObject({ code, field: 'maskFromJobId' });
    expect(error.message).toMatch(message);
    expect(library.jobs.listByWorkspace(workspaceId, 50)).toHaveLength(jobsBefore);
    expect(events).toEqual([]);
    expect(masksIn(folder).length).toBeLessThanOrEqual(masksBefore.length);
    expect(masksIn(otherFolder)).toEqual([`${otherJob}.png`]);
  });

  it('a mask that cannot be written is an io error naming the field, and nothing is queued', () => {
    rmSync(join(folder, '.wokgen', 'masks'), { recursive: true });
    writeFileSync(join(folder, '.wokgen', 'masks'), 'a file where the folder should be');
    const jobsBefore = library.jobs.listByWorkspace(workspaceId, 50).length;
    const error = failureOf(() => makePipeline().submit(inpaint({ maskPngBase64: mask.toString('base64') })));
    expect(error).toMatchObject({ code: 'io_failed', field: 'maskPngBase64' });
    expect(error.message).toMatch(/store the mask/);
    expect(library.jobs.listByWorkspace(workspaceId, 50)).toHaveLength(jobsBefore);
    expect(events).toEqual([]);
  });

  it('a job refused after its mask was stored leaves no mask file', () => {
    const refusing: Library = {
      ...library,
      jobs: {
        ...library.jobs,
        insert: () => {
          throw new AppFailure('io_failed', 'The library is read-only.');
        },
      },
    };
    const masksBefore = masksIn(folder);
    const error = failureOf(() => makePipeline(refusing).submit(inpaint({ maskFromJobId: first })));
    expect(error.code).toBe('io_failed');
    expect(masksIn(folder)).toEqual(masksBefore);
    expect(events).toEqual([]);
  });
});
