import { stopApp } from './app-under-test';
import { runningApp, setRunningApp } from './running-app';

export default async function globalTeardown(): Promise<void> {
  const app = runningApp();
  if (!app) return;
  await stopApp(app);
  setRunningApp(undefined);
}
