/**
 * React/Next TSX in the preview frame: compile the generated component to CommonJS here
 * (sucrase: a string → string transform that never runs the code), then send the frame one
 * inline script holding React's production builds, the frame runtime (tsxFrameRuntime.js:
 * a tiny `require` and the render) and the compiled component. Only the frame executes it,
 * under the same sandbox and CSP as HTML previews: no eval, no network, nothing fetched.
 *
 * This module is loaded lazily (SandboxedPreview imports it on demand), so sucrase and the
 * React sources (~0.7 MB of text) stay out of the studio's initial bundle.
 */
import { transform } from 'sucrase';
import runtime from './tsxFrameRuntime.js?raw';
// React 19 ships no UMD/IIFE build; its CommonJS production builds run under the frame's
// `require`. Their package "exports" hide the cjs/ files, hence the paths into node_modules.
import react from '../../../../node_modules/react/cjs/react.production.js?raw';
import reactJsxRuntime from '../../../../node_modules/react/cjs/react-jsx-runtime.production.js?raw';
import reactDom from '../../../../node_modules/react-dom/cjs/react-dom.production.js?raw';
import reactDomClient from '../../../../node_modules/react-dom/cjs/react-dom-client.production.js?raw';
import scheduler from '../../../../node_modules/scheduler/cjs/scheduler.production.js?raw';

/** The CommonJS module bodies the frame's `require` serves, by id. */
export const FRAME_MODULES: Readonly<Record<string, string>> = {
  react,
  'react/jsx-runtime': reactJsxRuntime,
  'react-dom': reactDom,
  'react-dom/client': reactDomClient,
  scheduler,
};

export const FRAME_RUNTIME: string = runtime;

export type CompiledTsx = { ok: true; js: string } | { ok: false; message: string };

/**
 * TSX → CommonJS with the automatic JSX runtime (generated components rarely import React
 * itself). https://github.com/alangpierce/sucrase#transforms
 */
export function compileTsx(code: string): CompiledTsx {
  try {
    const { code: js } = transform(code, { transforms: ['typescript', 'jsx', 'imports'], jsxRuntime: 'automatic', production: true, filePath: 'Component.tsx' });
    return { ok: true, js };
  } catch (error) {
    return { ok: false, message: `The TSX could not be compiled: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A CommonJS module body wrapped the way Node wraps one. The newline ends a trailing line comment. */
function moduleFunction(body: string): string {
  return `function (module, exports, require) {\n${body}\n}`;
}

/**
 * The script the frame runs for a TSX document: a compile error becomes a module that
 * throws it, so the frame shows the message the same way as any runtime error.
 */
export function tsxFrameScript(code: string): string {
  const compiled = compileTsx(code);
  const user = compiled.ok ? compiled.js : `throw new SyntaxError(${JSON.stringify(compiled.message)});`;
  const modules = Object.entries(FRAME_MODULES)
    .map(([id, body]) => `${JSON.stringify(id)}: ${moduleFunction(body)}`)
    .join(',\n');
  const report = "function (message) { parent.postMessage({ type: 'wokgen-preview:error', message: message }, '*'); }";
  return `(function () {\n${FRAME_RUNTIME}\nwokgenRunTsx({\n${modules}\n}, ${moduleFunction(user)}, { document: document, report: ${report} });\n})();\n`;
}
