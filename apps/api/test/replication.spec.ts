import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { ReplicaRouter } from '../src/database/replicas';
import { createInterface } from 'node:readline';
import { buildApi, freePort, REPOSITORY_ROOT, productionEnv } from './fresh-database';

/**
 * A primary and a streaming replica from the embedded binaries (tools/start/replicated-postgres.mjs, run as
 * a child process that takes commands), on free loopback ports of their own whatever DATABASE_URL says:
 * the test stops and starts each of them.
 */
interface Pair {
  primaryUrl: string;
  replicaUrls: string[];
  /** `stop primary`, `start replica-1`… resolving when done. */
  command(line: string): Promise<void>;
  remove(): Promise<void>;
}

async function startPair(): Promise<Pair> {
  const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'tools/start/replicated-postgres.mjs')], {
    cwd: REPOSITORY_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`The PostgreSQL pair stopped: ${errors}`);
    return line.value;
  };
  const urls = JSON.parse(await next()) as { primaryUrl: string; replicaUrls: string[] };
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    ...urls,
    async command(line) {
      child.stdin!.write(`${line}\n`);
      const answer = await next();
      if (answer !== `done ${line}`) throw new Error(answer);
    },
    async remove() {
      child.stdin!.end();
      await exited;
    },
  };
}

/** Resolves when the replica has replayed everything the primary has written so far. */
async function waitForReplay(pair: Pair): Promise<void> {
  const primary = new Client({ connectionString: pair.primaryUrl });
  const replica = new Client({ connectionString: pair.replicaUrls[0] });
  await primary.connect();
  await replica.connect();
  try {
    const { rows } = await primary.query('SELECT pg_current_wal_lsn()::text AS lsn');
    await until('the replica to replay', async () => {
      const answer = await replica.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught', [
        rows[0].lsn,
      ]);
      return answer.rows[0].caught === true;
    });
  } finally {
    await primary.end();
    await replica.end();
  }
}
interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

const EMAIL = 'replication.admin@test.encounters';
const METRICS_TOKEN = 'replication-metrics-token-1';
const PASSWORD = 'kestrel harbour lantern 4821';

/**
 * A browser-like client: keeps cookies (honouring Max-Age) and sends the CSRF header on writes; or, given
 * `keepsCookies` false, a script that sends its bearer token and no cookie.
 */
class Browser {
  private readonly cookies = new Map<string, { value: string; until: number }>();
  bearer?: string;

  constructor(private readonly keepsCookies = true) {}

  async send(port: number, method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { connection: 'close' };
    const now = Date.now();
    const jar = [...this.cookies].filter(([, cookie]) => cookie.until > now);
    if (jar.length) headers.cookie = jar.map(([name, cookie]) => `${name}=${cookie.value}`).join('; ');
    const csrf = this.cookies.get('XSRF-TOKEN')?.value;
    if (csrf && method !== 'GET') headers['x-xsrf-token'] = csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of this.keepsCookies ? response.headers.getSetCookie() : []) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const maxAge = attributes.find((attribute) => /^max-age=/i.test(attribute));
      const until = maxAge ? Date.now() + Number(maxAge.split('=')[1]) * 1000 : Number.POSITIVE_INFINITY;
      this.cookies.set(name, { value, until });
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
  }
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** The names the organisations list shows to `browser` through the API process on `port`. */
async function listedNames(browser: Browser, port: number): Promise<string[]> {
  const answer = await browser.send(port, 'GET', '/api/organisations?pageSize=200&q=Replica');
  expect(answer.status).toBe(200);
  return (answer.body.items as { name: string }[]).map((item) => item.name);
}

describe(ReplicaRouter.name, () => {
  let pair: Pair;
  let build: Awaited<ReturnType<typeof buildApi>>;
  const processes: ChildProcess[] = [];
  const ports: number[] = [];
  /** What the API processes printed, to show their "Unhandled error" lines when an answer is a 500. */
  const outputs: string[] = [];
  const writer = new Browser();
  const script = new Browser(false);

  async function startApi(extra: Record<string, string>): Promise<number> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(build.dir, 'main.js')], {
      cwd: REPOSITORY_ROOT,
      env: productionEnv(port, pair.primaryUrl, {
        DATABASE_REPLICA_URLS: pair.replicaUrls.join(','),
        REPLICA_MAX_LAG_MS: '3000',
        // Every routed read on the replica, so that what a read finds shows where it was read.
        PRIMARY_SHARES_READS: 'false',
        METRICS_TOKEN,
        ...extra,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.push(child);
    let output = '';
    const index = outputs.push('') - 1;
    const keep = (chunk: Buffer) => {
      output += chunk;
      outputs[index] += chunk;
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await until('the API to start', async () => output.includes('Encounters is ready at'), 60_000).catch(
      (error: Error) => {
        throw new Error(`${error.message}: ${output.slice(-2000)}`);
      },
    );
    return port;
  }

  /** The reads each server has answered for the API process on `port`, from its metrics. */
  async function readsByServer(port: number): Promise<Record<string, number>> {
    const response = await fetch(`http://127.0.0.1:${port}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const reads: Record<string, number> = {};
    for (const [, server, value] of (await response.text()).matchAll(
      /^encounters_db_reads_total\{server="([^"]+)"\} (\d+)$/gm,
    ))
      reads[server] = Number(value);
    return reads;
  }

  async function replicaStatus(port: number): Promise<string> {
    const answer = await writer.send(port, 'GET', '/api/health');
    return (answer.body.replicas as { status: string }[])[0].status;
  }

  beforeAll(async () => {
    [pair, build] = await Promise.all([startPair(), buildApi()]);
    // The first process applies the migrations and creates the administrator; the second starts on them.
    ports.push(
      await startApi({
        INITIAL_ADMIN_EMAIL: EMAIL,
        INITIAL_ADMIN_NAME: 'Replication Admin',
        INITIAL_ADMIN_PASSWORD: PASSWORD,
      }),
    );
    ports.push(await startApi({ MIGRATE_ON_START: 'false' }));
    expect(
      (await writer.send(ports[0], 'POST', '/api/auth/login', { email: EMAIL, password: PASSWORD })).status,
    ).toBe(200);
    const token = await script.send(ports[1], 'POST', '/api/auth/token', {
      email: EMAIL,
      password: PASSWORD,
    });
    expect(token.status).toBe(200);
    script.bearer = token.body.token as string;
    await waitForReplay(pair);
    for (const port of ports)
      await until('the replica to be up', async () => (await replicaStatus(port)) === 'up');
  }, 180_000);

  afterAll(async () => {
    for (const child of processes) if (child.exitCode === null) child.kill('SIGKILL');
    await pair?.remove();
    await build?.remove();
  });

  it('serves lists from the replica, the writer sees their write at once, and a lagging replica is skipped', async () => {
    const replica = new Client({ connectionString: pair.replicaUrls[0] });
    await replica.connect();
    try {
      await replica.query('SELECT pg_wal_replay_pause()');
      const created = await writer.send(ports[0], 'POST', '/api/organisations', {
        name: 'Replica Bakery',
        type: 'employer',
      });
      expect(created.status).toBe(201);
      // The writer's next read, through the other process: the primary, by the recent-write cookie.
      expect(await listedNames(writer, ports[1])).toContain('Replica Bakery');
      // Another session of the same user, without the cookie, on a process that did not take the write:
      // the replica, whose replay is paused, does not have it yet.
      expect(await listedNames(script, ports[1])).not.toContain('Replica Bakery');
      // Once the replica is more than REPLICA_MAX_LAG_MS behind, it is skipped, and health says so.
      await until(
        'the replica to be reported lagging',
        async () => (await replicaStatus(ports[1])) === 'lagging',
      );
      expect(await listedNames(script, ports[1])).toContain('Replica Bakery');
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
      await replica.end();
    }
    for (const port of ports)
      await until('the replica to catch up', async () => (await replicaStatus(port)) === 'up');
    expect(await listedNames(script, ports[0])).toContain('Replica Bakery');
  }, 60_000);

  it('reads the trust view on the replica, and shares reads with the primary unless told not to', async () => {
    const trustView = '/api/coverage?scope=trust&academicYear=2025&asAt=2026-03-31';
    // PRIMARY_SHARES_READS=false: the trust view's reads (its hot, named statement included) on the replica.
    const before = await readsByServer(ports[1]);
    for (let index = 0; index < 10; index += 1)
      expect((await script.send(ports[1], 'GET', trustView)).status).toBe(200);
    const after = await readsByServer(ports[1]);
    expect((after['replica-1'] ?? 0) - (before['replica-1'] ?? 0)).toBeGreaterThanOrEqual(10);
    expect(after.primary ?? 0).toBe(before.primary ?? 0);

    // The default: each request's reads go to the least busy of the primary and the replica.
    const sharing = await startApi({ MIGRATE_ON_START: 'false', PRIMARY_SHARES_READS: 'true' });
    await until('the replica to be up', async () => (await replicaStatus(sharing)) === 'up');
    const start = await readsByServer(sharing);
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        for (let index = 0; index < 10; index += 1)
          expect((await script.send(sharing, 'GET', trustView)).status).toBe(200);
      }),
    );
    const end = await readsByServer(sharing);
    expect((end['replica-1'] ?? 0) - (start['replica-1'] ?? 0)).toBeGreaterThan(0);
    expect((end.primary ?? 0) - (start.primary ?? 0)).toBeGreaterThan(0);
    processes.at(-1)?.kill('SIGTERM');
  }, 60_000);

  it('keeps a script’s reads on the primary after its write, in the process that took it', async () => {
    const replica = new Client({ connectionString: pair.replicaUrls[0] });
    await replica.connect();
    try {
      await replica.query('SELECT pg_wal_replay_pause()');
      const created = await script.send(ports[1], 'POST', '/api/organisations', {
        name: 'Replica Scripted Mill',
        type: 'employer',
      });
      expect(created.status).toBe(201);
      // A bearer token keeps no cookie: the process that took the write knows the user wrote.
      expect(await listedNames(script, ports[1])).toContain('Replica Scripted Mill');
      // The other process does not, and reads the replica, whose replay is paused.
      expect(await listedNames(script, ports[0])).not.toContain('Replica Scripted Mill');
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
      await replica.end();
    }
    for (const port of ports)
      await until('the replica to catch up', async () => (await replicaStatus(port)) === 'up');
  }, 60_000);

  it('answers every read while the replica is stopped mid-run', async () => {
    const statuses: number[] = [];
    let running = true;
    const readers = [0, 1, 2, 3].map(async (reader) => {
      while (running) {
        const answer = await script.send(
          ports[reader % 2],
          'GET',
          '/api/organisations?pageSize=200&q=Replica',
        );
        statuses.push(answer.status);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await pair.command('stop replica-1');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    running = false;
    await Promise.all(readers);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    for (const port of ports) expect(await replicaStatus(port)).toBe('down');

    await pair.command('start replica-1');
    for (const port of ports)
      await until('the replica to be back', async () => (await replicaStatus(port)) === 'up');
  }, 60_000);

  it('with the primary stopped, answers writes 503 with Retry-After, reads from the replica, and loses nothing acknowledged', async () => {
    const acknowledged: string[] = [];
    const refused: Answer[] = [];
    const others: number[] = [];
    let writing = true;
    let count = 0;
    const writes = (async () => {
      while (writing) {
        count += 1;
        const answer = await writer
          .send(ports[count % 2], 'POST', '/api/organisations', {
            name: `Replica Works ${count}`,
            type: 'employer',
          })
          .catch((): Answer => ({ status: 0, body: {}, headers: new Headers() }));
        if (answer.status === 201) acknowledged.push(answer.body.id as string);
        else if (answer.status === 503) refused.push(answer);
        else others.push(answer.status);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await pair.command('stop primary');
    await new Promise((resolve) => setTimeout(resolve, 2500));

    // Reads go on, from the replica, on both processes, and health says the primary is down.
    for (const port of ports) {
      const names = await listedNames(script, port);
      expect(names).toContain('Replica Bakery');
      const health = await script.send(port, 'GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({
        database: 'down',
        replicas: [{ name: 'replica-1', status: 'up' }],
      });
    }
    writing = false;
    await writes;
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    // A write answered neither 201 nor 503 is an error the outage handling did not recognise: the failure
    // shows the processes' "Unhandled error" lines (the error's name and code, nothing personal).
    const unhandled = () =>
      outputs.flatMap((output) => output.split('\n').filter((line) => line.includes('Unhandled error')));
    expect({ others, unhandled: others.length ? unhandled() : [] }).toEqual({ others: [], unhandled: [] });
    for (const answer of refused) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    }

    await pair.command('start primary');
    for (const port of ports)
      await until(
        'the primary to answer',
        async () => (await writer.send(port, 'GET', '/api/health')).status === 200,
      );
    const after = await writer.send(ports[0], 'POST', '/api/organisations', {
      name: 'Replica After',
      type: 'employer',
    });
    expect(after.status).toBe(201);
    const primary = new Client({ connectionString: pair.primaryUrl });
    await primary.connect();
    try {
      const { rows } = await primary.query(
        'SELECT count(*)::int AS found FROM organisation WHERE id = ANY($1)',
        [acknowledged],
      );
      expect(rows[0].found).toBe(acknowledged.length);
    } finally {
      await primary.end();
    }
  }, 90_000);
});
