import { expect, type Page, test } from '@playwright/test';

import { DEMO_USERS, expectAccessible, saveScreenshot, signIn, TABLET } from './journey-steps';

test.use({ locale: 'en-GB', viewport: TABLET });

/**
 * Opens a page at 820 px and waits for it to settle, then checks it at both widths (`expectAccessible`: no
 * moderate or worse axe finding; a scroll region must be focusable and named, landmarks unique) and saves a
 * screenshot for the README tour (`<name>-tablet.png`).
 */
async function checkBothWidths(page: Page, path: string, name: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  await expectAccessible(page);
  await saveScreenshot(page, `${name}-tablet`);
}

/** The row's actions are on screen at 820 px, not hidden past the right edge of a scroll box. */
async function expectActionInView(page: Page, name: RegExp): Promise<void> {
  const button = page.getByRole('button', { name }).first();
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(TABLET.width);
  // Sticky at the right: on screen without scrolling the table sideways.
  const scrolled = await button.evaluate((element) => element.closest('.table-wrap')?.scrollLeft ?? 0);
  expect(scrolled).toBe(0);
}

test.describe('every list at tablet width (820 px) and on a laptop (1366 px)', () => {
  // Each page is checked by axe at two widths: minutes on a loaded two-core machine.
  test.describe.configure({ timeout: 240_000 });

  test('the careers lead: encounters, organisations, the dashboard, reports', async ({ page }) => {
    await signIn(page, DEMO_USERS.careersLead);
    await checkBothWidths(page, '/encounters', 'encounters', async (p) => {
      await expect(p.getByRole('row').nth(1)).toBeVisible();
    });
    await checkBothWidths(page, '/organisations', 'organisations', async (p) => {
      await expect(p.getByRole('row').nth(1)).toBeVisible();
    });
    await checkBothWidths(page, '/', 'dashboard-careers-lead', async (p) => {
      await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(p.getByRole('table').first()).toBeVisible();
    });
    await checkBothWidths(page, '/reports', 'reports', async (p) => {
      await expect(p.getByRole('heading', { name: 'Annual compliance report' })).toBeVisible();
    });
  });

  test("a teacher: their classes and a class's learners", async ({ page }) => {
    await signIn(page, DEMO_USERS.teacher);
    await page.goto('/classes');
    const firstClass = page.getByRole('navigation', { name: 'Your classes' }).getByRole('link').first();
    await expect(firstClass).toBeVisible();
    const href = (await firstClass.getAttribute('href')) ?? '/classes';
    await checkBothWidths(page, href, 'class-view', async (p) => {
      await expect(p.getByRole('row').nth(1)).toBeVisible();
    });
  });

  test('the trust administrator: users, academies, the audit log; the trust dashboard', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    await checkBothWidths(page, '/admin/users', 'admin-users', async (p) => {
      await expect(p.getByRole('row').nth(1)).toBeVisible();
    });
    await expectActionInView(page, /^Edit /);
    await checkBothWidths(page, '/admin/academies', 'admin-academies', async (p) => {
      await expect(p.getByRole('row').nth(1)).toBeVisible();
    });
    await checkBothWidths(page, '/admin/audit', 'admin-audit', async (p) => {
      await expect(p.getByRole('row').nth(1)).toBeVisible();
    });
    await checkBothWidths(page, '/', 'dashboard-trust', async (p) => {
      await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(p.getByRole('table').first()).toBeVisible();
    });
  });
});
