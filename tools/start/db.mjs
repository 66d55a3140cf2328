// `npm run db:migrate`, `db:seed`, `user:create` and `db:generate`: runs the API's command line against
// DATABASE_URL, or against the embedded PostgreSQL that `npm start` uses when DATABASE_URL is unset.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectDatabase } from './embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

if (!existsSync('dist/apps/api/cli.js') || process.env.SKIP_BUILD !== 'true') {
  const built = spawnSync('npx', ['nx', 'build', 'api', '--output-style=static'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
  if (built.status !== 0) fail('The API build failed; run `npx nx build api` to see why.');
}

const env = { ...process.env };
const embedded = await projectDatabase(env, { root }).catch((error) => fail(error.message));

const cli = spawn(
  process.execPath,
  ['--enable-source-maps', 'dist/apps/api/cli.js', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env,
  },
);
cli.on('exit', async (code) => {
  await embedded?.stop().catch(() => undefined);
  process.exit(code ?? 1);
});
