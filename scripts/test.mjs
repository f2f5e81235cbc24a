#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest — types, lint, unit and
// integration (vitest), build, end-to-end (Playwright). Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const isLinux = process.platform === 'linux';
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * keytar talks to the Secret Service over D-Bus on Linux. Where the machine has
 * dbus-run-session and gnome-keyring but no session bus (CI, SSH), run the unit tests in a
 * private session with an unlocked keyring so the real-keychain tests run instead of skipping.
 */
function vitestCommand() {
  const vitest = 'npx vitest run';
  if (isLinux && !process.env.DBUS_SESSION_BUS_ADDRESS && has('dbus-run-session') && has('gnome-keyring-daemon')) {
    return `dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec ${vitest}'`;
  }
  return vitest;
}

/**
 * Playwright's Chromium runs headless, but the Electron smoke test opens a real window: give it
 * a virtual display on Linux machines that have none (CI), when xvfb-run is installed.
 */
function playwrightCommand() {
  const playwright = 'npx playwright test -c e2e/playwright.config.ts';
  return isLinux && !process.env.DISPLAY && has('xvfb-run') ? `xvfb-run -a ${playwright}` : playwright;
}

const steps = [
  ['typecheck', 'npx tsc -p tsconfig.node.json && npx tsc -p tsconfig.web.json'],
  ['lint', 'npx eslint --max-warnings=0 .'],
  ['unit + integration (vitest)', vitestCommand()],
  ['build (electron-vite)', 'npx electron-vite build'],
  ['end-to-end (Playwright)', playwrightCommand()],
];

const only = process.argv.slice(2);
const started = Date.now();
let passed = 0;
for (const [name, command] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n▶ ${name}\n  $ ${command}`);
  const t0 = Date.now();
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.log(`\n✖ ${name} failed after ${seconds}s (exit ${result.status ?? result.signal}).`);
    console.log(`test steps: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed += 1;
  console.log(`✔ ${name} (${seconds}s)`);
}
if (!existsSync('out/renderer/index.html') && only.length === 0) console.log('warning: no renderer build found');
console.log(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
