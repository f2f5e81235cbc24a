import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
      // electron-store 12 is ESM-only and our main bundle is CommonJS: bundle it instead of
      // requiring it at run time. Native modules (better-sqlite3, keytar, sharp) stay external.
      externalizeDeps: { exclude: ['electron-store'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require a few Electron modules, so it must be one
      // self-contained CommonJS file (https://www.electronjs.org/docs/latest/tutorial/sandbox).
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves minification off; the renderer is the one bundle where size matters.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
});
