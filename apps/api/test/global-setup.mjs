// Gives each test run a fresh database: on the server in DATABASE_URL when set, otherwise on an embedded
// PostgreSQL in a temporary folder that is deleted afterwards.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, freePort, startEmbeddedPostgres } from '../../../tools/start/embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The HTTP tests run with a web app served, as in production: the built one (`npm run build`, which CI runs
 * first) when present, otherwise a small stand-in single-page app in a temporary folder.
 */
async function webAppFolder() {
  const built = join(root, 'dist/apps/web/browser');
  if (existsSync(join(built, 'index.html'))) return built;
  const folder = await mkdtemp(join(tmpdir(), 'encounters-test-web-'));
  await mkdir(join(folder, 'assets'));
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><html lang="en-GB"><head><title>Encounters</title></head><body><app-root></app-root></body></html>\n',
  );
  await writeFile(join(folder, 'assets/app.js'), 'document.title = "Encounters";\n');
  globalThis.__standInWebApp = folder;
  return folder;
}

export default async function globalSetup() {
  process.env.TEST_WEB_DIST = await webAppFolder();
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
