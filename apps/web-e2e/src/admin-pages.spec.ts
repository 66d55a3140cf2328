import { expect, test } from '@playwright/test';

import { choose, DEMO_USERS, expectAccessible, openSelect, saveScreenshot, signIn } from './journey-steps';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });

test.describe('the trust administrator', () => {
  test('manages users, academies, the policy and reads the audit log', async ({ page }) => {
    // Eight axe checks, each at two widths: took 1.1 min with six on a loaded two-core machine.
    test.setTimeout(240_000);
    // Unique, so that the journey also runs against a database it has run against before.
    const stamp = String(Date.now());
    const email = `p.shah.${stamp}@kilnside.example`;
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
    await openSelect(page, dialog.getByRole('combobox', { name: 'Academies' }));
    await page.getByRole('option', { name: 'Kilnside Academy' }).click();
    // A list of several choices stays open for more: Escape closes it, and the dialog stays.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await expect(dialog.getByRole('combobox', { name: 'Academies' })).toContainText('Kilnside Academy');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText('at least 12 characters long')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-user-dialog');
    await dialog.getByLabel('Password').fill('copper kettle lantern meadow');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('cell', { name: new RegExp(email.replace(/\./g, '\\.')) })).toBeVisible();

    // Editing a user: the same form, filled in with what they have.
    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByRole('button', { name: 'Edit Priya Shah' }).click();
    const editing = page.getByRole('dialog', { name: 'Edit Priya Shah' });
    await expect(editing.getByLabel('Name')).toHaveValue('Priya Shah');
    await expect(editing.getByRole('checkbox', { name: 'Careers adviser' })).toBeChecked();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-user-edit-dialog');
    await editing.getByRole('button', { name: 'Cancel' }).click();
    await expect(editing).toHaveCount(0);

    await row.getByRole('button', { name: 'Deactivate Priya Shah' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('will be signed out everywhere');
    await expectAccessible(page);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect(row.getByText('Deactivated')).toBeVisible();
    // The list is searchable: part of the email finds the one user (the part no earlier run's user shares).
    await page.getByRole('searchbox', { name: 'Find a user' }).fill(stamp);
    await expect(page.getByRole('row').filter({ hasText: '@' })).toHaveCount(1);

    await page.getByRole('tab', { name: 'Academies' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Academies' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Kilnside Academy', exact: true })).toBeVisible();
    // R-V-1: each academy's evaluation type; the demo's sixth-form college is judged as one.
    await expect(page.getByRole('columnheader', { name: 'Judged as' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Sixth-form college (post-16)' }).first()).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-academies');

    // Adding an academy: the dialog, sent empty, says what each field needs. Cancelled: the trust keeps its academies.
    await page.getByRole('button', { name: 'Add academy' }).click();
    const academy = page.getByRole('dialog', { name: 'New academy' });
    await expect(academy).toBeVisible();
    await academy.getByRole('button', { name: 'Add academy' }).click();
    await expect(academy.getByText("Enter the academy's name.")).toBeVisible();
    await expect(academy.getByText('Enter the six-digit URN.')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-academy-dialog');
    await academy.getByRole('button', { name: 'Cancel' }).click();
    await expect(academy).toHaveCount(0);

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
    await choose(page, 'What happened', 'User added');
    await expect(page.getByRole('cell', { name: /added the user Priya Shah/ }).first()).toBeVisible();
    await expect(page.getByText('user.create')).toHaveCount(0);
    // The policy's "saved" message (checked above at full strength) closes after 4 s: axe is not to catch it
    // half faded, when its contrast is briefly too low.
    await expect(page.locator('mat-snack-bar-container')).toHaveCount(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-audit');
  });
});
