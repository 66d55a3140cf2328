// Screenshots of the README tour's newer screens, at a desktop's width and an iPad's (820 px), taken from a
// running demo trust: `npm start`, then `node tools/screenshots/tour.mjs [http://localhost:3000]`.
// Writes docs/screenshots/<name>.png and <name>-tablet.png. Debian's Chromium, no network beyond loopback.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const base = process.argv[2] ?? 'http://localhost:3000';
const out = join(root, 'docs/screenshots');
const WIDTHS = { '': { width: 1366, height: 768 }, '-tablet': { width: 820, height: 1180 } };
const USERS = {
  admin: { email: 'admin@demo.encounters', password: 'blue-kiln-falcon-2025' },
  careersLead: { email: 'careers@demo.encounters', password: 'amber-kiln-heron-2025' },
};

async function api(path, init = {}, token) {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

async function shoot(page, name) {
  await page.waitForLoadState('networkidle');
  const height = await page.evaluate(() => {
    const content = document.querySelector('mat-sidenav-content');
    return Math.max(content?.scrollHeight ?? 0, document.documentElement.scrollHeight);
  });
  const size = page.viewportSize();
  await page.setViewportSize({
    width: size.width,
    height: Math.min(Math.max(height + 40, size.height), 4000),
  });
  await page.screenshot({ path: join(out, `${name}.png`) });
  await page.setViewportSize(size);
  process.stdout.write(`  ${name}.png\n`);
}

async function signIn(page, user) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

await mkdir(out, { recursive: true });
const { token } = await api('/api/auth/token', { method: 'POST', body: JSON.stringify(USERS.admin) });
const provider = await api(
  '/api/auth/providers',
  {
    method: 'POST',
    body: JSON.stringify({
      label: 'Kilnside staff (Microsoft 365)',
      kind: 'microsoft',
      tenantIds: ['00000000-0000-4000-8000-000000000001'],
      clientId: 'encounters-demo',
      clientSecret: 'not-a-real-secret-for-screenshots',
      enabled: true,
    }),
  },
  token,
).catch((error) => {
  process.stderr.write(`No provider for the sign-in screenshot: ${error.message}\n`);
  return undefined;
});

const browser = await chromium.launch({
  ...CHROMIUM_LAUNCH,
  args: [...CHROMIUM_LAUNCH.args, '--lang=en-GB'],
});
try {
  for (const [suffix, viewport] of Object.entries(WIDTHS)) {
    process.stdout.write(`${viewport.width} px\n`);
    const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('heading', { name: /Sign in/ }).waitFor();
    await shoot(page, `sign-in-school-account${suffix}`);

    await signIn(page, USERS.admin);
    await page.goto(`${base}/admin/sign-in`);
    await page.getByRole('heading', { name: 'School accounts' }).waitFor();
    await shoot(page, `admin-sign-in${suffix}`);
    await page.goto(`${base}/account/second-factor`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shoot(page, `second-factor${suffix}`);
    await context.clearCookies();

    await signIn(page, USERS.careersLead);
    // A careers lead opening an organisation other academies use: only its contact details are open.
    await page.goto(`${base}/organisations`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page
      .getByRole('row', { name: /Stoke and Staffordshire College/ })
      .getByRole('button', { name: /Edit/ })
      .click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(500);
    await shoot(page, `organisation-shared${suffix}`);
    await page.keyboard.press('Escape');

    await page.goto(`${base}/roster-import`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles(join(root, 'apps/api/test/fixtures/mis/sims-excel-comma-delimited.csv'));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('2. Check what would change').waitFor();
    await shoot(page, `roster-import-mis${suffix}`);
    await context.close();
  }
} finally {
  await browser.close();
  if (provider?.id)
    await api(`/api/auth/providers/${provider.id}`, { method: 'DELETE' }, token).catch(() => undefined);
}
