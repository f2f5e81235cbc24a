import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browser on these machines; Debian's Chromium works.
// WOKGEN_CHROMIUM_PATH overrides; where neither exists, Playwright's bundled browser is used.
const chromiumPath = process.env['WOKGEN_CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './specs',
  globalSetup: './global-setup.ts',
  // Each spec gets its own harness and temp folders, so specs can run side by side.
  fullyParallel: true,
  // Two cores on CI: two workers keep the machine responsive.
  workers: 2,
  // A retry hides flakiness we would rather see; CI gets one to survive a slow machine.
  retries: process.env['CI'] ? 1 : 0,
  // Never leave a test.only behind on CI.
  forbidOnly: Boolean(process.env['CI']),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // `list` prints each test, including skipped ones with their reason.
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    // Traces of failures are kept for debugging (`npx playwright show-trace`).
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      // Chromium refuses its sandbox as root (CI containers) so only then --no-sandbox; the rest
      // keep Chromium off the network, which these machines do not have anyway.
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'studio-in-chromium', testIgnore: /electron-smoke/ },
    { name: 'electron-app', testMatch: /electron-smoke/ },
  ],
});
