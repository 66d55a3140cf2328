import { startApp } from './app-under-test';
import { setRunningApp } from './running-app';

export default async function globalSetup(): Promise<void> {
  const app = await startApp();
  setRunningApp(app);
  // The test workers inherit the runner's environment; playwright.config.ts reads the base URL from it.
  process.env['E2E_BASE_URL'] = app.baseUrl;
}
