/**
 * Exports through the UI: a pixel workspace exported as 8× PNGs into its exports folder
 * (Reveal in folder goes to main with that file), then as a `.wokpack` through the (scripted)
 * save dialog, and that pack imported into a business workspace — refused until the user
 * confirms the cross-mode import, then shown in the gallery.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { createWorkspace, expect, test } from './fixtures';

async function generate(page: Page, prompt: string): Promise<void> {
  const field = page.getByLabel('Prompt', { exact: true });
  await field.fill(prompt);
  await field.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Queue' }).getByText('Succeeded', { exact: true })).toHaveCount(1, { timeout: 15_000 });
}

const cards = (page: Page) => page.getByRole('list', { name: 'Assets' }).getByRole('listitem');

test('export a workspace as PNG and .wokpack, import the pack into another mode', async ({ page, studio }) => {
  studio.stub.latencyMs = 100;
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Sprites');
  await generate(page, 'a red dragon');
  const assetCount = await cards(page).count();
  expect(assetCount).toBeGreaterThan(0);
  const exportsDir = join(studio.homeDir, 'WokGen', 'pixel', 'Sprites', 'exports');

  // PNG at 8× into the workspace's exports folder.
  await page.keyboard.press('Control+Shift+E');
  let dialog = page.getByRole('dialog', { name: 'Export from Sprites' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Format').selectOption({ label: 'PNG' });
  // A multi option never goes empty: pick 8× first, then drop 1×.
  await dialog.getByLabel('8×').check();
  await dialog.getByLabel('1×').uncheck();
  await dialog.getByRole('radio', { name: 'Workspace exports folder' }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Exported ${assetCount} asset${assetCount === 1 ? '' : 's'} as PNG`)).toBeVisible();
  const [png] = readdirSync(exportsDir);
  expect(png).toMatch(/^sprites-png-.*\.(png|zip)$/);
  if (png?.endsWith('.png')) {
    const meta = await sharp(join(exportsDir, png)).metadata();
    expect(meta.width).toBeGreaterThanOrEqual(8 * 16);
  }
  await page.getByRole('button', { name: 'Reveal in folder' }).click();
  // The reveal goes through IPC after the click resolves: polled, not read once.
  await expect.poll(() => studio.shell.revealed).toContain(join(exportsDir, png ?? ''));

  // .wokpack through the save dialog (the scripted dialog accepts the proposed path).
  await page.getByRole('button', { name: 'Export…' }).click();
  dialog = page.getByRole('dialog', { name: 'Export from Sprites' });
  await dialog.getByLabel('Format').selectOption({ label: 'WokGen pack (.wokpack)' });
  // The dialog remembered "Workspace exports folder" from the last export; this one asks.
  await expect(dialog.getByRole('radio', { name: 'Workspace exports folder' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Choose a file…' }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(studio.dialogs.saveAsked.at(-1)?.defaultPath).toMatch(/sprites-wokpack-.*\.wokpack$/);
  const pack = readdirSync(exportsDir).find((name) => name.endsWith('.wokpack'));
  expect(pack).toBeDefined();

  // Import into a business workspace: cross-mode needs the explicit tick.
  await page.goto(`${studio.url}business/studio`);
  await createWorkspace(page, 'Business', 'Brand');
  studio.dialogs.answerNext(join(exportsDir, pack ?? ''));
  await page.getByRole('button', { name: 'Import .wokpack…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Import WokGen pack' });
  await expect(confirm.getByText(`${assetCount} Pixel`)).toBeVisible();
  const importButton = confirm.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await confirm.getByLabel(/Import assets from another mode/).check();
  await importButton.click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Pack imported')).toBeVisible();
  await expect(cards(page)).toHaveCount(assetCount);
  const brand = join(studio.homeDir, 'WokGen', 'business', 'Brand');
  expect(existsSync(join(brand, '.wokgen', 'thumbnails'))).toBe(true);
  expect(readdirSync(join(brand, '.wokgen')).filter((name) => name.startsWith('import-'))).toEqual([]);
});
