import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function createWorkspace(page: Page, modeName: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New workspace' }).first().click();
  const dialog = page.getByRole('dialog', { name: `New ${modeName} workspace` });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
}

const workspaceOption = (page: Page, name: string) => page.getByLabel('Workspace').locator('option', { hasText: name });

test('create a pixel workspace and see it listed, with its folder on disk', async ({ page, studio }) => {
  await page.goto(`${studio.url}pixel/studio`);
  await expect(page.getByRole('heading', { name: 'No workspace yet' })).toBeVisible();

  await createWorkspace(page, 'Pixel', 'Dungeon Tiles');

  await expect(workspaceOption(page, 'Dungeon Tiles')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'No assets yet' })).toBeVisible();
  const folder = join(studio.homeDir, 'WokGen', 'pixel', 'Dungeon Tiles');
  const manifest = JSON.parse(readFileSync(join(folder, 'workspace.json'), 'utf8')) as { name: string; mode: string };
  expect(manifest).toMatchObject({ name: 'Dungeon Tiles', mode: 'pixel' });
});

test('a pixel workspace does not show in the business studio', async ({ page, studio }) => {
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Sprites');
  await expect(workspaceOption(page, 'Sprites')).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Modes' }).getByRole('link', { name: /Business/ }).click();
  await expect(page).toHaveURL(/\/business\/studio$/);
  await expect(page.getByRole('heading', { name: 'No workspace yet' })).toBeVisible();
  await expect(page.getByText('Sprites')).toHaveCount(0);

  await createWorkspace(page, 'Business', 'Launch Kit');
  await expect(workspaceOption(page, 'Launch Kit')).toHaveCount(1);
  await expect(workspaceOption(page, 'Sprites')).toHaveCount(0);
});

test('workspaces survive a restart on the same data folder', async ({ page, studio }) => {
  await page.goto(`${studio.url}pixel/studio`);
  await createWorkspace(page, 'Pixel', 'Keep Me');
  await expect(workspaceOption(page, 'Keep Me')).toHaveCount(1);

  await studio.restart();
  await page.goto(`${studio.url}pixel/studio`);
  await expect(workspaceOption(page, 'Keep Me')).toHaveCount(1);
});

test('an invalid name shows an inline error and creates nothing', async ({ page, studio }) => {
  await page.goto(`${studio.url}pixel/studio`);
  await page.getByRole('button', { name: 'New workspace' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New Pixel workspace' });
  const name = dialog.getByLabel('Name');
  const create = dialog.getByRole('button', { name: 'Create workspace' });

  await name.fill('x'.repeat(41));
  await expect(dialog.getByRole('alert')).toContainText('at most 40 characters');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(create).toBeDisabled();

  await name.fill('a/b');
  await expect(dialog.getByRole('alert')).toContainText('cannot contain');
  await name.press('Enter');
  await expect(create).toBeDisabled();

  await name.fill('   ');
  await expect(dialog.getByRole('alert')).toContainText('cannot be empty');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(existsSync(join(studio.homeDir, 'WokGen'))).toBe(false);
  const listed = await studio.core.handlers['workspaces.list']({ mode: 'pixel' });
  expect(listed).toEqual([]);
});

test('a server-side refusal is shown next to the folder field and creates nothing', async ({ page, studio }) => {
  const occupied = join(studio.root, 'occupied');
  mkdirSync(occupied);
  writeFileSync(join(occupied, 'notes.txt'), 'keep me');
  studio.dialogs.answerNext(occupied);

  await page.goto(`${studio.url}pixel/studio`);
  await page.getByRole('button', { name: 'New workspace' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New Pixel workspace' });
  await dialog.getByLabel('Name').fill('Clash');
  await dialog.getByRole('button', { name: 'Choose…' }).click();
  await expect(dialog.getByLabel('Folder')).toHaveValue(occupied);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();

  await expect(dialog.getByText('This folder is not empty')).toBeVisible();
  expect(readdirSync(occupied)).toEqual(['notes.txt']);
  expect(await studio.core.handlers['workspaces.list']({ mode: 'pixel' })).toEqual([]);
});
