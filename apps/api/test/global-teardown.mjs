import { dropDatabase } from '../../../tools/start/embedded-postgres.mjs';

export default async function globalTeardown() {
  const { adminUrl, database } = globalThis.__testDatabase ?? {};
  if (adminUrl) await dropDatabase(adminUrl, database).catch(() => undefined);
  await globalThis.__embeddedPostgres?.stop();
}
