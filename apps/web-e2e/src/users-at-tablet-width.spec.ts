import { expect, test } from '@playwright/test';

import { DEMO_USERS, expectAccessible, saveScreenshot, signIn } from './journey-steps';

test.use({ locale: 'en-GB' });

/**
 * Issue 18: at an iPad's width the users page's sticky actions covered "Last signed in" and "Status". At 1366
 * and at 820 px every column is now beside the others, none under the actions, and the buttons are on screen.
 */
test('users and roles: every column readable and the actions in view, at 1366 and 820 px', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_USERS.admin);
  for (const [size, screenshot] of [
    [{ width: 1366, height: 768 }, 'admin-users'],
    [{ width: 820, height: 1180 }, 'admin-users-tablet'],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto('/admin/users');
    await expect(page.getByRole('cell', { name: /careers@demo\.encounters/ })).toBeVisible();

    // The table fits its box: nothing to scroll sideways, so nothing hides behind the sticky actions.
    const wrap = page.locator('enc-data-table .table-wrap');
    const { scrollWidth, clientWidth } = await wrap.evaluate((box) => ({
      scrollWidth: box.scrollWidth,
      clientWidth: box.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);

    // Each heading ends before the actions begin, and the row's buttons are within the window.
    const row = page.getByRole('row').filter({ hasText: 'careers@demo.encounters' });
    const edit = row.getByRole('button', { name: 'Edit Casey Careers' });
    const deactivate = row.getByRole('button', { name: 'Deactivate Casey Careers' });
    const actionsLeft = Math.min(
      (await edit.boundingBox())?.x ?? 0,
      (await deactivate.boundingBox())?.x ?? 0,
    );
    for (const button of [edit, deactivate]) {
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(size.width);
    }
    const headers = page.getByRole('columnheader');
    const names = (await headers.allInnerTexts())
      .map((text) => text.trim())
      .filter((text) => text && text !== 'Actions');
    expect(names).toEqual(
      size.width < 1000
        ? ['Name', 'Roles', 'Academies', 'Status']
        : ['Name', 'Roles', 'Academies', 'Last signed in', 'Status'],
    );
    for (const name of names) {
      const box = await headers.filter({ hasText: name }).first().boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(actionsLeft + 1);
    }
    // At tablet width the last sign-in is still there, under the status.
    if (size.width < 1000) await expect(row).toContainText('Last signed in:');
    await expectAccessible(page);
    await saveScreenshot(page, screenshot);
  }
});
