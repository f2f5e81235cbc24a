import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkspace, expect, test, workspaceOption } from './fixtures';

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

test('remove keeps the folder and Undo brings the workspace back', async ({ page, studio }) => {
  await page.goto(`${studio.url}emoji/studio`);
  await createWorkspace(page, 'Emoji', 'Reactions');
  const folder = join(studio.homeDir, 'WokGen', 'emoji', 'Reactions');

  await page.getByRole('button', { name: 'Remove from library' }).click();
  const confirm = page.getByRole('dialog', { name: /Remove “Reactions”/ });
  await expect(confirm.getByRole('checkbox', { name: 'Also move the folder to the trash' })).not.toBeChecked();
  await confirm.getByRole('button', { name: 'Remove workspace' }).click();

  await expect(page.getByRole('heading', { name: 'No workspace yet' })).toBeVisible();
  expect(existsSync(join(folder, 'workspace.json'))).toBe(true);

  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(workspaceOption(page, 'Reactions')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'No assets yet' })).toBeVisible();
});

test('remove with "move to trash" sends the folder to the trash, not oblivion', async ({ page, studio }) => {
  await page.goto(`${studio.url}vector/studio`);
  await createWorkspace(page, 'Vector', 'Old Icons');
  const folder = join(studio.homeDir, 'WokGen', 'vector', 'Old Icons');

  await page.getByRole('button', { name: 'Remove from library' }).click();
  const confirm = page.getByRole('dialog', { name: /Remove “Old Icons”/ });
  await confirm.getByRole('checkbox', { name: 'Also move the folder to the trash' }).check();
  await confirm.getByRole('button', { name: 'Remove and trash folder' }).click();

  await expect(page.getByRole('heading', { name: 'No workspace yet' })).toBeVisible();
  expect(existsSync(folder)).toBe(false);
  const trashed = readdirSync(join(studio.root, 'trash'));
  expect(trashed).toHaveLength(1);
  expect(existsSync(join(studio.root, 'trash', trashed[0]!, 'workspace.json'))).toBe(true);
});

test('an existing workspace folder is re-attached from another studio only in its own mode', async ({ page, studio }) => {
  const created = await studio.core.handlers['workspaces.create']({ name: 'Brand Book', mode: 'business' });
  await studio.core.handlers['workspaces.remove']({ id: created.id, deleteFiles: false });

  studio.dialogs.answerNext(created.folder);
  await page.goto(`${studio.url}pixel/studio`);
  await page.getByRole('button', { name: 'Open existing folder…' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Open it from the Business studio');
  await expect(page.getByRole('heading', { name: 'No workspace yet' })).toBeVisible();

  studio.dialogs.answerNext(created.folder);
  await page.getByRole('navigation', { name: 'Modes' }).getByRole('link', { name: /Business/ }).click();
  await page.getByRole('button', { name: 'Open existing folder…' }).click();
  await expect(workspaceOption(page, 'Brand Book')).toHaveCount(1);
});
