import { upnCheckLetter } from '@encounters/domain';
import { expect, test } from '@playwright/test';

import { DEMO_USERS, expectAccessible, openSelect, saveScreenshot, signIn } from './journey-steps';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });

function upn(serial: string): string {
  const body = `8880000${serial}`;
  return `${upnCheckLetter(body)}${body}`;
}

/** Two good rows for new learners and, on line 4, a date of birth that does not exist. */
const csv = [
  'UPN,Legal Surname,Legal Forename,DOB,Gender,Year,Reg Group',
  `${upn('00001')},Quillfeather,Maisie,14/03/2014,F,Year 8,8A`,
  `${upn('00002')},Quillfeather,Oscar,02/11/2013,M,Year 8,8B`,
  `${upn('00003')},Quillfeather,Rosa,31/02/2014,F,Year 8,8C`,
].join('\r\n');

test.describe('a careers lead imports the roster', () => {
  test('a file with one bad row shows the line, column and reason, and commits nothing', async ({ page }) => {
    await signIn(page, DEMO_USERS.careersLead);
    const before = await (await page.request.get('/api/learners?q=Quillfeather')).json();
    expect(before.total).toBe(0);

    await page.getByRole('link', { name: 'Roster import' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Roster import' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Academy' })).toContainText('Kilnside Academy');
    await expectAccessible(page);

    await page.getByLabel('CSV file').setInputFiles({
      name: 'kilnside-sims-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Check file' }).click();

    await expect(page.getByTestId('count-created')).toHaveText('2');
    await expect(page.getByTestId('count-rejected')).toHaveText('1');
    const errors = page.getByRole('table', { name: 'Rows with errors' });
    const badRow = errors.getByRole('row').nth(1);
    await expect(badRow.getByRole('cell').nth(0)).toHaveText('4');
    await expect(badRow.getByRole('cell').nth(1)).toHaveText('DOB');
    await expect(badRow.getByRole('cell').nth(2)).toHaveText('31/02/2014');
    await expect(badRow.getByRole('cell').nth(3)).not.toBeEmpty();
    await expect(page.getByRole('button', { name: 'Import learners' })).toBeDisabled();
    await expectAccessible(page);
    await saveScreenshot(page, 'roster-import-preview');

    // Even asked directly, the API refuses to commit a file with a bad row, and writes nothing.
    const refused = await page.request.post(
      `/api/academies/${(await (await page.request.get('/api/auth/me')).json()).academies[0].id}/roster?academicYear=${await selectedYear(page)}&dryRun=false`,
      {
        multipart: { file: { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') } },
        headers: { 'X-XSRF-TOKEN': await xsrfToken(page) },
      },
    );
    expect(refused.status()).toBe(422);
    const after = await (await page.request.get('/api/learners?q=Quillfeather')).json();
    expect(after.total).toBe(0);

    // Another year picked: the preview goes, so an old answer can never be committed by mistake.
    await openSelect(page, page.getByRole('combobox', { name: 'Academic year' }));
    await page.getByRole('option', { selected: false }).first().click();
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await expect(page.getByTestId('count-created')).toHaveCount(0);
  });
});

async function selectedYear(page: import('@playwright/test').Page): Promise<string> {
  const label = (await page.getByRole('combobox', { name: 'Academic year' }).textContent())?.trim() ?? '';
  return label.slice(0, 4);
}

async function xsrfToken(page: import('@playwright/test').Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
}
