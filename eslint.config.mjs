// Lint enforces the layering of ../shared/ARCHITECTURE.md ("Which part may use which"), the
// way VS Code's `local/code-layering` rule does: each runtime folder may import only what its
// runtime has. `eslint-rules.test.ts` proves every ban below actually fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const MODE_IDS = ['pixel', 'business', 'uiux', 'vector', 'emoji'];
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const RAW_IPC_MAIN = { name: 'electron', importNames: ['ipcMain'], message: 'Use registerIpcHandlers (electron/main/ipc) and the shared/ipc contract; raw ipcMain is banned.' };
const RAW_IPC_RENDERER = { name: 'electron', importNames: ['ipcRenderer'], message: 'Only the preload talks to ipcRenderer; use window.wokgen through renderer/src/ipc.ts.' };
const NO_ELECTRON = { name: 'electron', message: 'electron/core and shared/ must run under plain Node: pass what you need in as a port (electron/core/ports.ts).' };
const NO_ELECTRON_SUBPATHS = { group: ['electron/*'], message: 'No Electron entry points here (electron/main, electron/renderer…): this layer runs without Electron.' };
const NO_ELECTRON_STORE = { name: 'electron-store', message: 'electron-store imports electron; use the SettingsStore interface.' };
const NO_RENDERER = { group: ['**/renderer/**'], message: 'Nothing outside renderer/ imports the renderer.' };
const NO_ELECTRON_DIRS = { group: ['**/electron/**', '!**/node_modules/**'], message: 'shared/ and renderer/ never import electron/*.' };
const NO_CORE_FROM_PRELOAD = { group: ['**/core/**'], message: 'The preload imports shared/ only.' };
const NO_REACT = { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'react-router'], message: 'UI libraries belong to renderer/.' };

/** Bans importing any other mode's folder from inside `modes/<id>` or `studios/<id>`. */
function otherModePatterns(self, folderName) {
  return MODE_IDS.filter((m) => m !== self).map((other) => ({
    group: [`../${other}`, `../${other}/**`, `**/${folderName}/${other}`, `**/${folderName}/${other}/**`],
    message: `Modes are sealed: ${folderName}/${self} may not import ${folderName}/${other}. Share through shared/ or the core's interfaces.`,
  }));
}

/**
 * Core modules outside `modes/` reach a mode only through a registry (modes/registry.ts,
 * exports/registry.ts): shared machinery (e.g. the SVG sanitiser) lives in a neutral core module.
 */
const NO_MODE_INTERNALS = {
  group: MODE_IDS.flatMap((m) => [`**/modes/${m}`, `**/modes/${m}/**`]),
  message: 'Modes are sealed: outside modes/, the core reaches a mode only through a registry (modes/registry.ts, exports/registry.ts). Move shared machinery to a neutral core module (e.g. electron/core/svg).',
};

const restrict = (paths, patterns = []) => ['error', { paths, patterns }];

// What no-restricted-imports cannot see: `electron.ipcMain` through a default/namespace
// import, and `import('electron')` at run time.
const NO_WHOLE_ELECTRON = [
  { selector: "ImportDeclaration[source.value='electron'] > ImportDefaultSpecifier", message: "Import Electron's named exports, not the whole module (it hides ipcMain/ipcRenderer from lint)." },
  { selector: "ImportDeclaration[source.value='electron'] > ImportNamespaceSpecifier", message: "Import Electron's named exports, not the whole module (it hides ipcMain/ipcRenderer from lint)." },
];
const NO_RAW_IPC_MEMBER = { selector: 'MemberExpression[property.name=/^(ipcMain|ipcRenderer)$/]', message: 'Raw ipcMain/ipcRenderer are banned outside electron/main/ipc and the preload.' };
const NO_DYNAMIC_ELECTRON = { selector: 'ImportExpression[source.value=/^electron(\\/|$)/]', message: 'No dynamic import of Electron in a layer that runs without it.' };
const syntax = (...rules) => ['error', ...rules];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'e2e/.build/**', 'electron/core/library/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': restrict([RAW_IPC_MAIN, RAW_IPC_RENDERER], [NO_RENDERER]),
      'no-restricted-syntax': syntax(...NO_WHOLE_ELECTRON, NO_RAW_IPC_MEMBER),
    },
  },
  // Main: Electron is allowed, raw IPC is not (except its one IPC module below).
  { files: ['electron/main/**'], rules: { 'no-restricted-imports': restrict([RAW_IPC_MAIN, RAW_IPC_RENDERER], [NO_RENDERER]) } },
  { files: ['electron/main/ipc/**'], rules: { 'no-restricted-imports': restrict([RAW_IPC_RENDERER], [NO_RENDERER]), 'no-restricted-syntax': syntax(...NO_WHOLE_ELECTRON) } },
  // Preload: ipcRenderer lives here and nowhere else; it sees shared/ only.
  { files: ['electron/preload/**'], rules: { 'no-restricted-imports': restrict([RAW_IPC_MAIN], [NO_RENDERER, NO_CORE_FROM_PRELOAD]), 'no-restricted-syntax': syntax(...NO_WHOLE_ELECTRON) } },
  // Core: plain Node, no Electron; mode internals only through a registry.
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': restrict([NO_ELECTRON, NO_ELECTRON_STORE], [NO_ELECTRON_SUBPATHS, NO_RENDERER, NO_REACT, NO_MODE_INTERNALS]),
      'no-restricted-syntax': syntax(...NO_WHOLE_ELECTRON, NO_RAW_IPC_MEMBER, NO_DYNAMIC_ELECTRON),
    },
  },
  // The exporters' registry is the one core module outside modes/ that knows every mode's exporters.
  { files: ['electron/core/exports/registry.ts'], rules: { 'no-restricted-imports': restrict([NO_ELECTRON, NO_ELECTRON_STORE], [NO_ELECTRON_SUBPATHS, NO_RENDERER, NO_REACT]) } },
  // Each core mode folder: sealed from the other modes.
  ...MODE_IDS.map((mode) => ({
    files: [`electron/core/modes/${mode}/**`],
    rules: {
      'no-restricted-imports': restrict([NO_ELECTRON, NO_ELECTRON_STORE], [NO_ELECTRON_SUBPATHS, NO_RENDERER, NO_REACT, ...otherModePatterns(mode, 'modes')]),
      'no-restricted-syntax': syntax(...NO_WHOLE_ELECTRON, NO_RAW_IPC_MEMBER, NO_DYNAMIC_ELECTRON),
    },
  })),
  // shared/: neither Node nor DOM nor Electron.
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(
        [NO_ELECTRON, NO_ELECTRON_STORE, ...NODE_BUILTINS.map((name) => ({ name, message: 'shared/ runs everywhere: no Node built-ins.' }))],
        [NO_ELECTRON_SUBPATHS, NO_RENDERER, NO_ELECTRON_DIRS, NO_REACT],
      ),
      'no-restricted-syntax': syntax(...NO_WHOLE_ELECTRON, NO_RAW_IPC_MEMBER, NO_DYNAMIC_ELECTRON),
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({ name, message: 'shared/ has no DOM and no Node globals.' }))],
    },
  },
  // Renderer: DOM only; talks to main through window.wokgen.
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [NO_ELECTRON, ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer is sandboxed: no Node built-ins.' }))],
        [NO_ELECTRON_SUBPATHS, NO_ELECTRON_DIRS],
      ),
      'no-restricted-syntax': syntax(...NO_WHOLE_ELECTRON, NO_RAW_IPC_MEMBER, NO_DYNAMIC_ELECTRON),
    },
  },
  ...MODE_IDS.map((mode) => ({
    files: [`renderer/src/studios/${mode}/**`],
    rules: {
      'no-restricted-imports': restrict(
        [NO_ELECTRON, ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer is sandboxed: no Node built-ins.' }))],
        [NO_ELECTRON_SUBPATHS, NO_ELECTRON_DIRS, ...otherModePatterns(mode, 'studios')],
      ),
    },
  })),
  // Tests may use vitest/Playwright globals and looser typing for fixtures.
  { files: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-d.ts', 'e2e/**'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
);
