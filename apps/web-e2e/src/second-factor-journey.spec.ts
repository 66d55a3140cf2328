import { expect, test } from '@playwright/test';
import { generate } from 'otplib';

import { DEMO_USERS, expectAccessible, saveScreenshot, signIn } from './journey-steps';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });

// The academy leader of the demo trust: no other journey signs in as them.
const HEAD = { email: 'head@demo.encounters', password: 'red-kiln-badger-2025', name: 'Harper Head' };

/** The code the authenticator app would show, `steps` time steps from now. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

test.describe('the second factor', () => {
  test('a leader sets up an authenticator app, then needs its code to sign in; the administrator resets it', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await signIn(page, HEAD);
    await page.getByRole('link', { name: 'Second factor' }).click();
    await expect(page.getByRole('button', { name: 'Set up' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Set up' }).click();
    await expect(
      page.getByRole('img', { name: 'QR code to scan with your authenticator app' }),
    ).toBeVisible();
    const secret = (await page
      .locator('p', { hasText: 'Cannot scan?' })
      .locator('code')
      .textContent())!.trim();
    await expectAccessible(page);
    await saveScreenshot(page, 'second-factor-set-up');
    await page.getByLabel('Code from the app').fill(await codeAt(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const recoveryCodes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(recoveryCodes).toHaveCount(10);
    await expectAccessible(page);
    const recoveryCode = (await recoveryCodes.first().textContent())!.trim();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email address').fill(HEAD.email);
    await page.getByLabel('Password').fill(HEAD.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(/The code is not right/);
    await page.getByLabel('Code', { exact: true }).fill(await codeAt(secret, 1));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(HEAD.name)).toBeVisible();

    // A recovery code instead of the app, once.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email address').fill(HEAD.email);
    await page.getByLabel('Password').fill(HEAD.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code', { exact: true }).fill(recoveryCode);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(HEAD.name)).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, DEMO_USERS.admin);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: `Reset the second factor of ${HEAD.name}` }).click();
    const reset = page.getByRole('alertdialog', { name: `Reset ${HEAD.name}'s second factor?` });
    await expect(reset).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-reset-second-factor');
    await reset.getByRole('button', { name: 'Reset' }).click();
    await expect(page.getByRole('button', { name: `Reset the second factor of ${HEAD.name}` })).toHaveCount(
      0,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, HEAD);
  });
});
