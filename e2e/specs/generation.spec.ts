/**
 * Generating as a user would: type a prompt, Ctrl+Enter, watch the job in the queue, see the
 * asset in the gallery — the real core and pipeline with an in-process stub provider.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkspace, expect, test } from './fixtures';

test('generate pixel art: the job runs in the queue and the asset appears in the gallery', async ({ page, studio }) => {
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Gems');
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('a purple gem, photorealistic');

  // The final prompt is shown before the run, with the conflicting word removed.
  const finalPrompt = page.getByRole('region', { name: 'Final prompt' });
  await expect(finalPrompt).toContainText('purple gem');
  await expect(finalPrompt).toContainText('photorealistic');

  await prompt.press('Control+Enter');
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByText('Succeeded')).toBeVisible({ timeout: 15_000 });

  const image = page.getByRole('img', { name: /purple gem/ }).first();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  const month = readdirSync(join(studio.homeDir, 'WokGen', 'pixel', 'Gems', 'assets'));
  expect(month).toHaveLength(1);
  expect(readdirSync(join(studio.homeDir, 'WokGen', 'pixel', 'Gems', 'assets', month[0]!)).some((f) => f.endsWith('.png'))).toBe(true);
});

test('a failing provider shows the failure, and nothing is written', async ({ page, studio }) => {
  studio.stub.failWith = 'invalid_request';
  await page.goto(`${studio.url}emoji/studio`);
  await createWorkspace(page, 'Emoji', 'Faces');
  await page.getByLabel('Prompt', { exact: true }).fill('a laughing cat');
  await page.getByRole('button', { name: 'Generate' }).click();
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByText('Failed', { exact: true })).toBeVisible({ timeout: 15_000 });
  // The row says why it failed, not only "Failed".
  await expect(queue.getByRole('note')).toContainText('Every provider failed');
  await expect(page.getByRole('heading', { name: 'No assets yet' })).toBeVisible();
});

test('a running job can be cancelled', async ({ page, studio }) => {
  studio.stub.latencyMs = 20_000;
  await page.goto(`${studio.url}business/studio`);
  await createWorkspace(page, 'Business', 'Brand');
  await page.getByLabel('Prompt', { exact: true }).fill('a fox head logo for a coffee roaster');
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  const queue = page.getByRole('region', { name: 'Queue' });
  await queue.getByRole('button', { name: 'Cancel' }).first().click();
  await expect(queue.getByText('Cancelled')).toBeVisible({ timeout: 10_000 });
});
