/**
 * The hosted account end to end: sign in (the test plays the browser — it follows the
 * authorization URL the app asked the system browser to open, through the test account
 * server's auto-approval, to the app's loopback redirect), see plan and credits, run an HD
 * generation on the account, see the credits drop, sign out (tokens gone from the keychain).
 */
import { TestAccountServer, completeBrowserStep } from '../../electron/core/account/testing/test-account-server';
import { createWorkspace, expect, test } from './fixtures';

test('sign in, see plan and credits, run an HD generation, credits drop, sign out', async ({ page, studio }) => {
  // Four page loads, a sign-in and a generation: more than the default 30 s on a busy 2-core CI box.
  test.setTimeout(60_000);
  const server = await TestAccountServer.start({ plan: 'plus', monthlyUsed: 95, topUp: 10 });
  try {
    const settings = studio.core.services.settings;
    settings.update({ providers: { ...settings.get().providers, hosted: { enabled: true, baseUrl: server.url, standardModel: null, hdModel: null } } });

    await page.goto(`${studio.url}settings`);
    const account = page.getByRole('region', { name: 'Account' });
    await account.getByRole('button', { name: 'Sign in with browser' }).click();
    await expect(account.getByText('Finish signing in in your browser')).toBeVisible();
    await expect.poll(() => studio.shell.opened.length).toBe(1);
    const authorization = new URL(studio.shell.opened[0]!);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    const browser = await completeBrowserStep(authorization.toString());
    expect(browser.status).toBe(200);
    expect(browser.text).toContain('close this tab');

    await expect(account.getByText('Plus plan')).toBeVisible();
    await expect(account.getByText('Ada Test')).toBeVisible();
    await expect(account.getByTestId('credits-monthly')).toHaveText('5 of 100');
    await expect(account.getByTestId('credits-topup')).toHaveText('10');
    await expect(account.getByTestId('credits-total')).toHaveText('15');
    await expect(account.getByText('Offline — last known figures')).toBeHidden();

    await page.goto(`${studio.url}pixel/studio`);
    await createWorkspace(page, 'Pixel', 'Crowns');
    await page.getByLabel('Prompt', { exact: true }).fill('a golden crown');
    await page.getByLabel('HD', { exact: true }).check();
    await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
    const queue = page.getByRole('region', { name: 'Queue' });
    await expect(queue.getByText('Succeeded')).toBeVisible({ timeout: 15_000 });
    expect(server.generated).toEqual([{ mode: 'pixel', charged: 1 }]);

    await page.goto(`${studio.url}settings`);
    await expect(account.getByTestId('credits-monthly')).toHaveText('4 of 100');
    await expect(account.getByTestId('credits-total')).toHaveText('14');

    await account.getByRole('button', { name: 'Sign out' }).click();
    await expect(account.getByRole('button', { name: 'Sign in with browser' })).toBeVisible();
    expect(await studio.core.services.ports.secrets.accounts()).toEqual([]);
  } finally {
    await server.close();
  }
});

test('device sign-in shows the code to type and can be cancelled', async ({ page, studio }) => {
  const server = await TestAccountServer.start();
  try {
    const settings = studio.core.services.settings;
    settings.update({ providers: { ...settings.get().providers, hosted: { enabled: true, baseUrl: server.url, standardModel: null, hdModel: null } } });
    await page.goto(`${studio.url}settings`);
    const account = page.getByRole('region', { name: 'Account' });
    await account.getByRole('button', { name: 'Sign in with a code' }).click();
    await expect(account.getByLabel('Sign-in code')).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    await expect(account.getByText(`${server.url}/device`)).toBeVisible();
    await account.getByRole('button', { name: 'Cancel' }).click();
    await expect(account.getByRole('button', { name: 'Sign in with a code' })).toBeVisible();
    expect(await studio.core.services.ports.secrets.accounts()).toEqual([]);
  } finally {
    await server.close();
  }
});
