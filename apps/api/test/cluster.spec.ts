import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildApi, freePort, freshDatabase, REPOSITORY_ROOT, productionEnv } from './fresh-database';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const PASSWORD = 'heron quarry lantern 5093';

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
        env: productionEnv(port, database.url, { API_PROCESSES: '2', SIGN_IN_MAX_FAILURES: '3' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    for (let waited = 0; (output.match(/is listening/g) ?? []).length < 2 && waited < 90_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
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
    await new Promise((resolve) => setTimeout(resolve, 5200));
    expect(await everyTime(4, () => send('GET', '/api/auth/me'))).toEqual([401, 401, 401, 401]);
  });
});
