import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const BRIDGE_BUNDLE = join(REPO_ROOT, 'out', 'e2e', 'bridge.js');
export const MIGRATIONS_DIR = join(REPO_ROOT, 'electron', 'core', 'library', 'migrations');
