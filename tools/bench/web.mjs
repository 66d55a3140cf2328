// `npm run bench:web`: the web app's performance targets (issue 7). Reads the production build for the
// initial JavaScript (gzipped) and where Chart.js lives, then starts the app on a fresh demo database and
// measures, in Debian's Chromium, how long a teacher's class view of about 30 learners takes from the click
// to its rows on screen.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort } from '../start/embedded-postgres.mjs';
import { exitWith } from './verdict.mjs';
import { median, root } from './shared.mjs';
import { CHROMIUM_LAUNCH } from '../chromium.mjs';

const browserDir = join(root, 'dist/apps/web/browser');
const TEACHER = { email: 'teacher@demo.encounters', password: 'grey-kiln-robin-2025' };
const ROUNDS = 7;

if (!process.argv.includes('--skip-build')) {
  const built = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (built.status !== 0) throw new Error('The build failed.');
}

// Initial JavaScript: the scripts index.html loads, and the modules it preloads.
const index = readFileSync(join(browserDir, 'index.html'), 'utf8');
const initial = [...index.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1]);
const kB = (bytes) => bytes / 1024;
const initialRaw = initial.reduce((sum, file) => sum + readFileSync(join(browserDir, file)).length, 0);
const initialGzip = initial.reduce(
  (sum, file) => sum + gzipSync(readFileSync(join(browserDir, file))).length,
  0,
);
// Chart.js is minified beyond recognition but keeps the name of its `registerables` export.
const chunks = readdirSync(browserDir).filter((file) => file.endsWith('.js'));
const chartChunks = chunks.filter((file) =>
  readFileSync(join(browserDir, file), 'utf8').includes('registerables'),
);

// The app, as `npm start` runs it, on free ports and a throw-away embedded database.
const dataDir = await mkdtemp(join(tmpdir(), 'encounters-bench-web-'));
const port = await freePort();
const app = spawn(process.execPath, ['tools/start/start.mjs'], {
  cwd: root,
  env: {
    ...process.env,
    DATABASE_URL: '',
    SKIP_BUILD: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    ENCOUNTERS_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const baseUrl = `http://127.0.0.1:${port}`;
const rows = [];
try {
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // Not yet.
    }
    if (attempt > 900) throw new Error('The app did not start.');
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await browser.newPage({ baseURL: baseUrl, locale: 'en-GB' });
  const chartRequests = [];
  page.on('request', (request) => {
    const file = request.url().split('/').pop();
    if (chartChunks.includes(file)) chartRequests.push(page.url());
  });
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(TEACHER.email);
  await page.getByLabel('Password').fill(TEACHER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/classes/);
  const times = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await page.goto('/classes');
    const link = page
      .getByRole('navigation', { name: 'Your classes' })
      .getByRole('link')
      .filter({ hasText: '11B' });
    await link.waitFor();
    const started = performance.now();
    await link.click();
    await page.locator('table.class-table tbody tr').nth(19).waitFor();
    times.push(performance.now() - started);
  }
  const learners = await page.locator('table.class-table tbody tr').count();
  await browser.close();
  rows.push([
    'initial JavaScript, gzipped',
    `${kB(initialGzip).toFixed(1)} kB (${kB(initialRaw).toFixed(1)} kB raw, ${initial.length} files)`,
    '≤ 400 kB',
    kB(initialGzip) <= 400,
  ]);
  rows.push([
    'Chart.js chunk kept out of the initial load',
    chartChunks.join(', ') || 'none found',
    'lazy',
    chartChunks.length > 0 && !chartChunks.some((chunk) => initial.includes(chunk)),
  ]);
  rows.push([
    'Chart.js fetched on the teacher journey',
    chartRequests.length ? 'yes' : 'no',
    'no',
    chartRequests.length === 0,
  ]);
  rows.push([
    `class view of ${learners} learners: click to rows, median of ${ROUNDS}`,
    `${median(times).toFixed(0)} ms`,
    '≤ 1000 ms',
    median(times) <= 1000,
  ]);
} finally {
  app.kill('SIGTERM');
  await new Promise((resolveExit) => (app.exitCode !== null ? resolveExit() : app.once('exit', resolveExit)));
  await rm(dataDir, { recursive: true, force: true });
}
console.log(`\nEncounters web benchmark, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| metric | value | target | ok |\n|---|---|---|---|');
for (const [metric, value, target, ok] of rows)
  console.log(`| ${metric} | ${value} | ${target} | ${ok ? 'yes' : 'NO'} |`);
// Explicitly: embedded-postgres's exit hook would otherwise turn any exit code into 0 (see verdict.mjs).
exitWith(rows.some((row) => !row[3]) ? 1 : 0);
