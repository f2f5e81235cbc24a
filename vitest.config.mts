import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests live beside the code; end-to-end specs belong to Playwright, not vitest.
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'eslint-rules.test.ts'],
    exclude: ['node_modules/**', 'out/**', 'e2e/**'],
    // Node for core and shared; renderer tests are store/pure-function tests (no DOM needed).
    environment: 'node',
    // Native modules (better-sqlite3, keytar) are happiest in forked processes.
    pool: 'forks',
    // electron-store (ESM) imports `electron`; inlining it lets a test stand Electron in with vi.mock.
    server: { deps: { inline: ['electron-store', 'conf'] } },
    // The type tests (*.test-d.ts) are checked by `tsc` in `npm run typecheck`.
    typecheck: { enabled: false },
  },
});
