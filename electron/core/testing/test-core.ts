/**
 * A real core on temporary folders, for integration tests: the same `createCore` main uses,
 * with plain-Node ports. Not imported by app code.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { dispatch } from '../ipc/dispatch';
import { DEFAULT_MIGRATIONS_DIR } from '../library/open-library';
import { silentLogger, type DialogPort, type EventSink, type ShellPort } from '../ports';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { createCore, type Core } from '../services';
import { JsonFileSettingsStore } from '../settings/json-file-settings-store';

export class TestCore {
  readonly root = mkdtempSync(join(tmpdir(), 'wokgen-core-'));
  readonly events: Array<{ event: EventName; payload: unknown }> = [];
  readonly opened: string[] = [];
  readonly revealed: string[] = [];
  trashFails = false;
  nextFolder: string | null = null;
  /** What the open-file picker answers (null = cancelled). */
  nextFile: string | null = null;
  /** What the save dialog answers: a path, null (cancelled), or undefined = accept the proposed path. */
  nextSaveFile: string | null | undefined = undefined;
  core: Core;

  constructor() {
    mkdirSync(this.dataDir, { recursive: true });
    mkdirSync(this.homeDir, { recursive: true });
    this.core = this.boot();
  }

  get dataDir(): string {
    return join(this.root, 'data');
  }
  get homeDir(): string {
    return join(this.root, 'home');
  }
  get trashDir(): string {
    return join(this.root, 'trash');
  }

  /** Calls a channel exactly as IPC does: raw payload in, Result out. */
  call(channel: string, payload: unknown) {
    return dispatch(this.core.handlers, channel, payload, { log: silentLogger, validateOutput: true });
  }

  async restart(): Promise<void> {
    await this.core.close();
    this.core = this.boot();
  }

  async dispose(): Promise<void> {
    await this.core.close();
    rmSync(this.root, { recursive: true, force: true });
  }

  private boot(): Core {
    const events: EventSink = {
      emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void this.events.push({ event, payload }),
    };
    const shell: ShellPort = {
      openExternal: async (url) => void this.opened.push(url),
      showItemInFolder: (path) => void this.revealed.push(path),
      trashItem: async (path) => {
        if (this.trashFails) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        mkdirSync(this.trashDir, { recursive: true });
        renameSync(path, join(this.trashDir, basename(path)));
      },
    };
    const dialogs: DialogPort = {
      chooseFolder: async () => this.nextFolder,
      chooseFile: async () => this.nextFile,
      chooseSaveFile: async ({ defaultPath }) => (this.nextSaveFile === undefined ? defaultPath : this.nextSaveFile),
    };
    return createCore({
      dataDir: this.dataDir,
      migrationsDir: DEFAULT_MIGRATIONS_DIR,
      homeDir: this.homeDir,
      settings: new JsonFileSettingsStore(join(this.dataDir, 'settings.json')),
      secrets: new MemorySecretStore(),
      shell,
      dialogs,
      events,
      log: silentLogger,
      appInfo: { name: 'WokGen Studio', version: 'test', platform: process.platform, dataDir: this.dataDir, versions: { electron: null, node: process.versions.node, chrome: null } },
    });
  }
}
