import { expect, test } from '@playwright/test';

import { DEMO_USERS, choose, expectAccessible, saveScreenshot, signIn } from './journey-steps';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a tool of the repository, not a library of the workspace
import { startOidcProvider } from '../../../tools/oidc-test-provider/launch';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });

const CLIENT = { clientId: 'encounters-e2e', clientSecret: 'an e2e client secret' };

test.describe('signing in with a school account', () => {
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;

  test.beforeAll(async ({ baseURL }) => {
    provider = await startOidcProvider({ ...CLIENT, redirectUri: `${baseURL}/api/auth/oidc/callback` });
  });

  test.afterAll(async () => {
    await provider?.stop();
  });

  test('the administrator adds the provider, and a careers lead signs in through it', async ({ page }) => {
    test.setTimeout(90_000);
    const label = 'Kilnside staff accounts';
    await signIn(page, DEMO_USERS.admin);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page
      .getByRole('tab', { name: 'Sign-in' })
      .or(page.getByRole('link', { name: 'Sign-in' }))
      .click();
    await expect(page.getByRole('heading', { name: 'School accounts' })).toBeVisible();
    await page.getByRole('button', { name: 'Add a provider' }).click();
    await page.getByLabel('Button label').fill(label);
    await choose(page, 'Kind', 'Other OpenID Connect provider');
    await page.getByLabel('Issuer URL').fill(provider.issuer);
    await page.getByLabel('Client id').fill(CLIENT.clientId);
    await page.getByLabel('Client secret').fill(CLIENT.clientSecret);
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-sign-in-provider-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('cell', { name: new RegExp(`^${label}`) })).toBeVisible();
    await expect(page.getByText(CLIENT.clientSecret)).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.goto('/sign-in');
    await expectAccessible(page);
    await saveScreenshot(page, 'sign-in-with-school-account');
    await page.getByRole('link', { name: `Sign in with ${label}` }).click();
    await expect(page.getByRole('heading', { name: 'Test school sign-in' })).toBeVisible();
    await page.getByLabel('School email').fill(DEMO_USERS.careersLead.email);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText('Casey Careers')).toBeVisible();
    await expect(page.locator('.user-roles')).toHaveText(/Careers lead/);

    // An email no user holds comes back refused, with the reason in plain words.
    // Signing out ends the Encounters session, not the provider's: a browser without its cookies comes next.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.context().clearCookies();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: `Sign in with ${label}` }).click();
    await page.getByLabel('School email').fill('stranger@kilnside.example');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(/not set up in Encounters/);
    await expectAccessible(page);

    // Tidy: the other journeys see the sign-in page without this button.
    await signIn(page, DEMO_USERS.admin);
    await page.goto('/admin/sign-in');
    await page.getByRole('button', { name: `Remove ${label}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByRole('cell', { name: new RegExp(`^${label}`) })).toHaveCount(0);
  });
});
