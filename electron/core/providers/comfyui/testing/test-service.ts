/**
 * A ComfyUiService wired to a loopback test server, with temp folders, in-memory secrets and
 * recorded events — for unit tests and the bench. Not imported by app code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComfyUiStatus } from '../../../../../shared/comfyui';
import { silentLogger, type Logger } from '../../../ports';
import { MemorySecretStore } from '../../../secrets/memory-secret-store';
import { JsonFileSettingsStore } from '../../../settings/json-file-settings-store';
import { ComfyUiService, type ComfyUiServiceDeps } from '../comfyui-service';
import { ComfyUiTestServer, type ComfyTestControls } from './comfyui-test-server';
import { RESOURCES_WORKFLOWS_DIR } from './resources-dir';


export interface TestComfy {
  readonly server: ComfyUiTestServer;
  readonly service: ComfyUiService;
  readonly settings: JsonFileSettingsStore;
  readonly secrets: MemorySecretStore;
  readonly statuses: ComfyUiStatus[];
  readonly root: string;
  dispose(): Promise<void>;
}

export async function startTestComfy(
  controls: Partial<ComfyTestControls> = {},
  overrides: Partial<Omit<ComfyUiServiceDeps, 'settings' | 'secrets' | 'events' | 'dataDir' | 'workflowsDir'>> & { log?: Logger } = {},
): Promise<TestComfy> {
  const server = await ComfyUiTestServer.start(controls);
  const root = mkdtempSync(join(tmpdir(), 'wokgen-comfy-'));
  const settings = new JsonFileSettingsStore(join(root, 'settings.json'));
  settings.update({ comfyui: { url: server.url, defaultCheckpoints: {} } });
  const secrets = new MemorySecretStore();
  const statuses: ComfyUiStatus[] = [];
  const service = new ComfyUiService({
    settings,
    secrets,
    events: { emit: (event, payload) => void (event === 'comfyui.status' && statuses.push(payload as ComfyUiStatus)) },
    log: silentLogger,
    dataDir: root,
    workflowsDir: RESOURCES_WORKFLOWS_DIR,
    defaultUrls: [],
    runTiming: { pollMs: 50, unreachableAfterMs: 500, socketWaitMs: 1000 },
    socketBackoff: { initialMs: 20, maxMs: 100 },
    ...overrides,
  });
  return {
    server,
    service,
    settings,
    secrets,
    statuses,
    root,
    dispose: async () => {
      service.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
