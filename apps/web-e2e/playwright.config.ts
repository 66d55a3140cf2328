import { defineConfig, devices } from '@playwright/test';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a tool of the repository, not a library of the workspace
import { CHROMIUM_LAUNCH } from '../../tools/chromium.mjs';

export default defineConfig({
  testDir: 'src',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  // One retry in CI, where one animation race on a loaded machine would otherwise sink the whole run; the report
  // still names a journey that passed only on its retry as flaky.
  retries: process.env['CI'] ? 1 : 0,
  forbidOnly: true,
  reporter: 'list',
  // Each test is a whole journey of several pages with axe checks: minutes on a loaded 2-core machine, not seconds.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  globalSetup: './src/global-setup.ts',
  globalTeardown: './src/global-teardown.ts',
  use: {
    ...devices['Desktop Chrome'],
    // Set by the global set-up once the app answers on its free port.
    baseURL: process.env['E2E_BASE_URL'],
    // The trust's staff use British browsers: date fields read 22/11/2026.
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium, with the options the tools' scripts launch it with.
      ...CHROMIUM_LAUNCH,
      // Chromium formats native date fields in its own locale, not the page's: British too (needs the
      // chromium-l10n package, which .ci/run installs).
      env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB:en' },
      args: [...CHROMIUM_LAUNCH.args, '--disable-sync', '--disable-quic', '--lang=en-GB'],
    },
  },
});
