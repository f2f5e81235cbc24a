/**
 * Providers end to end (issue 5): a Together key entered and tested in Settings → Providers,
 * a business logo generated through Together's loopback test server into the gallery, then
 * Together answering 503 and the job falling back to Hugging Face — both attempts listed in
 * the job's details. No request leaves loopback (the harness's fetch refuses anything else).
 */
import { test as base } from '@playwright/test';
import { TestApp } from '../harness/test-app';
import { createWorkspace, expect } from './fixtures';

const test = base.extend<{ studio: TestApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their deps as a pattern
  studio: async ({}, use) => {
    const app = await TestApp.start({ cloud: true });
    try {
      await use(app);
    } finally {
      await app[Symbol.asyncDispose]();
    }
  },
});

function cloudOf(studio: TestApp) {
  if (!studio.cloud) throw new Error('this spec needs TestApp.start({ cloud: true })');
  return studio.cloud;
}

test('a Together key set and tested in Settings generates in business mode, and a 503 falls back to the next provider', async ({ page, studio }) => {
  const { together, huggingface } = cloudOf(studio);
  await page.goto(`${studio.url}settings`);
  const card = page.getByRole('listitem', { name: 'Together AI' });
  await expect(card.getByText('Needs a key')).toBeVisible();
  const keyField = card.getByLabel('Together AI API key');
  await expect(keyField).toHaveAttribute('type', 'password');

  // A bad paste is refused beside the field, and the message does not repeat it.
  await keyField.fill('tgp_v1 pasted twice');
  await card.getByRole('button', { name: 'Save key' }).click();
  await expect(card.getByRole('alert')).toContainText('spaces');
  await expect(card.getByRole('alert')).not.toContainText('pasted twice');

  await keyField.fill(` ${together.key}\n`);
  await keyField.press('Enter');
  await expect(card.getByText('Key saved')).toBeVisible();
  await expect(card).toContainText(`••••${together.key.slice(-4)}`);
  await expect(card.getByText('Ready')).toBeVisible();
  // The page never holds the key: not in an input, not in the text.
  expect(await page.content()).not.toContain(together.key);

  await card.getByRole('button', { name: 'Test key' }).click();
  await expect(card.getByRole('status')).toContainText('Key works');
  expect(together.server.requestsTo(/\/v1\/models$/, 'GET').length).toBeGreaterThan(0);

  // Generate a logo: with ComfyUI not running, Together comes first for business standard work.
  await studio.comfy.stop();
  await expect.poll(() => studio.core.services.comfyui.source.isAvailable()).toBe(false);
  await page.goto(`${studio.url}business/studio`);
  await createWorkspace(page, 'Business', 'Roastery');
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('a fox head logo for a coffee roaster');
  await prompt.press('Control+Enter');
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByText('Succeeded')).toHaveCount(1, { timeout: 20_000 });
  const image = page.getByRole('img', { name: /fox head/ }).first();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(together.generations).toHaveLength(1);
  expect(huggingface.calls).toHaveLength(0);

  // Together is overloaded: the job falls back to Hugging Face and still succeeds.
  together.failAlways(503);
  await prompt.fill('a heron logo for a tea house');
  await prompt.press('Control+Enter');
  await expect(queue.getByText('Succeeded')).toHaveCount(2, { timeout: 20_000 });
  expect(huggingface.calls).toHaveLength(1);

  // Newest job first: its details list both attempts.
  await queue.getByRole('button', { name: 'Details' }).first().click();
  const details = page.getByRole('dialog', { name: 'Job details' });
  const attempts = details.locator('table.job-attempts tbody tr');
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText('together');
  await expect(attempts.nth(0)).toContainText('provider_failure');
  await expect(attempts.nth(0)).toContainText('503');
  await expect(attempts.nth(1)).toContainText('huggingface');
  await expect(attempts.nth(1)).toContainText('OK');
  expect(await page.content()).not.toContain(together.key);
});

test('removing a key asks first, and the provider stops being used', async ({ page, studio }) => {
  const { together } = cloudOf(studio);
  await page.goto(`${studio.url}settings`);
  const card = page.getByRole('listitem', { name: 'Together AI' });
  await card.getByLabel('Together AI API key').fill(together.key);
  await card.getByRole('button', { name: 'Save key' }).click();
  await expect(card.getByText('Ready')).toBeVisible();

  await card.getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the Together AI key?' });
  await confirm.getByRole('button', { name: 'Keep key' }).click();
  await expect(card.getByText('Key saved')).toBeVisible();

  await card.getByRole('button', { name: 'Remove' }).click();
  await confirm.getByRole('button', { name: 'Remove key' }).click();
  await expect(card.getByText('Needs a key')).toBeVisible();
  expect(await studio.secrets.get('together')).toBeNull();
});

test('UI/UX code streams from a local Ollama into the queue as it is written, then lands as a code asset', async ({ page, studio }) => {
  const { ollama } = cloudOf(studio);
  ollama.controls.reply = ['```html', '<section class="p-6">', '  <h2 class="text-2xl">Streamed card</h2>', `  <p>${'Written token by token. '.repeat(30)}</p>`, '</section>', '```'].join('\n');
  ollama.controls.chunkChars = 12;
  ollama.controls.chunkDelayMs = 40;

  await page.goto(`${studio.url}settings`);
  const card = page.getByRole('listitem', { name: 'Local LLM (Ollama / LM Studio)' });
  await expect(card.getByText('Ready')).toBeVisible();
  await expect(card).toContainText('qwen2.5-coder:7b');

  await page.goto(`${studio.url}uiux/studio`);
  await createWorkspace(page, 'UI/UX', 'Cards');
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('a pricing card');
  await prompt.press('Control+Enter');
  const queue = page.getByRole('region', { name: 'Queue' });
  // The code grows in the queue while the model writes it.
  await expect(queue.getByLabel('Code so far')).toContainText('<section');
  await expect(queue.getByText('Succeeded')).toHaveCount(1, { timeout: 20_000 });
  await expect(queue.getByLabel('Code so far')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Generated code' })).toContainText('Streamed card');
  const body = ollama.chatBodies().at(-1) as { model: string; stream: boolean };
  expect(body).toMatchObject({ model: 'qwen2.5-coder:7b', stream: true });
});
