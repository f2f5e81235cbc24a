/**
 * Every studio as a user meets it: create a workspace, generate through the harness's stub
 * provider, watch the job in the queue, see the result in the studio's own live view — and,
 * for UI/UX, proof that generated code runs sandboxed. A screenshot of each studio is saved
 * in the test's output folder (test-results/…/<mode>-studio.png) for review.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page, TestInfo } from '@playwright/test';
import type { ProviderRequest } from '../../electron/core/providers/provider';
import { createWorkspace, expect, test } from './fixtures';
import { startLoopbackSink, type LoopbackSink } from './loopback-sink';

async function generateFromExample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use example' }).click();
  await expect(page.getByLabel('Prompt', { exact: true })).not.toHaveValue('');
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByText('Succeeded').first()).toBeVisible({ timeout: 20_000 });
}

async function screenshot(page: Page, testInfo: TestInfo, mode: string): Promise<void> {
  const path = testInfo.outputPath(`${mode}-studio.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${mode} studio`, { path, contentType: 'image/png' });
}

test('pixel studio: generate, lock the seed used, then inpaint with a painted mask', async ({ page, studio }, testInfo) => {
  const requests: ProviderRequest[] = [];
  studio.stub.requests = requests;
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Sprites');
  await generateFromExample(page);
  await expect(page.getByRole('list', { name: 'Assets' }).getByRole('img').first()).toBeVisible();

  // The seed the run used is shown and can be locked from there.
  const used = await page.getByRole('status', { name: 'Seed used by the last run' }).textContent();
  expect(used).toMatch(/^\d+$/);
  await page.getByRole('button', { name: 'Lock this seed' }).click();
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue(used ?? '');
  await expect(page.getByLabel('Lock')).toBeChecked();

  // Inpaint: pick the sprite from the gallery, paint the mask, generate.
  await page.getByRole('tab', { name: 'Inpaint' }).click();
  await page.getByRole('button', { name: 'Choose from gallery' }).click();
  await page.getByRole('dialog', { name: 'Choose an image' }).getByRole('button').filter({ has: page.getByRole('img') }).first().click();
  await expect(page.getByRole('img', { name: 'Input image' })).toBeVisible();
  const mask = page.getByRole('application', { name: 'Mask: paint the area to repaint' });
  const box = await mask.boundingBox();
  if (box === null) throw new Error('the mask canvas has no box');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Clear' })).toBeEnabled();
  // The keyboard does what the pointer does: Delete clears, Space held while an arrow moves the
  // brush cursor paints one stroke, and each Ctrl+Z takes back one step (the mouse stroke stays).
  const clearButton = page.getByRole('button', { name: 'Clear' });
  const cursor = page.getByRole('status', { name: 'Brush cursor' });
  await mask.focus();
  await page.keyboard.press('Delete');
  await expect(clearButton).toBeDisabled();
  const before = await cursor.textContent();
  await page.keyboard.down('Space');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.up('Space');
  await expect(cursor).not.toHaveText(before ?? '');
  await expect(clearButton).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(clearButton).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(clearButton).toBeEnabled();
  await screenshot(page, testInfo, 'pixel');
  // The first inpaint run fails at the provider, so the queue offers Retry.
  studio.stub.failWith = 'invalid_request';
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByText('Failed', { exact: true })).toBeVisible({ timeout: 20_000 });
  const request = requests.at(-1);
  expect(request?.mask?.mime).toBe('image/png');
  expect(request?.inputImage?.mime).toBe('image/png');
  const painted = Buffer.from(request!.mask!.bytes);

  // A reload drops the renderer's in-memory requests (as a restart would): Retry still sends the
  // painted mask, which main kept in the workspace folder (.wokgen/masks/<jobId>.png).
  studio.stub.failWith = null;
  await page.reload();
  await queue.getByRole('listitem').filter({ hasText: 'Failed' }).getByRole('button', { name: 'Retry' }).click();
  await expect(queue.getByText('Succeeded', { exact: true })).toHaveCount(2, { timeout: 20_000 });
  const retried = requests.at(-1);
  expect(retried?.mask !== undefined && Buffer.from(retried.mask.bytes).equals(painted)).toBe(true);
  expect(retried?.inputImage?.mime).toBe('image/png');

  // Re-run of the inpainted sprite from the gallery (the newest card) keeps the mask too.
  await page.getByRole('list', { name: 'Assets' }).getByRole('listitem').first().getByRole('button').first().focus();
  await page.keyboard.press('r');
  await expect(queue.getByText('Succeeded', { exact: true })).toHaveCount(3, { timeout: 20_000 });
  const rerun = requests.at(-1);
  expect(rerun?.mask !== undefined && Buffer.from(rerun.mask.bytes).equals(painted)).toBe(true);
});

test('pixel studio: an image from disk is imported by main — through the open dialog or dropped on the picker', async ({ page, studio }) => {
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Imports');
  await page.getByRole('tab', { name: 'Rotate' }).click();

  const file = join(studio.homeDir, 'knight.png');
  writeFileSync(file, await sharp({ create: { width: 32, height: 32, channels: 4, background: '#22aa88' } }).png().toBuffer());
  studio.dialogs.answerNext(file);
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.getByRole('img', { name: 'Input image' })).toBeVisible();

  // A dropped file that is not an image is refused by main with a clear message.
  await page.locator('.image-drop').evaluate((zone) => {
    const data = new DataTransfer();
    data.items.add(new File(['<svg onload="alert(1)"/>'], 'evil.png', { type: 'image/png' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText('The file is not a PNG, JPEG, WebP or GIF image.')).toBeVisible();
});

test('business studio: progress while it runs, then the result in the gallery', async ({ page, studio }, testInfo) => {
  // Slow enough to watch: the queue shows the job's progress before it succeeds.
  studio.stub.latencyMs = 2_000;
  await page.goto(`${studio.url}business/studio`);
  await createWorkspace(page, 'Business', 'Brand');
  await page.getByRole('button', { name: /^Use example/ }).click();
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect.poll(async () => Number(await queue.getByRole('progressbar', { name: 'Progress' }).first().getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(queue.getByText('Succeeded').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Assets' }).getByRole('img').first()).toBeVisible();
  await screenshot(page, testInfo, 'business');
});

test('vector studio: the SVG is shown over a grid at icon sizes', async ({ page, studio }, testInfo) => {
  await page.goto(`${studio.url}vector/studio`);
  await createWorkspace(page, 'Vector', 'Icons');
  await generateFromExample(page);
  const sizes = page.getByRole('list', { name: 'SVG at icon sizes' });
  await expect(sizes.getByRole('img')).toHaveCount(6);
  await expect.poll(() => sizes.getByRole('img', { name: '128 px' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await screenshot(page, testInfo, 'vector');
});

test('emoji studio: the result at chat sizes on light and dark', async ({ page, studio }, testInfo) => {
  await page.goto(`${studio.url}emoji/studio`);
  await createWorkspace(page, 'Emoji', 'Faces');
  await page.getByLabel('Prompt', { exact: true }).fill('a laughing cat');
  // Only providers that can make images are offered; the automatic chain is named.
  const provider = page.getByLabel('Provider', { exact: true });
  await expect(provider.locator('option')).toHaveText(['Automatic', /ComfyUI/]);
  // HD: the per-mode cost, then where it runs from the resolved chain.
  await expect(page.getByText('1 credit per image on a WokGen account, or free on your own HD-capable key.')).toBeVisible();
  await page.getByLabel('HD', { exact: true }).check();
  await expect(page.getByText(/^Runs on ComfyUI.*no credits\.$/)).toBeVisible();
  await page.getByLabel('HD', { exact: true }).uncheck();
  await generateFromExample(page);
  await expect(page.getByRole('list', { name: 'Emoji sizes on light' }).getByRole('img')).toHaveCount(7);
  await expect(page.getByRole('list', { name: 'Emoji sizes on dark' }).getByRole('img')).toHaveCount(7);
  await expect.poll(() => page.getByRole('img', { name: '128 px on dark' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await screenshot(page, testInfo, 'emoji');
});

test.describe('UI/UX studio', () => {
  // A loopback server the generated code tries to reach: it must never be asked anything.
  let sink: LoopbackSink;
  test.beforeEach(async () => {
    sink = await startLoopbackSink();
  });
  test.afterEach(async () => {
    await sink.close();
  });

  test('generated code is previewed live with bundled Tailwind, and cannot reach the studio or the network', async ({ page, studio }, testInfo) => {
    studio.stub.codeAnswer = [
      '```html',
      '<section class="p-6 font-bold text-violet-600">',
      '  <h2 class="text-2xl">Sandboxed card</h2>',
      '  <p id="probe">waiting</p>',
      '  <img id="beacon" src="' + sink.url + '.png" alt="">',
      '</section>',
      '<script>',
      '  var results = [];',
      '  try { results.push("parent:" + parent.document.title); } catch (e) { results.push("parent:blocked"); }',
      '  try { results.push("storage:" + localStorage.length); } catch (e) { results.push("storage:blocked"); }',
      '  fetch("' + sink.url + '").then(function () { results.push("fetch:reached"); }, function () { results.push("fetch:blocked"); })',
      '    .finally(function () { document.getElementById("probe").textContent = results.join(" "); });',
      '</script>',
      '```',
    ].join('\n');
    await page.goto(`${studio.url}uiux/studio`);
    await createWorkspace(page, 'UI/UX', 'Landing');
    await page.getByLabel('Prompt', { exact: true }).fill('a pricing card');
    // Code goes to text providers only: the image stub is not offered here.
    await expect(page.getByLabel('Provider', { exact: true }).locator('option')).toHaveText(['Automatic', /Local LLM/]);
    await generateFromExample(page);

    const preview = page.getByRole('region', { name: 'Live preview' });
    await expect(preview).toBeVisible();
    const frame = page.frameLocator('iframe[title^="Preview of"]');
    // The script ran (it wrote its results) and every escape failed.
    await expect(frame.locator('#probe')).toHaveText('parent:blocked storage:blocked fetch:blocked', { timeout: 10_000 });
    // Tailwind came from the app itself: the utility classes are styled with no network.
    await expect.poll(() => frame.locator('h2').evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
    await expect(frame.locator('section')).toHaveCSS('font-weight', '700');
    expect(sink.hits()).toBe(0);

    // The frame is sandboxed without allow-same-origin and has its own strict policy.
    const iframe = page.locator('iframe[title^="Preview of"]');
    await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
    const policy = await page.evaluate(async () => (await fetch('/preview-frame.html')).headers.get('content-security-policy'));
    expect(policy).toContain("default-src 'none'");
    // …and is sandboxed by that header too, so it stays sandboxed even without the attribute.
    expect(policy).toContain('sandbox allow-scripts');

    // Responsive widths.
    await page.getByRole('radio', { name: '375px' }).click();
    await expect(iframe).toHaveCSS('width', '375px');

    // The code, highlighted and copyable.
    const code = page.getByRole('region', { name: 'Generated code' });
    await expect(code.locator('.hljs')).toBeVisible();
    await expect(code).toContainText('Sandboxed card');
    await screenshot(page, testInfo, 'uiux');

    // The asset viewer shows the code asset the same way: preview and code.
    await page.getByRole('list', { name: 'Assets' }).getByRole('button').first().click();
    const viewer = page.getByRole('dialog', { name: 'Asset viewer' });
    await expect(viewer.getByRole('region', { name: 'Live preview' })).toBeVisible();
    await expect(viewer.getByRole('region', { name: 'Generated code' })).toContainText('Sandboxed card');
    await expect(page.frameLocator('dialog iframe[title^="Preview of"]').locator('#probe')).toHaveText('parent:blocked storage:blocked fetch:blocked', { timeout: 10_000 });
    await page.screenshot({ path: testInfo.outputPath('uiux-viewer.png') });
  });
});
