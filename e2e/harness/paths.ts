import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
// Outside out/ on purpose: electron-builder packs out/**, and the bridge must never ship.
export const BRIDGE_BUNDLE = join(REPO_ROOT, 'e2e', '.build', 'bridge.js');
export const MIGRATIONS_DIR = join(REPO_ROOT, 'electron', 'core', 'library', 'migrations');
