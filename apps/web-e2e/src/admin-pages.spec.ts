import { expect, test } from '@playwright/test';

import { DEMO_USERS, expectAccessible, saveScreenshot, signIn } from './journey-steps';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });

test.describe('the trust administrator', () => {
  test('manages users, academies, the policy and reads the audit log', async ({ page }) => {
    // Six axe checks, each at two widths: took 1.1 min on a loaded two-core machine.
    test.setTimeout(180_000);
    // Unique, so that the journey also runs against a database it has run against before.
    const email = `p.shah.${Date.now()}@kilnside.example`;
    await signIn(page, DEMO_USERS.admin);
    await page.getByRole('link', { name: 'Admin' }).click();

    await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /careers@demo\.encounters/ })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-users');

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    // The dialog focuses its first field once it has opened; typing before then can land in the wrong field.
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await dialog.getByLabel('Name').fill('Priya Shah');
    await dialog.getByLabel('Email address').fill(email);
    await dialog.getByLabel('Password').fill('short');
    await dialog.getByRole('checkbox', { name: 'Careers adviser' }).check();
    await dialog.getByRole('combobox', { name: 'Academies' }).click({ force: true });
    await page.getByRole('option', { name: 'Kilnside Academy' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText('at least 12 characters long')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-user-dialog');
    await dialog.getByLabel('Password').fill('copper kettle lantern meadow');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('cell', { name: new RegExp(email.replace(/\./g, '\\.')) })).toBeVisible();

    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByRole('button', { name: 'Deactivate Priya Shah' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('will be signed out everywhere');
    await expectAccessible(page);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect(row.getByText('Deactivated')).toBeVisible();
    // The list is searchable: part of the email finds the one user.
    await page.getByRole('searchbox', { name: 'Find a user' }).fill(email.slice(0, 12));
    await expect(page.getByRole('row').filter({ hasText: '@' })).toHaveCount(1);

    await page.getByRole('tab', { name: 'Academies' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Academies' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Kilnside Academy', exact: true })).toBeVisible();
    // R-V-1: each academy's evaluation type; the demo's sixth-form college is judged as one.
    await expect(page.getByRole('columnheader', { name: 'Judged as' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Sixth-form college (post-16)' }).first()).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-academies');

    await page.getByRole('tab', { name: 'Policy' }).click();
    await expect(page.getByRole('radio', { name: /Gatsby 2024/ })).toBeChecked();
    await page.getByLabel('Workplace experiences by 16 (B6)').fill('2');
    // The 2025 rule book's fields: the two weeks' worth and the virtual share.
    await expect(page.getByLabel('Placement hours in Years 10 and 11')).toHaveValue('25');
    await page.getByLabel('Activity hours in Years 7 to 9').fill('30');
    await expect(page.getByLabel('Virtual share of a target (%)')).toHaveValue('50');
    await page.getByRole('button', { name: /Save policy for/ }).click();
    await expect(page.getByText(/Policy for .* saved/)).toBeVisible();
    await expect(page.getByLabel('Activity hours in Years 7 to 9')).toHaveValue('30');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-policy');

    await page.getByRole('tab', { name: 'Audit log' }).click();
    // Entries read as sentences with names, and the action is picked from words, not typed as a code.
    await page.getByRole('combobox', { name: 'What happened' }).click();
    await page.getByRole('option', { name: 'User added' }).click();
    await expect(page.getByRole('cell', { name: /added the user Priya Shah/ }).first()).toBeVisible();
    await expect(page.getByText('user.create')).toHaveCount(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-audit');
  });
});
