import { expect, Locator, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { DEMO_USERS, DESKTOP, expectAccessible, saveScreenshot, signIn, TABLET } from './journey-steps';

const LEADER = DEMO_USERS.leader;

/**
 * Just one part of the page, for the README tour. The app scrolls inside its side-navigation container, so
 * the viewport is stretched to the content's height first (as `saveScreenshot` does).
 */
async function saveElementScreenshot(page: Page, element: Locator, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => {
    const content = document.querySelector('mat-sidenav-content');
    return Math.max(content?.scrollHeight ?? 0, document.documentElement.scrollHeight);
  });
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height + 80, 800), 6000) });
  await element.screenshot({ path: join(__dirname, '..', 'screenshots', `${name}.png`) });
  await page.setViewportSize(size);
}

/**
 * The 2025 rule book on screen: the dashboard's "Two weeks' worth" card, the class view's work-experience
 * columns (hours on hover and focus) and the learner's work-experience ledger, at desktop and tablet widths.
 */
async function twoWeeksJourney(page: Page, suffix: string): Promise<void> {
  await signIn(page, LEADER);

  // The dashboard: a card per academy with the hours figures and the PAL3 offer.
  const card = page.getByRole('region', { name: "Two weeks' worth of work experience" });
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { level: 3, name: 'Kilnside Academy' })).toBeVisible();
  await expect(card.getByRole('rowheader', { name: 'Learners at 0 hours' }).first()).toBeVisible();
  await expect(card.getByRole('rowheader', { name: 'Pupil premium gap' }).first()).toBeVisible();
  await expect(card.getByText('Provider access offer to Years 12 and 13:').first()).toBeVisible();
  await saveElementScreenshot(page, card, `two-weeks-card-${suffix}`);
  await saveScreenshot(page, `dashboard-with-two-weeks-${suffix}`);
  await expectAccessible(page);

  // Down to a Year 10 class: the work-experience columns, with hours on focus.
  const coverage = page.getByRole('region', { name: 'Each academy: learners meeting each rule' });
  await coverage.getByRole('link', { name: 'Kilnside Academy' }).click();
  await page
    .getByRole('region', { name: 'Kilnside Academy: learners meeting each rule' })
    .getByRole('link', { name: 'Year 10' })
    .click();
  await page
    .getByRole('region', { name: /Year 10: learners meeting each rule/ })
    .getByRole('link', { name: '10B' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('10B: who still needs what');
  const wexHeading = page.getByRole('columnheader', { name: /placements|WEX|Work experience/i }).first();
  await expect(wexHeading).toBeVisible();
  // From the learner's name, Tab reaches their work-experience cell: its note says the hours.
  const firstRow = page.locator('table.class-table tbody tr').first();
  await firstRow.getByRole('link').focus();
  await page.keyboard.press('Tab');
  await expect(firstRow.locator('.wex-cell')).toBeFocused();
  await expect(page.locator('.mat-mdc-tooltip')).toContainText(/hours done/);
  await expect(firstRow.locator('.wex-hours')).toContainText(/^\d+(\.\d+)? \/ \d+(\.\d+)? h/);
  // Pointing at another learner's cell shows theirs.
  const secondRow = page.locator('table.class-table tbody tr').nth(1);
  await page.keyboard.press('Escape');
  await secondRow.locator('.wex-cell').dispatchEvent('mouseenter');
  await expect(secondRow.locator('.wex-hours')).toContainText(/^\d+(\.\d+)? \/ \d+(\.\d+)? h/);
  await saveElementScreenshot(page, page.locator('.table-scroll').first(), `class-wex-columns-${suffix}`);
  await saveScreenshot(page, `class-coverage-wex-${suffix}`);
  await expectAccessible(page);

  // The second learner's ledger (in the demo trust, a placement planned for the summer term).
  await secondRow.getByRole('link').click();
  await expect(page).toHaveURL(/\/learners\//);
  const ledger = page.getByRole('region', { name: "Work experience: the two weeks' worth" });
  await expect(ledger).toBeVisible();
  await expect(
    ledger.getByRole('heading', { name: "Years 10 and 11: a week's worth of placements" }),
  ).toBeVisible();
  await expect(ledger.getByText(/target 25 hours/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Part-time jobs' })).toContainText(
    'never counts as work experience',
  );
  await saveElementScreenshot(page, ledger, `learner-wex-ledger-${suffix}`);
  await saveScreenshot(page, `learner-record-wex-${suffix}`);
  await expectAccessible(page);
}

for (const { viewport, suffix } of [
  { viewport: DESKTOP, suffix: '1366' },
  { viewport: TABLET, suffix: '820' },
]) {
  test.describe(`two weeks' worth at ${viewport.width} px`, () => {
    test.use({ locale: 'en-GB', viewport });
    test.describe.configure({ timeout: 300_000 });

    test('the dashboard card, the class columns and the learner ledger', async ({ page }) => {
      await twoWeeksJourney(page, suffix);
    });
  });
}
