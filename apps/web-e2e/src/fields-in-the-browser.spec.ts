import { expect, Page, test } from '@playwright/test';

import {
  choose,
  DEMO_USERS,
  encountersTitled,
  expectAccessible,
  openSelect,
  saveScreenshot,
  signIn,
} from './journey-steps';

/**
 * The fields of the 2025 revision that only unit tests had tried (issue 18): a learner's part-time job, the
 * planned note and "Offered to" on the encounter form, one learner's hours in the attendance editor, and an
 * academy's evaluation type. Each is used as a person would, in Chromium, and checked by axe.
 */
test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });

/** An ISO date this many days from today (London time is close enough a week away). */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function myAcademy(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json();
  return me.academies[0].id as string;
}

test.describe('fields never tried in a browser before', () => {
  test('a learner’s part-time job: the dialog refuses an end before the start, then adds the job', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const EMPLOYER = `Burslem Bakery ${Date.now()}`;
    await signIn(page, DEMO_USERS.careersLead);
    const academyId = await myAcademy(page);
    const learners = await (
      await page.request.get(`/api/learners?academyId=${academyId}&yearGroup=11&pageSize=1`)
    ).json();
    const learner = learners.items[0] as { id: string; name: string };
    await page.goto(`/learners/${learner.id}`);
    const card = page.getByRole('region', { name: 'Part-time jobs' });
    await card.getByRole('button', { name: 'Add a part-time job' }).click();

    const dialog = page.getByRole('dialog', { name: 'Add a part-time job' });
    await expect(dialog).toContainText(`For ${learner.name}.`);
    await dialog.getByLabel('Employer').fill(EMPLOYER);
    await openSelect(page, dialog.getByRole('combobox', { name: 'Sector (optional)' }));
    await page.getByRole('option').nth(2).click();
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await dialog.getByLabel('Hours a week').fill('6');
    await dialog.getByLabel('From').fill(daysFromToday(-20));
    const to = dialog.getByLabel('To (optional)');
    await to.fill(daysFromToday(-40));
    await dialog.getByRole('button', { name: 'Add job' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('The end date must be on or after the start.');
    // The end date itself is marked invalid, with the message as its description; the start is not at fault.
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(to).toHaveAccessibleDescription('The end date must be on or after the start.');
    await expect(dialog.getByLabel('From')).toHaveAttribute('aria-invalid', 'false');
    await expectAccessible(page);
    await saveScreenshot(page, 'part-time-job-dialog');

    // Still held: no end date.
    await to.fill('');
    await expect(to).toHaveAttribute('aria-invalid', 'false');
    await dialog.getByRole('button', { name: 'Add job' }).click();
    await expect(dialog).toHaveCount(0);
    const job = card.getByRole('listitem').filter({ hasText: EMPLOYER });
    await expect(job).toContainText('6 hours a week');
    await expect(job).toContainText('(still held)');
    await expectAccessible(page);

    // Left as it was found: the job removed again.
    await job.getByRole('button', { name: `Delete ${EMPLOYER}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete job' }).click();
    await expect(card.getByRole('listitem').filter({ hasText: EMPLOYER })).toHaveCount(0);
  });

  test('a planned placement: the planned note, "Offered to", and one learner’s hours changed', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const TITLE = `Planned placement ${Date.now()}`;
    await signIn(page, DEMO_USERS.careersLead);
    await page.goto('/log-encounter');
    await page.getByLabel('Title').fill(TITLE);
    await choose(page, 'Format', 'Work experience');
    await page.getByLabel('Days of work experience').fill('2');
    // Next week: planned, its hours count once it has happened.
    await page.locator('#encounter-date').fill(daysFromToday(7));
    await expect(page.getByRole('status').filter({ hasText: 'Planned:' })).toContainText(
      'this date is in the future',
    );
    await page.getByTestId('organisation-search').fill('Etru');
    await page.getByRole('option', { name: /Etruria Engineering/ }).click();
    await page.getByRole('button', { name: 'Tick all' }).click();
    await page.getByRole('tab', { name: 'Class' }).click();
    await page
      .getByRole('button', { name: /^10\w* \(/ })
      .first()
      .click();
    await expect(page.getByTestId('attendance-count')).toHaveText(/^\d+ attending, 0 absent$/);

    // "Offered to" follows the learners picked (Year 10), and takes another year group by hand.
    const offered = page.getByRole('group', { name: 'Offered to' });
    await expect(offered.getByRole('checkbox', { name: 'Year 10' })).toBeChecked();
    await expect(offered.getByRole('checkbox', { name: 'Year 11' })).not.toBeChecked();
    await offered.getByRole('checkbox', { name: 'Year 11' }).check();
    await expect(offered.getByRole('checkbox', { name: 'Year 11' })).toBeChecked();
    await expectAccessible(page);
    await saveScreenshot(page, 'log-encounter-planned-offered-to');

    const posted = page.waitForResponse(
      (response) => response.url().endsWith('/api/encounters') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Save encounter' }).click();
    // A planned encounter may be saved with a word on why it does not count yet.
    const notYet = page.getByRole('dialog', { name: 'This encounter will not count in full' });
    await Promise.race([posted, notYet.waitFor()]);
    if (await notYet.isVisible()) {
      await expectAccessible(page);
      await notYet.getByRole('button', { name: 'Save encounter anyway' }).click();
    }
    expect((await posted).status()).toBe(201);
    await expect(page).toHaveURL(/\/encounters/);
    const [created, ...others] = await encountersTitled(page, await myAcademy(page), TITLE);
    expect(others).toEqual([]);
    expect(created.offeredTo).toEqual([10, 11]);

    // The attendance editor: one learner's own hours (left at noon on the second day).
    await page.goto(`/encounters/${created.id}`);
    const first = page.locator('.learner-list li').first();
    const hours = first.getByRole('spinbutton', { name: /: hours \(empty for the default/ });
    await expect(hours).toBeVisible();
    await hours.fill('99');
    await hours.press('Tab');
    await expect(hours).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
      'Correct the hours marked',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'attendance-hours-invalid');

    await hours.fill('9');
    await hours.press('Tab');
    await expect(hours).toHaveAttribute('aria-invalid', 'false');
    const patched = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/encounters/${created.id}`) && response.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'Save changes' }).click();
    const saved = await patched;
    expect(saved.status()).toBe(200);
    const held = await (await page.request.get(`/api/encounters/${created.id}`)).json();
    expect(held.attendance.filter((item: { hours: number | null }) => item.hours === 9)).toHaveLength(1);

    // Left as it was found.
    const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
    await page.request.delete(`/api/encounters/${created.id}`, { headers: { 'X-XSRF-TOKEN': xsrf } });
  });

  test('an academy’s evaluation type, chosen in the academy dialog', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, DEMO_USERS.admin);
    await page.goto('/admin/academies');
    await page.getByRole('button', { name: 'Edit Kilnside Academy', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Kilnside Academy' });
    const judgedAs = dialog.getByRole('combobox', { name: 'Judged as' });
    await expect(judgedAs).toContainText('School');
    // The dialog is still opening: the list is opened once it stands still.
    await openSelect(page, judgedAs);
    await expect(page.getByRole('option', { name: 'Sixth-form college (post-16)' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('option', { name: 'Sixth-form college (post-16)' }).click();
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await expect(judgedAs).toContainText('Sixth-form college (post-16)');
    await expect(dialog).toContainText('judged by the programme rules');
    await expectAccessible(page);
    await saveScreenshot(page, 'academy-dialog-judged-as');

    // Saved, shown in the list, then put back: the demo's secondary academy is judged as a school.
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toHaveCount(0);
    const row = page.getByRole('row').filter({ hasText: 'Kilnside Academy' }).first();
    await expect(row).toContainText('Sixth-form college (post-16)');
    await page.getByRole('button', { name: 'Edit Kilnside Academy', exact: true }).click();
    await choose(page, 'Judged as', 'School');
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(row).toContainText('School');
  });
});
