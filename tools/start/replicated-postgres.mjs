// Two PostgreSQL servers in streaming replication, from the embedded binaries, on loopback ports: a primary
// (initdb) and replicas made from a copy of its folder. For the replication test and the hub bench,
// which need to stop and start each server themselves. As root, both run as the `postgres` user.
import { spawn } from 'node:child_process';
import { appendFile, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  ensureDatabase,
  freePort,
  packagedNativeDir,
  postgresUser,
  reachableBinaries,
  runBinary,
  serverReady,
} from './embedded-postgres.mjs';

const USER = 'postgres';
// Loopback only, and the folders are deleted afterwards: a fixed password is no exposure.
const PASSWORD = 'encounters-replication';

const run = (binary, args, owner) =>
  runBinary(binary, args, {
    owner,
    describeFailure: (output, code) => `${binary} failed (${code}): ${output.trim()}`,
  });

/** One server on `port` over `dataDir`, started and stopped at will; resolves when it accepts connections. */
function server({ binaries, dataDir, port, owner, flags }) {
  let child;
  let exited;
  return {
    port,
    /** The postmaster's process id while it runs (its backends are its children). */
    get pid() {
      return this.running ? child.pid : undefined;
    },
    get running() {
      return Boolean(child && child.exitCode === null && child.signalCode === null);
    },
    async start() {
      child = spawn(
        join(binaries, 'bin', 'postgres'),
        [
          '-D',
          dataDir,
          '-p',
          String(port),
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          '-c',
          'fsync=off',
          ...flags,
        ],
        {
          ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
          cwd: '/',
          env: { ...process.env, LC_MESSAGES: 'C' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      exited = new Promise((resolve) => child.once('exit', resolve));
      await serverReady(child, (output) => `PostgreSQL on port ${port} stopped: ${output.trim()}`);
    },
    /** A fast shutdown (SIGINT): sessions are ended, committed work is kept. */
    async stop() {
      if (this.running) {
        child.kill('SIGINT');
        await exited;
      }
    },
  };
}

/**
 * Starts a primary and `replicas` streaming replicas of it. Returns their URLs (database `database`),
 * the servers (each with start() and stop()) and `remove()`, which stops both and deletes their folders.
 */
export async function startReplicatedPostgres({ database = 'encounters', replicas = 1 } = {}) {
  const owner = userInfo().uid === 0 ? postgresUser() : null;
  const nativeDir = await packagedNativeDir();
  const binaries = owner ? await reachableBinaries(nativeDir, '/var/lib/encounters', owner) : nativeDir;
  const root = await mkdtemp(join(tmpdir(), 'encounters-replication-'));
  if (owner) await chown(root, owner.uid, owner.gid);
  const servers = [];
  const remove = async () => {
    for (const running of servers.reverse()) await running.stop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    const primaryDir = join(root, 'primary');
    const passwordFile = join(root, 'password');
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (owner) await chown(passwordFile, owner.uid, owner.gid);
    await run(
      join(binaries, 'bin', 'initdb'),
      [`--pgdata=${primaryDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`],
      owner,
    );
    // Each server's port is free now and none other's: the primary's is free again while it is stopped for
    // the replicas' copies, and a port just freed may well be the next one the system hands out.
    const taken = new Set();
    const portOfItsOwn = async () => {
      let port = await freePort();
      while (taken.has(port)) port = await freePort();
      taken.add(port);
      return port;
    };
    const primary = server({
      binaries,
      dataDir: primaryDir,
      port: await portOfItsOwn(),
      owner,
      // Enough WAL kept for a replica stopped for a while to catch up without a new base backup.
      flags: ['-c', 'wal_level=replica', '-c', 'max_wal_senders=10', '-c', 'wal_keep_size=512MB'],
    });
    servers.push(primary);
    await primary.start();
    const base = `postgres://${USER}:${PASSWORD}@127.0.0.1`;
    await ensureDatabase(`${base}:${primary.port}/postgres`, database);
    // The embedded binaries have no pg_basebackup: a copy of the cleanly stopped primary's folder is as good
    // a base (PostgreSQL's documented file-system-level backup), made a standby the way `pg_basebackup -R`
    // does it: standby.signal, and primary_conninfo in postgresql.auto.conf.
    await primary.stop();
    const replicaServers = [];
    for (let index = 0; index < replicas; index += 1) {
      const dataDir = join(root, `replica-${index + 1}`);
      await run('cp', ['-a', primaryDir, dataDir], owner);
      await rm(join(dataDir, 'postmaster.pid'), { force: true });
      await appendFile(
        join(dataDir, 'postgresql.auto.conf'),
        `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${USER} password=${PASSWORD} application_name=replica-${index + 1}'\n`,
      );
      await writeFile(join(dataDir, 'standby.signal'), '');
      if (owner) await chown(join(dataDir, 'standby.signal'), owner.uid, owner.gid);
      const replica = server({
        binaries,
        dataDir,
        port: await portOfItsOwn(),
        owner,
        flags: ['-c', 'hot_standby=on', '-c', 'wal_receiver_status_interval=1s'],
      });
      servers.push(replica);
      replicaServers.push(replica);
    }
    await primary.start();
    for (const replica of replicaServers) await replica.start();
    return {
      primary,
      replicas: replicaServers,
      primaryUrl: `${base}:${primary.port}/${database}`,
      replicaUrls: replicaServers.map((replica) => `${base}:${replica.port}/${database}`),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Resolves when every row the primary has written is replayed on the replica at `replicaUrl`. */
export async function waitForReplay(primaryUrl, replicaUrl, timeoutMs = 20_000) {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await primary.connect();
  await replica.connect();
  try {
    const {
      rows: [{ lsn }],
    } = await primary.query('SELECT pg_current_wal_lsn()::text AS lsn');
    for (const started = Date.now(); Date.now() - started < timeoutMs;) {
      const {
        rows: [{ caught }],
      } = await replica.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught', [lsn]);
      if (caught) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('The replica did not catch up with the primary in time.');
  } finally {
    await primary.end();
    await replica.end();
  }
}

/**
 * Run as a script, for tests that cannot import ES modules: starts the servers, prints their URLs as one JSON
 * line, then takes one command a line on standard input (`stop primary`, `start replica-1`…), answering
 * `done <command>` or `failed <command>: <reason>`. At the end of input it stops both and deletes their folders.
 */
async function serve() {
  const pair = await startReplicatedPostgres({ replicas: Number(process.argv[2] ?? 1) });
  const byName = { primary: pair.primary };
  pair.replicas.forEach((replica, index) => (byName[`replica-${index + 1}`] = replica));
  process.stdout.write(`${JSON.stringify({ primaryUrl: pair.primaryUrl, replicaUrls: pair.replicaUrls })}\n`);
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: process.stdin })) {
    const [action, name] = line.trim().split(/\s+/);
    try {
      if (!byName[name] || !['stop', 'start'].includes(action)) throw new Error('unknown command');
      await byName[name][action]();
      process.stdout.write(`done ${line.trim()}\n`);
    } catch (error) {
      process.stdout.write(`failed ${line.trim()}: ${error.message}\n`);
    }
  }
  await pair.remove();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
