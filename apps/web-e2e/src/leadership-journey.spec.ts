import { expect, test } from '@playwright/test';
import { DEMO_USERS, expectAccessible, saveScreenshot, signIn } from './journey-steps';

const LEADER = DEMO_USERS.leader;

test.use({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });

test.describe('a trust leader', () => {
  // A whole journey with an accessibility scan of every page at two widths, and the report files: 3.0 min
  // measured at a load average of 14.
  test.describe.configure({ timeout: 360_000 });

  test('opens the dashboard, drills down to a class, switches the pupil-premium breakdown and downloads the report', async ({
    page,
  }) => {
    await signIn(page, LEADER);

    // The dashboard: one column per academy, a chart beside the table.
    await expect(page.getByRole('heading', { level: 1, name: 'Careers coverage' })).toBeVisible();
    const coverage = page.getByRole('region', { name: 'Each academy: learners meeting each rule' });
    await expect(coverage.getByRole('link', { name: 'Kilnside Academy' })).toBeVisible();
    await expect(coverage.getByRole('row', { name: /Objective 2/ })).toBeVisible();
    await expect(page.locator('enc-coverage-chart canvas').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sectors reached' })).toBeVisible();
    await expect(page.getByText(/local priority sectors reached/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Trend over academic years' })).toBeVisible();
    await saveScreenshot(page, 'dashboard-trust');
    await expectAccessible(page);

    // The measuring dates are one click away.
    const asAt = page.getByLabel('As at');
    await page.getByRole('button', { name: /^31 Mar \d{4}$/ }).click();
    await expect(page).toHaveURL(/asAt=\d{4}-03-31/);
    await expect(asAt).toHaveValue(/^\d{4}-03-31$/);
    await page.goBack();
    await expect(page).not.toHaveURL(/asAt=\d{4}-03-31/);

    // Drill down: academy, then year group, then class.
    await coverage.getByRole('link', { name: 'Kilnside Academy' }).click();
    const breadcrumb = page.getByRole('navigation', { name: 'Where you are' });
    await expect(breadcrumb).toContainText('All academies');
    await expect(breadcrumb).toContainText('Kilnside Academy');
    const academy = page.getByRole('region', { name: 'Kilnside Academy: learners meeting each rule' });
    await academy.getByRole('link', { name: 'Year 11' }).click();
    await expect(breadcrumb).toContainText('Year 11');
    await saveScreenshot(page, 'dashboard-year-group');
    await expectAccessible(page);

    // The pupil-premium breakdown for the year group, with its gaps.
    await page.getByRole('radio', { name: 'Pupil premium' }).click();
    await expect(page).toHaveURL(/breakdown=pupilPremium/);
    const gaps = page.getByRole('region', { name: 'Cohort gaps' });
    await expect(gaps.getByRole('columnheader', { name: /^Pupil premium/ })).toBeVisible();
    await expect(gaps.getByRole('columnheader', { name: /^Not pupil premium/ })).toBeVisible();
    await expect(gaps.getByText(/pts against the rest|level/).first()).toBeVisible();
    await saveScreenshot(page, 'dashboard-pupil-premium');
    await expectAccessible(page);

    // On to a class: its learners, gaps first.
    await page
      .getByRole('region', { name: /Year 11: learners meeting each rule/ })
      .getByRole('link', { name: '11B' })
      .click();
    await expect(page).toHaveURL(/\/classes\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('11B: who still needs what');
    await expect(page.locator('table.class-table tbody tr').first()).toBeVisible();
    await saveScreenshot(page, 'leader-class-coverage');
    await expectAccessible(page);

    // The annual report for governors.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Annual compliance report' })).toBeVisible();
    await saveScreenshot(page, 'reports');
    await expectAccessible(page);

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download compliance report (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await pdf.failure()).toBeNull();
    for (const [link, file] of [
      ["Download learners' statuses (CSV)", /^compliance-learners-.*\.csv$/],
      ['Download summary figures (CSV)', /^compliance-summary-.*\.csv$/],
      ['Download cohort gaps (CSV)', /^compliance-gaps-.*\.csv$/],
    ] as const) {
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: link }).click(),
      ]);
      expect(csv.suggestedFilename()).toMatch(file);
      expect(await csv.failure()).toBeNull();
    }
  });
});
