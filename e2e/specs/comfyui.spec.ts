/**
 * Local ComfyUI end to end (issue 4): the studio finds the loopback ComfyUI test server through
 * the real client, generates a pixel batch of 4 with live progress and previews, writes the
 * files with their metadata, cancels a running job, and survives the server stopping mid-job.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readPngTextChunks } from '../../electron/core/assets/png-metadata';
import { createWorkspace, expect, test } from './fixtures';

/** Every PNG under a folder (assets are grouped by month, originals beside them). */
function pngsUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return pngsUnder(path);
    return name.endsWith('.png') ? [path] : [];
  });
}

test('the studio header shows the connected ComfyUI; Settings lists devices and checkpoints', async ({ page, studio }) => {
  await page.goto(`${studio.url}pixel/studio`);
  const chip = page.getByRole('link', { name: /ComfyUI 0\.3\.64/ });
  await expect(chip).toBeVisible();
  await expect(chip).toContainText('RTX 4090');
  await chip.click();
  await expect(page).toHaveURL(/settings/);
  const card = page.locator('[data-provider="comfyui"]');
  await expect(card.getByRole('status', { name: 'ComfyUI status' })).toContainText(`Connected at ${studio.comfy.url}`);
  await expect(card.getByLabel('ComfyUI devices')).toContainText('GB VRAM free');
  await expect(card.getByLabel('Checkpoints')).toContainText('pixel-art-xl.safetensors');
  await card.getByLabel('Pixel checkpoint').selectOption('pixel-art-xl.safetensors');
  await expect.poll(() => studio.core.services.settings.get().comfyui.defaultCheckpoints.pixel).toBe('pixel-art-xl.safetensors');
});

test('a pixel batch of 4 through ComfyUI: progress and previews, then the gallery and files with metadata', async ({ page, studio }) => {
  // Real server round trips, waits for a failure to be noticed and a restart: more than the default budget on a busy machine.
  test.slow();
  studio.comfy.controls.stepMs = 30;
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Knights');
  await page.getByLabel('Prompt', { exact: true }).fill('a knight with a blue shield');
  await page.getByLabel('Batch').selectOption('4');
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');

  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByRole('progressbar', { name: 'Slot 4 progress' })).toBeVisible();
  await expect(queue.getByRole('img', { name: 'Live preview' })).toBeVisible();
  await expect.poll(async () => Number(await queue.getByRole('progressbar', { name: 'Progress' }).first().getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  // What ComfyUI is doing, from the node it executes, with the sampler's step.
  await expect(queue.getByText(/^Sampling$/)).toBeVisible();
  await expect(queue.getByText(/^step \d+\/\d+$/)).toBeVisible();
  await expect(queue.getByText('Succeeded')).toBeVisible({ timeout: 60_000 });

  await expect.poll(() => page.getByRole('img', { name: /knight/ }).count()).toBeGreaterThanOrEqual(4);
  // Four prompts reached ComfyUI, one per slot, each with its own seed and our client id.
  const graphs = [...studio.comfy.prompts.values()];
  expect(graphs).toHaveLength(4);
  expect(new Set(graphs.map((g) => g['3']!.inputs['seed'])).size).toBe(4);
  // On disk: every delivered PNG carries its generation metadata, naming ComfyUI and the checkpoint.
  const files = pngsUnder(join(studio.homeDir, 'WokGen', 'pixel', 'Knights', 'assets'));
  const described = files.map((f) => readPngTextChunks(readFileSync(f), ['wokgen']).get('wokgen')).filter((t): t is string => t !== undefined);
  expect(described.length).toBeGreaterThanOrEqual(4);
  for (const text of described.slice(0, 4)) expect(JSON.parse(text)).toMatchObject({ provider: 'comfyui', model: 'sd_xl_base_1.0.safetensors' });
});

test('cancelling a running ComfyUI job interrupts it on the server', async ({ page, studio }) => {
  studio.comfy.controls.stepMs = 500;
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Cancel');
  await page.getByLabel('Prompt', { exact: true }).fill('a slow dragon');
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  const running = await studio.comfy.whenRunning();
  const queue = page.getByRole('region', { name: 'Queue' });
  await queue.getByRole('button', { name: 'Cancel' }).first().click();
  await expect(queue.getByText('Cancelled')).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => studio.comfy.requests.find((r) => r.path === '/interrupt')?.body).toBe(JSON.stringify({ prompt_id: running }));
  await expect.poll(() => studio.comfy.runningPromptId).toBeNull();
});

test('ComfyUI stopping mid-job: the job fails with a clear reason, the studio stays usable, and works again when it is back', async ({ page, studio }) => {
  // Real server round trips, waits for a failure to be noticed and a restart: more than the default budget on a busy machine.
  test.slow();
  studio.comfy.controls.stepMs = 300;
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Outage');
  await page.getByLabel('Prompt', { exact: true }).fill('a castle at night');
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  await studio.comfy.whenRunning();
  await studio.comfy.stop();

  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByText('Failed', { exact: true })).toBeVisible({ timeout: 15_000 });
  await queue.getByRole('button', { name: 'Details' }).first().click();
  await expect(page.getByRole('dialog')).toContainText('stopped answering while generating');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: /ComfyUI: not found/ })).toBeVisible({ timeout: 10_000 });

  // Still usable: the form answers, and once ComfyUI is back the next job succeeds.
  await studio.comfy.restart();
  studio.comfy.controls.stepMs = 5;
  await expect(page.getByRole('link', { name: /ComfyUI 0\.3\.64/ })).toBeVisible({ timeout: 10_000 });
  await page.getByLabel('Prompt', { exact: true }).fill('a castle at dawn');
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  await expect(queue.getByText('Succeeded')).toBeVisible({ timeout: 30_000 });
});

test('importing a custom workflow: problems are listed by node; a clean one is saved and can be removed with Undo', async ({ page, studio }) => {
  await page.goto(`${studio.url}settings`);
  const card = page.locator('[data-provider="comfyui"]');
  await expect(card.getByRole('status', { name: 'ComfyUI status' })).toContainText('Connected');
  await card.getByText('Custom workflows').click();
  const exported = {
    '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } },
    '2': { class_type: 'CLIPTextEncode', inputs: { text: 'a cat', clip: ['1', 1] } },
    '3': { class_type: 'CLIPTextEncode', inputs: { text: 'ugly', clip: ['1', 1] } },
    '4': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512, batch_size: 1 } },
    '5': { class_type: 'KSampler', inputs: { model: ['1', 0], positive: ['2', 0], negative: ['3', 0], latent_image: ['4', 0], seed: 1, steps: 20, cfg: 8, sampler_name: 'euler', scheduler: 'normal', denoise: 1 } },
    '6': { class_type: 'VAEDecode', inputs: { samples: ['5', 0], vae: ['1', 2] } },
    '7': { class_type: 'SaveImage', inputs: { images: ['6', 0], filename_prefix: 'Mine' } },
  };
  const file = card.getByLabel('Import an API-format workflow');
  await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, '8': { class_type: 'UltraUpscale', inputs: {} } })) });
  const problems = card.getByRole('alert', { name: 'Workflow problems' });
  await expect(problems).toContainText("Node 8 (UltraUpscale): this ComfyUI has no node class 'UltraUpscale'");

  await file.setInputFiles({ name: 'My pixel flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  const list = card.getByRole('list', { name: 'Custom workflows' });
  await expect(list).toContainText('Pixel: My pixel flow');
  await expect(problems).toBeHidden();

  await list.getByRole('button', { name: 'Remove' }).click();
  await expect(list).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByRole('list', { name: 'Custom workflows' })).toContainText('Pixel: My pixel flow');
});

test('emoji generates offline through ComfyUI too', async ({ page, studio }) => {
  await page.goto(`${studio.url}emoji/studio`);
  await createWorkspace(page, 'Emoji', 'Reactions');
  await page.getByLabel('Prompt', { exact: true }).fill('a laughing cat');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('region', { name: 'Queue' }).getByText('Succeeded')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.getByRole('img', { name: /laughing cat/ }).count()).toBeGreaterThanOrEqual(1);
  expect([...studio.comfy.prompts.values()]).toHaveLength(1);
});
