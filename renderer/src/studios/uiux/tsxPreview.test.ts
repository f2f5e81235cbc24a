// @vitest-environment happy-dom
/**
 * The TSX preview pipeline without a browser: the script the frame would run (React's own
 * production builds as CommonJS module bodies, the frame runtime's `require`, sucrase's
 * output) is run against happy-dom's document. The frame and its sandbox are
 * covered end to end in e2e/specs/uiux-tsx-preview.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileTsx, FRAME_MODULES, tsxFrameScript } from './tsxPreview';

/**
 * Runs the very script the frame would run, with `parent` standing in for the studio's
 * window. (In the frame it is an inline <script>; Function is the same evaluation here.)
 */
function runFrameScript(script: string, parent: { postMessage: (message: unknown, target: string) => void }): void {
  const run = new Function('parent', script) as (host: typeof parent) => void;
  run(parent);
}

/** Renders `code` into a fresh root; resolves once React has committed (or the error panel is up). */
async function preview(code: string): Promise<{ report: ReturnType<typeof vi.fn> }> {
  document.body.innerHTML = '<div id="wokgen-preview-root"></div>';
  const posted = vi.fn();
  runFrameScript(tsxFrameScript(code), { postMessage: posted });
  // React commits on a scheduler task: wait for the root to fill or an error panel to appear.
  await vi.waitFor(() => expect(document.body.querySelector('#wokgen-preview-root > *, [role="alert"]')).not.toBeNull());
  const report = vi.fn();
  for (const [message, target] of posted.mock.calls as [{ type: string; message: string }, string][]) {
    expect(message.type).toBe('wokgen-preview:error');
    expect(target).toBe('*');
    report(message.message);
  }
  return { report };
}

const errorPanel = (): string => document.body.querySelector('[role="alert"]')?.textContent ?? '';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('compileTsx', () => {
  it('strips types and compiles JSX to the automatic runtime as CommonJS', () => {
    const compiled = compileTsx('type P = { n: number };\nexport default function A({ n }: P) { return <b className="x">{n}</b>; }');
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.js).toContain('require("react/jsx-runtime")');
    expect(compiled.js).toContain('exports.default = A');
    expect(compiled.js).not.toMatch(/:\s*P\b|type P/);
  });

  it('names the problem and its position on a syntax error', () => {
    const compiled = compileTsx('export default function A() { return <div>; }');
    expect(compiled).toMatchObject({ ok: false, message: expect.stringMatching(/^The TSX could not be compiled: .*\(\d+:\d+\)/) });
  });
});

describe('the frame runtime', () => {
  it('renders the default export with hooks, React imports and Tailwind classes intact', async () => {
    const { report } = await preview(
      [
        "import React, { useState } from 'react';",
        "import type { ReactNode } from 'react';",
        'function Badge({ children }: { children: ReactNode }) { return <span className="rounded bg-violet-500">{children}</span>; }',
        'export default function Pricing(): React.JSX.Element {',
        '  const [plan] = useState<string>("Pro");',
        '  return <section className="p-6 text-2xl"><h2>{plan}</h2><Badge>new</Badge></section>;',
        '}',
      ].join('\n'),
    );
    expect(report).not.toHaveBeenCalled();
    const section = document.querySelector('#wokgen-preview-root > section');
    expect(section?.getAttribute('class')).toBe('p-6 text-2xl');
    expect(section?.textContent).toBe('Pronew');
  });

  it('renders the last exported component when there is no default export', async () => {
    await preview('export const title = "x";\nexport function Header() { return <header>H</header>; }\nexport function Hero() { return <main>Hero</main>; }');
    expect(document.querySelector('#wokgen-preview-root')?.innerHTML).toBe('<main>Hero</main>');
  });

  it('stands in for next/link, next/image and next/head with plain elements', async () => {
    await preview(
      [
        "import Link from 'next/link';",
        "import Image from 'next/image';",
        "import Head from 'next/head';",
        'export default function Page() {',
        '  return <><Head><title>Page</title></Head>',
        '    <Link href={{ pathname: "/pricing", query: { plan: "pro" } }} prefetch={false} className="underline">Pricing</Link>',
        '    <Image src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Logo" width={40} height={40} priority /></>;',
        '}',
      ].join('\n'),
    );
    const link = document.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/pricing?plan=pro');
    expect(link?.getAttribute('class')).toBe('underline');
    expect(link?.hasAttribute('prefetch')).toBe(false);
    const image = document.querySelector('img');
    expect(image?.getAttribute('alt')).toBe('Logo');
    expect(image?.getAttribute('width')).toBe('40');
    expect(image?.hasAttribute('priority')).toBe(false);
    // A preview has no routes: a click on a link does not navigate the frame away.
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it('shows an unknown import as a clear error in the frame and reports it', async () => {
    const { report } = await preview("import axios from 'axios';\nexport default function A() { return <p>{String(axios)}</p>; }");
    expect(errorPanel()).toContain('This component could not be previewed');
    expect(errorPanel()).toContain('The preview cannot load "axios"');
    expect(errorPanel()).toContain('react, react-dom, react-dom/client, react/jsx-runtime, next/link, next/image, next/head');
    expect(report).toHaveBeenCalledWith(expect.stringContaining('Error: The preview cannot load "axios"'));
  });

  it('ignores stylesheet imports (Tailwind styles the preview)', async () => {
    const { report } = await preview("import './globals.css';\nexport default function A() { return <p>ok</p>; }");
    expect(report).not.toHaveBeenCalled();
    expect(document.querySelector('#wokgen-preview-root')?.innerHTML).toBe('<p>ok</p>');
  });

  it('shows an error thrown while rendering, a compile error, and code that exports no component', async () => {
    const thrown = await preview('export default function A(): never { throw new TypeError("plans is undefined"); }');
    expect(errorPanel()).toContain('TypeError: plans is undefined');
    expect(thrown.report).toHaveBeenCalledWith('TypeError: plans is undefined');

    const syntax = await preview('export default function A() { return <div>; }');
    expect(errorPanel()).toMatch(/SyntaxError: The TSX could not be compiled/);
    expect(syntax.report).toHaveBeenCalledTimes(1);

    await preview('export const plans = ["a"];');
    expect(errorPanel()).toContain('exports no React component');
  });
});

describe('tsxFrameScript', () => {
  it('is one script: the runtime, every React module and the compiled component', () => {
    const script = tsxFrameScript('export default function A() { return <p>x</p>; }');
    expect(script).toContain('function wokgenRunTsx(');
    for (const id of Object.keys(FRAME_MODULES)) expect(script).toContain(`${JSON.stringify(id)}: function (module, exports, require) {`);
    expect(script).toContain('exports.default = A');
    expect(script).toContain("parent.postMessage({ type: 'wokgen-preview:error'");
    // It parses as a script (what the frame's inline <script> needs).
    expect(() => new Function(script)).not.toThrow();
  });
});
