/**
 * A real library on a temporary folder with one workspace of a mode, for the suites that run
 * the pipeline end to end (pipeline, comfyui). The caller closes the library and removes `root`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModeId } from '../../shared/modes';
import { openLibrary, type Library } from '../../electron/core/library';

export interface BenchWorkspace {
  readonly root: string;
  readonly library: Library;
  readonly workspaceId: string;
}

export function openBenchWorkspace(suite: string, mode: ModeId): BenchWorkspace {
  const root = mkdtempSync(join(tmpdir(), `wokgen-bench-${suite}-`));
  const folder = join(root, 'ws');
  mkdirSync(folder);
  const { library } = openLibrary({ file: join(root, 'library.sqlite') });
  const workspaceId = crypto.randomUUID();
  library.workspaces.insert({ id: workspaceId, name: 'Bench', mode, folder, createdAt: Date.now() });
  writeFileSync(join(folder, 'workspace.json'), JSON.stringify({ format: 1, app: 'wokgen-studio', id: workspaceId, name: 'Bench', mode, createdAt: 1 }));
  return { root, library, workspaceId };
}
