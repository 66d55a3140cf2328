import { expect, test } from '@playwright/test';
import { join } from 'node:path';

import { DESKTOP, expectAccessible } from './journey-steps';

const screenshots = join(__dirname, '..', 'screenshots');

test.use({ viewport: DESKTOP, locale: 'en-GB' });

test.describe('the app shell', () => {
  test('shows the product name and the sign-in page, with no moderate or serious accessibility violation', async ({
    page,
  }) => {
    await page.goto('/');

    await expect(page.getByRole('banner').getByText('Encounters', { exact: true })).toBeVisible();
    // Wait for the router to settle on a page: nobody is signed in, so the app may send the visitor to
    // the sign-in page.
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    if (new URL(page.url()).pathname === '/sign-in') {
      await expect(page.getByRole('heading', { level: 1, name: /sign in/i })).toBeVisible();
    }

    await expectAccessible(page);

    await page.screenshot({ path: join(screenshots, 'shell.png'), fullPage: true });
  });
});
