/**
 * Before any spec: the renderer must be built (`npm test` runs `electron-vite build` first)
 * and the bridge script is bundled from TypeScript for the browser.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { BRIDGE_BUNDLE, RENDERER_DIR, REPO_ROOT } from './harness/paths';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer at ${RENDERER_DIR}. Run \`npm run build\` first (npm test does).`);
  }
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO_ROOT,
    build: {
      lib: { entry: join(REPO_ROOT, 'e2e/bridge/bridge.ts'), formats: ['iife'], name: 'WokgenBridge', fileName: () => 'bridge.js' },
      outDir: join(BRIDGE_BUNDLE, '..'),
      emptyOutDir: false,
      minify: false,
    },
  });
}
