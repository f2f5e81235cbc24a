import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: ['node_modules/**', 'out/**', 'e2e/**'],
    // Native modules (better-sqlite3, keytar) are happiest in forked processes.
    pool: 'forks',
    // electron-store (ESM) imports `electron`; inlining it lets a test stand Electron in with vi.mock.
    server: { deps: { inline: ['electron-store', 'conf'] } },
    // The type tests (*.test-d.ts) are checked by `tsc` in `npm run typecheck`.
    typecheck: { enabled: false },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          // Tests live beside the code; end-to-end specs belong to Playwright, not vitest.
          // Renderer *.test.ts are store/pure-function tests: no DOM needed, so Node (fast).
          include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint-rules.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          // Component tests (React Testing Library) only: a DOM environment costs start-up
          // time, so only *.test.tsx pay it. happy-dom starts several times faster than jsdom.
          include: ['renderer/src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['renderer/src/testing/setup-dom.ts'],
        },
      },
    ],
  },
});
