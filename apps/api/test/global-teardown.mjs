import { rm } from 'node:fs/promises';
import { dropDatabase } from '../../../tools/start/embedded-postgres.mjs';

export default async function globalTeardown() {
  const { adminUrl, database } = globalThis.__testDatabase ?? {};
  if (adminUrl) await dropDatabase(adminUrl, database).catch(() => undefined);
  await globalThis.__embeddedPostgres?.stop();
  if (globalThis.__standInWebApp) await rm(globalThis.__standInWebApp, { recursive: true, force: true });
}
