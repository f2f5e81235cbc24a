/**
 * React/Next TSX previewed live: the generated component is compiled and rendered with React
 * inside the same sandboxed preview frame as HTML (allow-scripts only, its own no-network
 * CSP), styled by the bundled Tailwind — and it can reach neither the studio nor the network.
 */
import type { Page } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';
import { startLoopbackSink, type LoopbackSink } from './loopback-sink';

/** Generates one component with the given framework through the harness's local-LLM stub. */
async function generateTsx(page: Page, framework: 'React (TSX)' | 'Next.js (TSX)'): Promise<void> {
  await page.getByRole('button', { name: 'Use example' }).click();
  await page.getByLabel('Framework').selectOption({ label: framework });
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Queue' }).getByText('Succeeded').first()).toBeVisible({ timeout: 20_000 });
}

test.describe('UI/UX studio: TSX preview', () => {
  // A loopback server the generated code tries to reach: it must never be asked anything.
  let sink: LoopbackSink;
  test.beforeEach(async () => {
    sink = await startLoopbackSink();
  });
  test.afterEach(async () => {
    await sink.close();
  });

  test('a React component renders in the sandbox with Tailwind, and cannot reach the studio or the network', async ({ page, studio }, testInfo) => {
    studio.stub.codeAnswer = [
      'Here is the component:',
      '```tsx',
      "import { useEffect, useState } from 'react';",
      "import Link from 'next/link';",
      "import Image from 'next/image';",
      '',
      'type Props = { plan?: string };',
      '',
      'export default function PricingCard({ plan = "Pro" }: Props) {',
      '  const [results, setResults] = useState<string>("waiting");',
      '  useEffect(() => {',
      '    const out: string[] = [];',
      '    try { out.push("parent:" + parent.document.title); } catch { out.push("parent:blocked"); }',
      '    try { out.push("storage:" + localStorage.length); } catch { out.push("storage:blocked"); }',
      `    fetch("${sink.url}").then(() => { out.push("fetch:reached"); }, () => { out.push("fetch:blocked"); })`,
      '      .finally(() => setResults(out.join(" ")));',
      '  }, []);',
      '  return (',
      '    <section className="p-6 font-bold text-violet-600">',
      '      <h2 className="text-2xl">{plan} plan</h2>',
      '      <p id="probe">{results}</p>',
      '      <Link href="/pricing" className="underline">Compare plans</Link>',
      `      <Image id="beacon" src="${sink.url}.png" alt="" width={8} height={8} />`,
      '    </section>',
      '  );',
      '}',
      '```',
    ].join('\n');
    await page.goto(`${studio.url}uiux/studio`);
    await createWorkspace(page, 'UI/UX', 'Components');
    await generateTsx(page, 'React (TSX)');

    await expect(page.getByRole('region', { name: 'Live preview' })).toBeVisible();
    const frame = page.frameLocator('iframe[title^="Preview of"]');
    // React rendered the default export; its effect ran, and every escape failed.
    await expect(frame.locator('h2')).toHaveText('Pro plan', { timeout: 15_000 });
    await expect(frame.locator('#probe')).toHaveText('parent:blocked storage:blocked fetch:blocked', { timeout: 10_000 });
    // Tailwind (bundled, never fetched) styled the classes React rendered.
    await expect.poll(() => frame.locator('h2').evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
    await expect(frame.locator('section')).toHaveCSS('font-weight', '700');
    // next/link and next/image became plain elements (the remote image stays blocked).
    await expect(frame.locator('img#beacon')).toHaveAttribute('src', `${sink.url}.png`);
    await expect(frame.getByRole('link', { name: 'Compare plans' })).toHaveAttribute('href', '/pricing');
    expect(sink.hits()).toBe(0);

    // The same frame as HTML previews: allow-scripts only, served with its own no-network policy.
    const iframe = page.locator('iframe[title^="Preview of"]');
    await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
    const policy = await page.evaluate(async () => (await fetch('/preview-frame.html')).headers.get('content-security-policy'));
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    await expect(page.locator('.sandbox-error')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Generated code' })).toContainText('PricingCard');
    const path = testInfo.outputPath('uiux-tsx-studio.png');
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach('uiux TSX studio', { path, contentType: 'image/png' });
  });

  test('an import the preview cannot offer is a clear error in the frame and in the studio', async ({ page, studio }) => {
    studio.stub.codeAnswer = [
      '```tsx',
      "import Image from 'next/image';",
      "import { motion } from 'framer-motion';",
      '',
      'export default function Hero() {',
      '  return <motion.div className="p-4"><Image src="/hero.png" alt="" width={10} height={10} /></motion.div>;',
      '}',
      '```',
    ].join('\n');
    await page.goto(`${studio.url}uiux/studio`);
    await createWorkspace(page, 'UI/UX', 'Pages');
    await generateTsx(page, 'Next.js (TSX)');

    const frame = page.frameLocator('iframe[title^="Preview of"]');
    const panel = frame.getByRole('alert');
    await expect(panel).toContainText('This component could not be previewed', { timeout: 15_000 });
    await expect(panel).toContainText('The preview cannot load "framer-motion"');
    await expect(page.locator('.sandbox-error')).toContainText('The preview cannot load "framer-motion"');
  });
});
