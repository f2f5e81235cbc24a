/**
 * Proves the layering bans in eslint.config.mjs fire (and do not fire where allowed).
 * A lint rule nobody tested is a comment; this makes it a guarantee.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: __dirname });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('lint layering', () => {
  const cases: Array<[string, string, string, RegExp | null]> = [
    ['core may not import electron', 'electron/core/library/x.ts', "import { app } from 'electron';\nexport const a = app;", /plain Node/],
    ['core may not import electron-store', 'electron/core/settings/x.ts', "import Store from 'electron-store';\nexport const s = Store;", /SettingsStore/],
    ['main may not use raw ipcMain', 'electron/main/window-x.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;", /raw ipcMain is banned/],
    ['main/ipc may use ipcMain', 'electron/main/ipc/x.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;", null],
    ['renderer may not use ipcRenderer', 'renderer/src/app/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", /.+/],
    ['preload may use ipcRenderer', 'electron/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", null],
    ['preload may not use ipcMain', 'electron/preload/x.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;", /raw ipcMain/],
    ['e2e may not use raw ipcMain', 'e2e/x.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;", /raw ipcMain/],
    ['a core mode may not import another mode', 'electron/core/modes/pixel/prompt.ts', "import { x } from '../business/prompt';\nexport const y = x;", /sealed/],
    ['a core mode may not import another mode by a long path', 'electron/core/modes/emoji/a.ts', "import { x } from '../../modes/vector/b';\nexport const y = x;", /sealed/],
    ['the core outside modes/ may not import a mode\'s internals', 'electron/core/exports/wokpack/x.ts', "import { x } from '../../modes/vector/svg-sanitize';\nexport const y = x;", /through a registry/],
    ['the core outside modes/ may not import a mode folder', 'electron/core/pipeline/x.ts', "import { x } from '../modes/pixel';\nexport const y = x;", /through a registry/],
    ['the core may import the mode registry and engine interface', 'electron/core/pipeline/x.ts', "import { x } from '../modes/registry';\nimport { e } from '../modes/engine';\nexport const y = [x, e];", null],
    ['the exporters\' registry may import every mode\'s exporters', 'electron/core/exports/registry.ts', "import { x } from '../modes/vector/exports';\nexport const y = x;", null],
    ['the core may import the neutral SVG module', 'electron/core/exports/wokpack/x.ts', "import { x } from '../../svg/sanitize';\nexport const y = x;", null],
    ['a core mode may import its own files', 'electron/core/modes/pixel/prompt.ts', "import { x } from './presets';\nexport const y = x;", null],
    ['a studio may not import another studio', 'renderer/src/studios/uiux/Form.tsx', "import { x } from '../pixel/Form';\nexport const y = x;", /sealed/],
    ['shared may not import Node built-ins', 'shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /no Node built-ins/],
    ['shared may not use DOM globals', 'shared/x.ts', 'export const w = window.location;', /no DOM/],
    ['shared may not import electron/*', 'shared/x.ts', "import { x } from '../electron/core/services';\nexport const y = x;", /never import electron/],
    ['renderer may not import the core', 'renderer/src/stores/x.ts', "import { x } from '../../../electron/core/services';\nexport const y = x;", /never import electron/],
    ['renderer may not import Node built-ins', 'renderer/src/stores/x.ts', "import path from 'path';\nexport const p = path;", /sandboxed/],
    ['main may not reach ipcMain through a default import', 'electron/main/x.ts', "import electron from 'electron';\nexport const h = electron.ipcMain.handle;", /whole module|Raw ipcMain/],
    ['main may not reach ipcMain through a namespace import', 'electron/main/x.ts', "import * as e from 'electron';\nexport const h = e.ipcMain;", /whole module|Raw ipcMain/],
    ['the core may not import an electron entry point', 'electron/core/x.ts', "import { app } from 'electron/main';\nexport const a = app;", /without Electron/],
    ['the core may not import electron at run time', 'electron/core/x.ts', "export const load = () => import('electron');", /dynamic import/],
    ['the renderer may not reach ipcRenderer through any object', 'renderer/src/stores/x.ts', 'declare const w: { ipcRenderer: unknown };\nexport const i = w.ipcRenderer;', /Raw ipcMain\/ipcRenderer/],
    ['main may use named Electron imports', 'electron/main/x.ts', "import { app, BrowserWindow } from 'electron';\nexport const a = [app, BrowserWindow];", null],
    ['the core may not import the renderer', 'electron/core/x.ts', "import { x } from '../../renderer/src/ipc';\nexport const y = x;", /renderer/],
  ];

  for (const [title, file, code, expected] of cases) {
    it(title, async () => {
      const errors = await restrictedImportErrors(file, code);
      if (expected === null) expect(errors).toEqual([]);
      else expect(errors.join('\n')).toMatch(expected);
    });
  }
});
