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

/** A list page is ready when its first row of data shows. */
const firstRow = async (page: Page) => {
  await expect(page.getByRole('row').nth(1)).toBeVisible();
};

/** A dashboard is ready when its heading and its first table show. */
const dashboard = async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
};

test.describe('every list at tablet width (820 px) and on a laptop (1366 px)', () => {
  // Each page is checked by axe at two widths: minutes on a loaded two-core machine.
  test.describe.configure({ timeout: 240_000 });

  test('the careers lead: encounters, organisations, the dashboard, reports', async ({ page }) => {
    await signIn(page, DEMO_USERS.careersLead);
    await checkBothWidths(page, '/encounters', 'encounters', firstRow);
    await checkBothWidths(page, '/organisations', 'organisations', firstRow);
    await checkBothWidths(page, '/', 'dashboard-careers-lead', dashboard);
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
    await checkBothWidths(page, href, 'class-view', firstRow);
  });

  test('the trust administrator: users, academies, the audit log; the trust dashboard', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    await checkBothWidths(page, '/admin/users', 'admin-users', firstRow);
    await expectActionInView(page, /^Edit /);
    await checkBothWidths(page, '/admin/academies', 'admin-academies', firstRow);
    await checkBothWidths(page, '/admin/audit', 'admin-audit', firstRow);
    await checkBothWidths(page, '/', 'dashboard-trust', dashboard);
  });
});
