import { APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { DEMO_USERS, expectAccessible, saveScreenshot, signIn } from './journey-steps';

const TEACHER = DEMO_USERS.teacher;
const LEADER = DEMO_USERS.leader;

test.use({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });

/** A class of another academy than the teacher's, found as the trust leader through the API. */
async function anotherAcademysClass(baseURL: string): Promise<{ id: string; name: string }> {
  const api: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  try {
    expect((await api.post('/api/auth/login', { data: LEADER })).ok()).toBe(true);
    const academies: { id: string; name: string }[] = await (await api.get('/api/academies')).json();
    const burslem = academies.find((academy) => academy.name === 'Burslem Vale Academy');
    if (!burslem) throw new Error('The demo trust has no Burslem Vale Academy');
    const groups: { id: string; name: string }[] = await (
      await api.get(`/api/groups?academyId=${burslem.id}`)
    ).json();
    return groups[0];
  } finally {
    await api.dispose();
  }
}

test.describe('a teacher', () => {
  // A whole journey with an accessibility scan of every page (and, for leadership, two report files).
  test.describe.configure({ timeout: 120_000 });

  test('opens their class, sees the gaps first, opens a learner, and cannot reach another academy’s class', async ({
    page,
    baseURL,
  }) => {
    // In demo mode the sign-in page lists the demo users with their passwords; "Use" fills the form.
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Demo users' })).toBeVisible();
    await expect(page.getByText(TEACHER.password)).toBeVisible();
    await page.getByRole('button', { name: 'Fill in the form as Morgan Tutor, Teacher' }).click();
    await expect(page.getByLabel('Email address')).toHaveValue(TEACHER.email);
    await expect(page.getByLabel('Password')).toHaveValue(TEACHER.password);
    await expectAccessible(page);
    await signIn(page, TEACHER);

    // A teacher's home is their classes, and the menu offers those and the learners of them only.
    await expect(page).toHaveURL(/\/classes$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
      'My classes',
      'Learners',
      'Destinations',
    ]);
    const classes = page.getByRole('navigation', { name: 'Your classes' }).getByRole('link');
    await expect(classes).toHaveCount(2);
    await expectAccessible(page);

    // The class view (its speed is measured by `npm run bench:web`, not asserted here).
    await classes.filter({ hasText: '11B' }).click();
    const rows = page.locator('table.class-table tbody tr');
    await expect(rows.first()).toBeVisible();
    const learnerCount = await rows.count();
    expect(learnerCount).toBeGreaterThan(20);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('11B: who still needs what');

    // Register order first (the Learner column says so), then sorted by any column from its heading: with
    // "Still to meet", the counts never go up down the table.
    const heading = (name: string) => page.locator('table.class-table thead th', { hasText: name });
    await expect(heading('Learner')).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('button', { name: 'Still to meet' }).click();
    await expect(heading('Still to meet')).toHaveAttribute('aria-sort', 'descending');
    await expect(heading('Learner')).not.toHaveAttribute('aria-sort', /.*/);
    const stillToMeet = (await rows.locator('td.number').allTextContents()).map(Number);
    expect(stillToMeet).toEqual([...stillToMeet].sort((a, b) => b - a));
    // Every status says what it is in words.
    await expect(rows.first().locator('enc-status-chip').first()).toHaveText(
      /Met|On track|At risk|Missed|n\/a/,
    );
    await saveScreenshot(page, 'teacher-class-coverage');
    await expectAccessible(page);

    // Only the learners who need something this term: as many as the summary above the table says (or the one
    // line saying there are none). The rows are counted once the table has redrawn, not straight after the click.
    const onlyThisTerm = page.getByRole('switch', { name: 'Only learners who need something this term' });
    const needing = Number(await page.locator('.summary p strong').nth(1).textContent());
    expect(needing).toBeLessThanOrEqual(learnerCount);
    await onlyThisTerm.click();
    await expect(onlyThisTerm).toBeChecked();
    await expect(rows).toHaveCount(Math.max(needing, 1));
    if (needing > 0) {
      await expect(rows.first().locator('enc-status-chip', { hasText: 'At risk' }).first()).toBeVisible();
    } else {
      await expect(rows.first()).toContainText('No learner in this class has a rule at risk this term.');
    }
    await onlyThisTerm.click();
    await expect(onlyThisTerm).not.toBeChecked();
    await expect(rows).toHaveCount(learnerCount);

    // The first learner's record.
    const firstLearner = rows.first().getByRole('link');
    const name = (await firstLearner.textContent())?.trim() ?? '';
    await firstLearner.click();
    await expect(page).toHaveURL(/\/learners\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByText('UPN')).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Rules: where/ })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Timeline of encounters and guidance meetings' }),
    ).toBeVisible();
    // Teachers may not read guidance notes nor record meetings.
    await expect(page.getByRole('button', { name: 'Record a guidance meeting' })).toHaveCount(0);
    await expect(page.getByText('Summary:')).toHaveCount(0);
    await saveScreenshot(page, 'teacher-learner-record');
    await expectAccessible(page);

    // Another academy's class, typed into the address bar: not found, and none of its learners shown.
    const otherClass = await anotherAcademysClass(baseURL ?? '');
    await page.goto(`/classes/${otherClass.id}`);
    await expect(page.getByRole('alert')).toContainText(
      'This class was not found, or it is not one you can see.',
    );
    await expect(page.locator('table.class-table')).toHaveCount(0);
    await saveScreenshot(page, 'teacher-other-class-not-found');
    await expectAccessible(page);

    // An address with no page at all: said so, with a way back.
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'go to the dashboard' })).toBeVisible();
    await expectAccessible(page);
  });
});
