import { expect, test } from '@playwright/test';

import { type AppUnderTest, startApp, stopApp } from './app-under-test';
import { expectAccessible, saveScreenshot } from './journey-steps';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });

const ACADEMIES_CSV = [
  'URN,name,phase',
  '160001,Northmoor Academy,secondary',
  '160002,Northmoor Sixth Form College,sixth_form',
].join('\r\n');

test.describe('a trust sets Encounters up on its first day', () => {
  let app: AppUnderTest;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    app = await startApp({ emptyDatabase: true });
  });

  test.afterAll(async () => {
    test.setTimeout(60_000);
    if (app) await stopApp(app);
  });

  test('the first-run page, with the code from the server log, creates the trust and its administrator', async ({
    page,
  }) => {
    const code = /one-time set-up code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(
      app.output.join('\n'),
    )?.[1];
    expect(code, 'the server log holds the set-up code').toBeTruthy();

    await page.goto(`${app.baseUrl}/`);
    await expect(page).toHaveURL(/\/set-up$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Set up Encounters' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Set-up code').fill('AAAA-BBBB-CCCC');
    await page.getByLabel('Name of the trust').fill('Northmoor Learning Trust');
    await page.getByLabel('Full name').fill('Nia Northmoor');
    await page.getByLabel('Email address').fill('nia@northmoor.example');
    await page.getByLabel('Password').fill('heather moorland kestrel 7');
    await page.getByLabel('CSV of academies').setInputFiles({
      name: 'academies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ACADEMIES_CSV, 'utf8'),
    });
    await page.getByRole('button', { name: 'Set up Encounters' }).click();
    await expect(page.getByRole('alert')).toContainText('That set-up code is not right');
    await saveScreenshot(page, 'first-run');

    await page.getByLabel('Set-up code').fill(code ?? '');
    await page.getByRole('button', { name: 'Set up Encounters' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Encounters' })).toBeVisible();

    // Once set up, the first-run page is gone for good.
    await page.goto(`${app.baseUrl}/set-up`);
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel('Email address').fill('nia@northmoor.example');
    await page.getByLabel('Password').fill('heather moorland kestrel 7');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    const trust = await (await page.request.get(`${app.baseUrl}/api/trust`)).json();
    expect(trust.name).toBe('Northmoor Learning Trust');
    const academies = await (await page.request.get(`${app.baseUrl}/api/academies`)).json();
    expect(academies.map((academy: { name: string }) => academy.name)).toEqual([
      'Northmoor Academy',
      'Northmoor Sixth Form College',
    ]);
  });
});
