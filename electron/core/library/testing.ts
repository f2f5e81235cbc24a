/**
 * Test support: real library files in throw-away folders, and row factories.
 *
 * Tests run against a real SQLite file (not :memory:) because WAL, the migrations and
 * re-opening are exactly what they check. Not imported by app code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NewAsset } from './assets-repo';
import type { NewJob } from './jobs-repo';
import { openLibrary, type OpenedLibrary } from './open-library';
import type { NewWorkspace } from './workspaces-repo';

/** Tracks every folder and connection a test makes so `cleanup()` (afterEach) undoes them. */
export class TempLibraries {
  private readonly dirs: string[] = [];
  private readonly opened: OpenedLibrary[] = [];

  /** A fresh database path in its own temporary folder (the file does not exist yet). */
  newFile(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'wokgen-library-'));
    this.dirs.push(dir);
    return path.join(dir, 'library.sqlite');
  }

  open(file: string, now?: () => number): OpenedLibrary {
    const opened = openLibrary(now ? { file, now } : { file });
    this.opened.push(opened);
    return opened;
  }

  /** Shorthand: a new, migrated, empty library. */
  fresh(): OpenedLibrary['library'] {
    return this.open(this.newFile()).library;
  }

  cleanup(): void {
    for (const { library } of this.opened.splice(0)) if (library.sqlite.open) library.close();
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

let counter = 0;
/** Unique, readable ids; real ones are uuids, but the library only needs uniqueness. */
export function testId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter.toString().padStart(6, '0')}`;
}

export function makeWorkspace(overrides: Partial<NewWorkspace> = {}): NewWorkspace {
  const id = overrides.id ?? testId('ws');
  return { id, name: `Workspace ${id}`, mode: 'pixel', folder: `/tmp/wokgen-tests/${id}`, createdAt: 1_000, ...overrides };
}

export function makeJob(workspaceId: string, overrides: Partial<NewJob> = {}): NewJob {
  return {
    id: testId('job'),
    workspaceId,
    mode: 'pixel',
    tool: 'sprite',
    prompt: 'a knight with a red cape',
    createdAt: 2_000,
    ...overrides,
  };
}

export function makeAsset(workspaceId: string, jobId: string | null, overrides: Partial<NewAsset> = {}): NewAsset {
  const id = overrides.id ?? testId('asset');
  return {
    id,
    jobId,
    workspaceId,
    slot: 0,
    kind: 'image',
    relativePath: `assets/${id}.png`,
    mime: 'image/png',
    width: 64,
    height: 64,
    bytes: 1234,
    createdAt: 3_000,
    ...overrides,
  };
}
