import { academicYearOf, todayIsoDate } from '@encounters/domain';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { RETENTION_LOCK } from '../src/destination-follow-up/destination-follow-up.queries';
import { buildApi, freePort, freshDatabase, REPOSITORY_ROOT, productionEnv } from './fresh-database';
import { upn } from './roster-files';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const PASSWORD = 'heron quarry lantern 5093';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm start` with API_PROCESSES=2: two API processes behind one port (tools/start/cluster.mjs). */
describe('API_PROCESSES', () => {
  let build: Awaited<ReturnType<typeof buildApi>>;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let child: ChildProcess;
  let port: number;
  let output = '';
  let cookies = '';
  let csrf = '';

  /** One request on a connection of its own, so that the cluster shares them out between the processes. */
  async function send(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { connection: 'close' };
    if (cookies) headers.cookie = cookies;
    if (csrf && method !== 'GET') headers['x-xsrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }

  /** The retention job's log lines written since `from` (an offset in `output`), with each one's process. */
  function retentionLines(from = 0): { pid: number; msg: string }[] {
    return output
      .slice(from)
      .split('\n')
      .flatMap((line) => {
        if (!line.includes('"context":"RetentionScheduler"')) return [];
        try {
          const { pid, msg } = JSON.parse(line);
          return [{ pid, msg }];
        } catch {
          return []; // a line cut by `from`, or not yet written in full
        }
      });
  }

  /** Waits until `done`, at most `limit` ms: the assertions after it say what was not reached. */
  async function until(done: () => boolean | Promise<boolean>, limit = 15_000): Promise<void> {
    for (let waited = 0; !(await done()) && waited < limit; waited += 200) await sleep(200);
  }

  async function everyTime(times: number, request: () => Promise<Answer>): Promise<number[]> {
    const statuses: number[] = [];
    for (let index = 0; index < times; index += 1) statuses.push((await request()).status);
    return statuses;
  }

  beforeAll(async () => {
    [build, database] = await Promise.all([buildApi(), freshDatabase('cluster')]);
    port = await freePort();
    child = spawn(
      process.execPath,
      [join(REPOSITORY_ROOT, 'tools/start/cluster.mjs'), join(build.dir, 'main.js')],
      {
        cwd: REPOSITORY_ROOT,
        // The retention job every second in both processes, and their `info` lines (JSON, each with its pid).
        env: productionEnv(port, database.url, {
          API_PROCESSES: '2',
          SIGN_IN_MAX_FAILURES: '3',
          RETENTION_SCHEDULE: '* * * * * *',
          LOG_LEVEL: 'info',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    for (let waited = 0; (output.match(/is listening/g) ?? []).length < 2 && waited < 90_000; waited += 100)
      await sleep(100);
  }, 180_000);

  afterAll(async () => {
    if (child?.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await database?.drop();
    await build?.remove();
  });

  it('starts two processes on one port, and only one of them issues the set-up code, which both accept', async () => {
    expect(output.match(/API process \d of 2 \(pid \d+\) is listening/g)).toHaveLength(2);
    const codes = [...output.matchAll(/one-time set-up code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/g)].map(
      (match) => match[1],
    );
    expect(codes).toHaveLength(1);
    expect(output).toContain('Another API process has just written the one-time set-up code');
    const form = {
      code: codes[0],
      trustName: 'Two Process Trust',
      adminEmail: 'admin@two-process.example',
      adminName: 'Ada Admin',
      password: 'short',
    };
    // Each process in turn checks the code before the password: a 400 (not 403) from both shows they accept it.
    expect(await everyTime(4, () => send('POST', '/api/setup', form))).toEqual([400, 400, 400, 400]);
    expect((await send('POST', '/api/setup', { ...form, password: PASSWORD })).status).toBe(201);
    expect(
      await everyTime(2, () =>
        send('GET', '/api/setup').then((answer) => ({ ...answer, status: answer.body.needed ? 1 : 0 })),
      ),
    ).toEqual([0, 0]);
  });

  it('keeps a session across both processes', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ email: 'admin@two-process.example', password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const set = response.headers.getSetCookie().map((line) => line.split(';')[0]);
    cookies = set.join('; ');
    csrf = set.find((pair) => pair.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '';
    expect(await everyTime(6, () => send('GET', '/api/auth/me'))).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('shares the versioned caches: a policy changed through one process is read through both', async () => {
    const before = await send('GET', '/api/policy/2025');
    expect(before.status).toBe(200);
    const atRiskDays = Number(before.body.atRiskDays) === 100 ? 101 : 100;
    const { saved: _saved, academicYear: _year, ...policy } = before.body;
    const put = await send('PUT', '/api/policy/2025', { ...policy, atRiskDays });
    expect(put.status).toBe(200);
    const read = [];
    for (let index = 0; index < 4; index += 1)
      read.push((await send('GET', '/api/policy/2025')).body.atRiskDays);
    expect(read).toEqual([atRiskDays, atRiskDays, atRiskDays, atRiskDays]);
  });

  it('counts failed sign-ins across both processes', async () => {
    const wrong = () =>
      send('POST', '/api/auth/login', {
        email: 'admin@two-process.example',
        password: 'not the password at all',
      });
    // SIGN_IN_MAX_FAILURES=3: three refusals, then 429 from either process.
    expect(await everyTime(5, wrong)).toEqual([401, 401, 401, 429, 429]);
  });

  it('ends a session in both processes within the session cache time', async () => {
    const signedOut = await send('POST', '/api/auth/logout');
    expect(signedOut.status).toBeLessThan(300);
    // The process that took the sign-out forgets the session at once; the other within its 5 s session cache.
    await sleep(5200);
    expect(await everyTime(4, () => send('GET', '/api/auth/me'))).toEqual([401, 401, 401, 401]);
  });

  it('runs the retention job, scheduled every second in both processes, once: its advisory lock lets one run it', async () => {
    const pids = [...output.matchAll(/API process \d of 2 \(pid (\d+)\) is listening/g)].map((match) =>
      Number(match[1]),
    );
    expect(pids).toHaveLength(2);
    const year = academicYearOf(todayIsoDate());
    const standingBack = (from: number) =>
      retentionLines(from).filter((line) => line.msg === 'Retention: another process is running it');
    const done = (from: number) =>
      retentionLines(from).flatMap((line) => {
        const match = /^Retention: (\d+) leavers pseudonymised$/.exec(line.msg);
        return match ? [{ pid: line.pid, count: Number(match[1]) }] : [];
      });
    const db = new Client({ connectionString: database.url });
    const rows = new Client({ connectionString: database.url });
    await Promise.all([db.connect(), rows.connect()]);
    const pseudonymised = async (ids: string[]) =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM learner
              WHERE id = ANY($1::uuid[]) AND pseudonymised_at IS NOT NULL AND legal_forename = 'Pseudonymised'`,
            [ids],
          )
        ).rows[0].n,
      );
    try {
      // The processes told apart by the pid in their log lines: both stand back while the lock is held here
      // (1); then one holds it, waiting on the leavers' rows, and the other stands back (2); the holder alone
      // pseudonymises them (3).
      // 1. The lock held here (as by `cli retention run`): three leavers due (they left over three years
      // ago) are left alone, and each process's job, ticking, stands back.
      await db.query('SELECT pg_advisory_lock($1)', [RETENTION_LOCK]);
      await db.query('BEGIN');
      const [trust] = (await db.query(`INSERT INTO trust (name) VALUES ('Retention Trust') RETURNING id`))
        .rows;
      const [academy] = (
        await db.query(
          `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, 'Retention Academy', '970101', 'secondary')
           RETURNING id`,
          [trust.id],
        )
      ).rows;
      const leavers: string[] = [];
      for (const serial of [1, 2, 3]) {
        const [learner] = (
          await db.query(
            `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
             VALUES ($1, $2, 'Rowan', '2006-03-14') RETURNING id`,
            [upn(90_000 + serial), `Leaver ${serial}`],
          )
        ).rows;
        await db.query(
          `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, leaving_date)
           VALUES ($1, $2, $3, 11, $4)`,
          [learner.id, year - 4, academy.id, `${year - 3}-07-20`],
        );
        leavers.push(learner.id);
      }
      await db.query('COMMIT');
      // Their rows locked too, for step 2: the process that takes the advisory lock next waits on them.
      await rows.query('BEGIN');
      await rows.query('SELECT id FROM learner WHERE id = ANY($1::uuid[]) FOR UPDATE', [leavers]);
      const locked = output.length;
      await until(() => new Set(standingBack(locked).map((line) => line.pid)).size === 2);
      expect(new Set(standingBack(locked).map((line) => line.pid))).toEqual(new Set(pids));
      expect(await pseudonymised(leavers)).toBe(0);

      // 2. The lock let go: one process takes it and waits on the rows; the other's ticks stand back.
      const released = output.length;
      await db.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK]);
      const twiceBack = () => {
        const times = standingBack(released).map((line) => line.pid);
        return pids.filter((pid) => times.filter((one) => one === pid).length >= 2);
      };
      await until(() => twiceBack().length > 0);
      expect(twiceBack()).toHaveLength(1);
      expect(done(released)).toEqual([]);
      expect(await pseudonymised(leavers)).toBe(0);
      const [waiting] = twiceBack();

      // 3. The rows let go: the process holding the lock pseudonymises the three, once.
      await rows.query('COMMIT');
      await until(async () => (await pseudonymised(leavers)) === 3);
      expect(await pseudonymised(leavers)).toBe(3);
      const finished = output.length;
      // Both go on ticking (finding nobody due) before the counts are read.
      await until(() => new Set(retentionLines(finished).map((line) => line.pid)).size === 2);
      expect(new Set(retentionLines(finished).map((line) => line.pid))).toEqual(new Set(pids));
      const runs = done(0).filter((run) => run.count > 0);
      expect(runs).toHaveLength(1);
      expect(runs[0].count).toBe(3);
      // The process that ran it is the one that held the lock, not the one seen standing back.
      expect(pids).toContain(runs[0].pid);
      expect(runs[0].pid).not.toBe(waiting);
      const audit = await db.query(
        `SELECT user_id, entity_type, details FROM audit_entry WHERE action = 'retention.pseudonymise'`,
      );
      expect(audit.rows).toEqual([
        { user_id: null, entity_type: 'learner', details: expect.objectContaining({ pseudonymised: 3 }) },
      ]);
    } finally {
      await Promise.all([db.end(), rows.end()]);
    }
  }, 90_000);
});
