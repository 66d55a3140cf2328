// Gives each test run a fresh database: on the server in DATABASE_URL when set, otherwise on an embedded
// PostgreSQL in a temporary folder that is deleted afterwards.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, freePort, startEmbeddedPostgres } from '../../../tools/start/embedded-postgres.mjs';

export default async function globalSetup() {
  const database = `encounters_test_${process.pid}_${Date.now()}`;
  let adminUrl;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'encounters-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    globalThis.__embeddedPostgres = embedded;
    adminUrl = `${embedded.baseUrl}/postgres`;
  }
  await ensureDatabase(adminUrl, database);
  const testUrl = new URL(adminUrl);
  testUrl.pathname = `/${database}`;
  process.env.TEST_DATABASE_URL = testUrl.toString();
  globalThis.__testDatabase = { adminUrl, database };
}
