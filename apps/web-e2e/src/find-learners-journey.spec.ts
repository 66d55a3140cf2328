import { expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  choose,
  DEMO_USERS,
  DESKTOP,
  drawerShut,
  expectAccessible,
  saveScreenshot,
  signIn,
  TABLET,
} from './journey-steps';

const LEAD = DEMO_USERS.careersLead;

/** A learner the careers lead may see, by the API the top bar asks: the first of the list. */
async function someLearner(page: Page): Promise<{ id: string; name: string; upn: string }> {
  const answer = await page.request.get('/api/learners?pageSize=1&yearGroup=11');
  expect(answer.ok()).toBe(true);
  const [learner] = (await answer.json()).items;
  return learner;
}

for (const viewport of [
  { ...DESKTOP, name: 'desktop' },
  { ...TABLET, name: 'tablet' },
]) {
  test.describe(`finding learners (${viewport.width} px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    test.describe.configure({ timeout: 300_000 });

    test('finds a learner from the top bar in two actions, and lists "Year 11, B8 not met" with a CSV', async ({
      page,
    }) => {
      await signIn(page, LEAD);
      const learner = await someLearner(page);

      // From any page: type part of the surname (one action), Enter (the second) opens the record.
      await page.goto('/organisations');
      const search = page.getByRole('combobox', { name: 'Find a learner' });
      await expect(search).toBeVisible();
      await search.fill(learner.upn);
      await expect(page.getByRole('option', { name: new RegExp(learner.name) })).toBeVisible();
      await expectAccessible(page);
      await saveScreenshot(page, `find-learner-${viewport.name}`);
      await search.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/learners/${learner.id}`));
      await expect(page.getByRole('heading', { level: 1, name: learner.name })).toBeVisible();

      // The learners page: Year 11, Benchmark 8 by 16, not met yet.
      if (viewport.width < 960) {
        const drawer = page.getByRole('button', { name: 'Main navigation' });
        await drawer.click();
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
        // The navigation drawer over the page, checked as it stands; the check's turn at 1366 px puts the
        // navigation beside the page, and back at 820 px it is a closed drawer again.
        await expectAccessible(page);
        if ((await drawer.getAttribute('aria-expanded')) !== 'true') await drawer.click();
      }
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learners' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Learners' })).toBeVisible();
      // At 820 px the drawer closes as the page opens: the journey goes on once it has slid shut, as the eye would.
      if (viewport.width < 960) {
        // A drawer sliding shut lets a tap through to the page at once, as a person tapping quickly expects.
        await expect(page.locator('.mat-drawer-backdrop')).toHaveCSS('pointer-events', 'none');
        await drawerShut(page);
      }
      await choose(page, 'Year group', 'Year 11');
      await choose(page, 'Rule', 'Benchmark 8: personal guidance by 16');
      await choose(page, 'Status', 'Not met yet');
      const rows = page.locator('enc-data-table tbody tr');
      await expect(rows.first()).toBeVisible();
      await expect(page.getByRole('cell', { name: /^(On track|At risk|Missed)$/ }).first()).toBeVisible();
      await expect(page.getByRole('cell', { name: 'Met', exact: true })).toHaveCount(0);
      await expectAccessible(page);
      await saveScreenshot(page, `learners-page-${viewport.name}`);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toContain('"Benchmark 8: personal guidance by 16: status","Status code"');
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.slice(1).every((line) => /"Year 11","11",/.test(line))).toBe(true);
      expect(
        lines.slice(1).every((line) => /"(On track|At risk|Missed)","(on_track|at_risk|missed)"$/.test(line)),
      ).toBe(true);

      // The encounter list filters by learner.
      await page.goto('/encounters');
      const filter = page.getByRole('combobox', { name: 'Learner', exact: true });
      await filter.fill(learner.upn);
      await page.getByRole('option', { name: new RegExp(learner.name) }).click();
      await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();
      await expectAccessible(page);
    });
  });
}
