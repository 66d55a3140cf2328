import { expect, test } from '@playwright/test';

import { choose, DEMO_USERS, encountersTitled, expectAccessible, signIn } from './journey-steps';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });

const TITLE = 'Trust-wide employer visit logged by the trust administrator';

test.describe('a trust administrator logs an encounter', () => {
  test('from the menu, as the API and the list page allow, for a class of an academy they choose', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, DEMO_USERS.admin);
    // A database the journey has run against before already holds its encounter: start without it.
    const academies = (await (await page.request.get('/api/academies')).json()) as {
      id: string;
      name: string;
    }[];
    const academyId = academies.find((academy) => academy.name === 'Kilnside Academy')?.id ?? '';
    expect(academyId).not.toBe('');
    const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
    for (const encounter of await encountersTitled(page, academyId, TITLE)) {
      await page.request.delete(`/api/encounters/${encounter.id}`, { headers: { 'X-XSRF-TOKEN': xsrf } });
    }

    await page.getByRole('link', { name: 'Log an encounter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log an encounter' })).toBeVisible();
    await choose(page, 'Academy', /Kilnside Academy/);
    await page.getByLabel('Title').fill(TITLE);
    await choose(page, 'Format', 'Group guidance');
    const search = page.getByTestId('organisation-search');
    await search.fill('Etruria');
    await page.getByRole('option', { name: /Etruria Engineering/ }).click();
    await page.getByRole('tab', { name: 'Class' }).click();
    await page.getByRole('button', { name: /^9A \(/ }).click();
    await expect(page.getByTestId('attendance-count')).toHaveText(/^[1-9]\d* attending, 0 absent$/);
    await expectAccessible(page);

    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/encounters') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Save encounter' }).click();
    // Group guidance by an adviser of unknown level, the checklist unticked: the form says why it will not
    // count before saving, and the administrator saves it anyway.
    const why = page.getByRole('alertdialog', { name: 'This encounter will not count in full' });
    await expect(why).toContainText('will not count as specialist careers advice');
    await expect(why).toContainText('the checklist is not complete');
    await expectAccessible(page);
    await why.getByRole('button', { name: 'Save encounter anyway' }).click();
    expect((await saved).status()).toBe(201);
    await expect(page).toHaveURL(/\/encounters/);
    const [created, ...others] = await encountersTitled(page, academyId, TITLE);
    expect(others).toEqual([]);
    const { id } = created;
    await expect(page.getByRole('link', { name: TITLE, exact: true })).toBeVisible();

    // Leave 9A as the careers lead's journey expects to find it.
    const removed = await page.request.delete(`/api/encounters/${id}`, { headers: { 'X-XSRF-TOKEN': xsrf } });
    expect(removed.status()).toBe(204);
  });
});
