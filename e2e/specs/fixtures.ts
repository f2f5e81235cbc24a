import { test as base } from '@playwright/test';
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

export { expect } from '@playwright/test';
