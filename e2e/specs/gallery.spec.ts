/**
 * The gallery as a user works it: search and filters, star (key S), delete with Undo (files
 * go to the workspace trash and come back), re-run with the same seed, the job details
 * drawer with its provider attempts, reveal and drag-out — then a screenshot of each studio
 * for reviewers (test-results/…/studio-<mode>.png).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { MODE_IDS, MODES } from '../../shared/modes';
import { createWorkspace, expect, test } from './fixtures';

async function generate(page: Page, prompt: string, done: number): Promise<void> {
  const field = page.getByLabel('Prompt', { exact: true });
  await field.fill(prompt);
  await field.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Queue' }).getByText('Succeeded', { exact: true })).toHaveCount(done, { timeout: 15_000 });
}

const cards = (page: Page) => page.getByRole('list', { name: 'Assets' }).getByRole('listitem');
const card = (page: Page, name: RegExp) => cards(page).filter({ has: page.getByRole('img', { name }) });

test('search, filter, star, delete and undo, re-run, details, reveal and drag out', async ({ page, studio }, testInfo) => {
  studio.stub.latencyMs = 100;
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Bestiary');
  await generate(page, 'a red dragon', 1);
  await generate(page, 'a green oak tree', 2);
  await expect(cards(page)).toHaveCount(2);

  // Search (debounced, FTS5 in the core) narrows the grid; clearing brings everything back.
  const search = page.getByLabel('Search prompts');
  await search.fill('dragon');
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, /red dragon/)).toBeVisible();
  await search.fill('unicorn');
  await expect(page.getByRole('heading', { name: 'No assets match' })).toBeVisible();
  // The empty state's own "Clear filters" (the toolbar has one too) also empties the search box.
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(cards(page)).toHaveCount(2);
  await expect(search).toHaveValue('');

  // Facet filters: the status filter keeps both, "Cancelled" none.
  const filters = page.getByRole('search', { name: 'Filter assets' });
  await filters.getByLabel('Status').selectOption({ label: 'Succeeded' });
  await expect(cards(page)).toHaveCount(2);
  await filters.getByLabel('Status').selectOption({ label: 'Cancelled' });
  await expect(page.getByRole('heading', { name: 'No assets match' })).toBeVisible();
  await filters.getByLabel('Status').selectOption({ label: 'Any status' });
  await expect(cards(page)).toHaveCount(2);
  // The tool menu offers what this workspace's assets were made with (one tool here).
  await expect(filters.getByLabel('Tool').locator('option')).toHaveCount(2);
  await filters.getByLabel('Tool').selectOption({ index: 1 });
  await expect(cards(page)).toHaveCount(2);
  await filters.getByLabel('Tool').selectOption({ label: 'All tools' });

  // Star with the keyboard, then "Starred only".
  const dragon = card(page, /red dragon/);
  await dragon.getByRole('button', { name: /red dragon/ }).focus();
  await page.keyboard.press('s');
  await expect(dragon.getByText('Starred')).toBeVisible();
  await expect(dragon.getByRole('button', { name: 'Unstar' })).toHaveAttribute('aria-pressed', 'true');
  await filters.getByRole('button', { name: 'Starred only' }).click();
  await expect(cards(page)).toHaveCount(1);
  await filters.getByRole('button', { name: 'Starred only' }).click();
  await expect(cards(page)).toHaveCount(2);

  // The viewer stars with S too.
  await card(page, /oak tree/).getByRole('button', { name: /oak tree/ }).click();
  const viewer = page.getByRole('dialog', { name: 'Asset viewer' });
  await viewer.getByRole('button', { name: 'Star', exact: true }).focus();
  await page.keyboard.press('s');
  await expect(viewer.getByRole('button', { name: 'Unstar', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('s');
  await expect(viewer.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // Delete from the card's menu: the files move to the workspace trash; Undo brings them back.
  const folder = join(studio.homeDir, 'WokGen', 'pixel', 'Bestiary');
  const tree = card(page, /oak tree/);
  await tree.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(cards(page)).toHaveCount(1);
  const trash = join(folder, '.wokgen', 'trash');
  expect(readdirSync(trash)).toHaveLength(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cards(page)).toHaveCount(2);
  await expect(card(page, /oak tree/)).toBeVisible();
  await expect.poll(() => existsSync(trash) && readdirSync(trash).length).toBe(0);

  // Reveal and drag out go to main with the asset's own file inside the workspace.
  await dragon.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Reveal in file manager' }).click();
  await expect.poll(() => studio.shell.revealed.length).toBe(1);
  expect(studio.shell.revealed[0]).toMatch(/Bestiary[\\/]assets[\\/].+\.png$/);
  await dragon.getByRole('button', { name: /red dragon/ }).dispatchEvent('dragstart');
  await expect.poll(() => studio.drag.started.length).toBe(1);
  expect(studio.drag.started[0]!.file).toBe(studio.shell.revealed[0]);
  expect(studio.drag.started[0]!.icon).toMatch(/\.webp$/);

  // Re-run: a new job with the same seed as the dragon's.
  const queue = page.getByRole('region', { name: 'Queue' });
  const dragonRow = queue.getByRole('listitem').filter({ hasText: 'a red dragon' });
  const seed = (await dragonRow.getByText(/^seed \d+$/).textContent())!;
  await dragon.getByRole('button', { name: /red dragon/ }).focus();
  await page.keyboard.press('r');
  await expect(queue.getByText('Succeeded', { exact: true })).toHaveCount(3, { timeout: 15_000 });
  await expect(queue.getByRole('listitem').filter({ hasText: 'a red dragon' }).getByText(seed, { exact: true })).toHaveCount(2);
  await expect(cards(page)).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('gallery-pixel.png') });

  // Details drawer: the job as recorded, with its provider attempts.
  await dragonRow.first().getByRole('button', { name: 'Details' }).click();
  const drawer = page.getByRole('dialog', { name: 'Job details' });
  await expect(drawer.getByRole('heading', { name: 'Provider attempts' })).toBeVisible();
  await expect(drawer.getByRole('table')).toContainText('comfyui');
  await expect(drawer.getByRole('table')).toContainText('OK');
  await expect(drawer.getByLabel('Prompt', { exact: true })).toContainText('red dragon');
  await page.screenshot({ path: testInfo.outputPath('job-details.png') });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});

test('multi-select with Ctrl-click and Ctrl+A, then delete the selection and undo', async ({ page, studio }) => {
  studio.stub.latencyMs = 100;
  await page.goto(`${studio.url}emoji/studio`);
  await createWorkspace(page, 'Emoji', 'Faces');
  await generate(page, 'a laughing cat', 1);
  await generate(page, 'a sleepy dog', 2);
  await generate(page, 'a surprised owl', 3);
  await expect(cards(page)).toHaveCount(3);

  await card(page, /laughing cat/).getByRole('button', { name: /laughing cat/ }).click({ modifiers: ['ControlOrMeta'] });
  await card(page, /sleepy dog/).getByRole('button', { name: /sleepy dog/ }).click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Delete' }).click();
  await expect(cards(page)).toHaveCount(1);
  await expect(bar).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cards(page)).toHaveCount(3);

  await card(page, /surprised owl/).getByRole('button', { name: /surprised owl/ }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(bar).toContainText('3 selected');
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
});

test('a screenshot of each studio for reviewers', async ({ page, studio }, testInfo) => {
  studio.stub.latencyMs = 50;
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const mode of MODE_IDS) {
    await page.goto(`${studio.url}${mode}/studio`);
    await createWorkspace(page, MODES[mode].name, `${mode} shots`);
    await page.screenshot({ path: testInfo.outputPath(`studio-${mode}.png`) });
  }
});
