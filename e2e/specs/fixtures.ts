import { expect, test as base, type Page } from '@playwright/test';
import { TestApp } from '../harness/test-app';

/** Every spec gets a fresh studio (real core, temp data folder) and disposes of it after. */
export const test = base.extend<{ studio: TestApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their deps as a pattern
  studio: async ({}, use) => {
    const app = await TestApp.start();
    try {
      await use(app);
    } finally {
      await app[Symbol.asyncDispose]();
    }
  },
});

export { expect };

/** Creates a workspace through the studio's dialog and waits for it to close. */
export async function createWorkspace(page: Page, modeName: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New workspace' }).first().click();
  const dialog = page.getByRole('dialog', { name: `New ${modeName} workspace` });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
}

export const workspaceOption = (page: Page, name: string) => page.getByLabel('Workspace').locator('option', { hasText: name });
