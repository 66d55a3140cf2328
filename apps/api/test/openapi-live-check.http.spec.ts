import { academicYearOf, addDays, todayIsoDate } from '@encounters/domain';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, SetMatchType, type Document } from 'openapi-backend';
import { DEMO_USERS } from '../src/auth/demo-users';
import { buildApi, freePort, freshDatabase, REPOSITORY_ROOT, productionEnv } from './fresh-database';

/**
 * An independent check of the committed contract (docs/openapi.json) against live answers: the API built
 * and started as production runs it (the bundle, NODE_ENV=production, the demo trust seeded by the
 * command line), each demo role signed in with a bearer token as a script would, and a hundred-odd
 * distinct requests across every path — reads, writes and error answers. Each answer is judged with
 * openapi-backend (its router finds the operation from the URL, its Ajv set-up validates the body), not
 * with the middleware of the other HTTP tests (openapi-conformance.ts), so a fault in one does not hide a
 * fault in the other.
 */

const DOCUMENT = join(REPOSITORY_ROOT, 'docs/openapi.json');
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

interface Answer {
  status: number;
  type: string;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

interface Verdict {
  label: string;
  status: number;
  problems: string[];
  /** The start of the answer, to say what went wrong. */
  sample: string;
}

type Role = 'admin' | 'leader' | 'head' | 'careers' | 'adviser' | 'teacher';
const ROLE_EMAILS: Record<Role, string> = {
  admin: 'admin@demo.encounters',
  leader: 'leader@demo.encounters',
  head: 'head@demo.encounters',
  careers: 'careers@demo.encounters',
  adviser: 'adviser@demo.encounters',
  teacher: 'teacher@demo.encounters',
};

/** The last measurement date (31 Dec, 31 Mar, 31 Jul) before today: one a snapshot may freeze. */
function lastMeasurementDate(today: string): string {
  const year = Number(today.slice(0, 4));
  return [year - 1, year]
    .flatMap((y) => [`${y}-03-31`, `${y}-07-31`, `${y}-12-31`])
    .filter((date) => date < today)
    .sort()
    .pop() as string;
}

describe('the OpenAPI document against live answers (openapi-backend, production build)', () => {
  let build: Awaited<ReturnType<typeof buildApi>>;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let child: ChildProcess | undefined;
  let baseUrl = '';
  let output = '';
  const contract = new OpenAPIBackend({
    definition: JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Document,
    apiRoot: '/',
    validate: true,
    strict: true,
    // The document's formats (uuid, date, date-time, email, binary) are checked, not ignored.
    customizeAjv: (ajv) => addFormats(ajv),
  });
  const verdicts: Verdict[] = [];
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    await contract.init();
    build = await buildApi();
    database = await freshDatabase('live_check');
    const cli = (args: string[]) =>
      promisify(execFile)(process.execPath, [join(build.dir, 'cli.js'), ...args], {
        cwd: REPOSITORY_ROOT,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
        maxBuffer: 16 * 1024 * 1024,
      });
    await cli(['migrate']);
    await cli(['seed']);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [join(build.dir, 'main.js')], {
      cwd: REPOSITORY_ROOT,
      env: productionEnv(port, database.url, {
        // Single sign-on providers keep their client secrets encrypted with it.
        SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    for (let waited = 0; !output.includes('Encounters is ready at') && waited < 120_000; waited += 200) {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (!output.includes('Encounters is ready at')) throw new Error(`The API did not start:\n${output}`);
  }, 600_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child?.once('exit', resolve));
    }
    await database?.drop();
    await build?.remove();
  }, 60_000);

  /** What openapi-backend finds wrong with one answer, by the committed document. */
  function judge(method: string, url: string, answer: Answer): string[] {
    const parsed = new URL(url, baseUrl);
    const operation = contract.router.matchOperation({
      method,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      headers: {},
    });
    if (!operation) return ['no operation of the document matches the request'];
    const response = (operation.responses ?? {})[String(answer.status)] as
      { content?: Record<string, unknown>; headers?: Record<string, unknown> } | undefined;
    if (!response) return [`status ${answer.status} is not documented for ${operation.operationId}`];
    if (answer.status === 204) return answer.text === '' ? [] : ['a 204 answer with a body'];
    if (answer.status >= 300 && answer.status < 400) {
      const problems: string[] = [];
      if (!answer.headers.get('location')) problems.push('a redirect without Location');
      if (!response.headers?.['Location']) problems.push('a redirect whose Location is not documented');
      const headers = contract.validator.validateResponseHeaders(
        Object.fromEntries(answer.headers.entries()),
        operation,
        { statusCode: answer.status, setMatchType: SetMatchType.Superset },
      );
      return [...problems, ...(headers.errors ?? []).map((error) => `header ${error.message}`)];
    }
    if (!response.content?.[answer.type])
      return [`content type "${answer.type}" is not documented for status ${answer.status}`];
    if (answer.type !== 'application/json') {
      // Files: the document says a binary string; the answer must at least be the file it says.
      if (answer.type === 'application/pdf' && !answer.text.startsWith('%PDF-')) return ['not a PDF'];
      return answer.text.length > 0 ? [] : ['an empty file'];
    }
    const result = contract.validator.validateResponse(answer.body, operation, answer.status);
    return (result.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message}`);
  }

  /** One request, judged and recorded under `label` (a distinct operation and parameter combination). */
  async function call(
    label: string,
    who: Role | null,
    method: string,
    url: string,
    options: { body?: unknown; raw?: string; contentType?: string; expect?: number } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (who) headers.authorization = `Bearer ${tokens[who]}`;
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'text/plain';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(new URL(url, baseUrl), {
      method,
      headers,
      body: payload,
      redirect: 'manual',
    });
    const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = type === 'application/pdf' ? bytes.toString('latin1') : bytes.toString('utf8');
    const answer: Answer = {
      status: response.status,
      type,
      headers: response.headers,
      text,
      body: type === 'application/json' && text ? JSON.parse(text) : undefined,
    };
    const problems = judge(method, url, answer);
    if (options.expect !== undefined && answer.status !== options.expect)
      problems.push(`expected status ${options.expect}, got ${answer.status}: ${text.slice(0, 200)}`);
    verdicts.push({
      label: `${label}: ${method} ${url}`,
      status: answer.status,
      problems,
      sample: answer.type === 'application/pdf' ? '%PDF' : text.slice(0, 300),
    });
    return answer;
  }

  /** A value the next requests need: its absence fails the test with what the API answered so far. */
  function need<T>(value: T | undefined | null, what: string): T {
    if (value === undefined || value === null)
      throw new Error(
        `No ${what} in the answers:\n${verdicts
          .slice(-3)
          .map(
            (verdict) =>
              `${verdict.label} → ${verdict.status} ${verdict.problems.join('; ')} ${verdict.sample}`,
          )
          .join('\n')}`,
      );
    return value;
  }

  it('signs in each demo role, makes a hundred-odd distinct requests, and every answer conforms', async () => {
    const today = todayIsoDate();
    const year = academicYearOf(today);

    // Signing in: a script's token for every role, the web app's cookie sign-in, and a bad password.
    for (const [role, email] of Object.entries(ROLE_EMAILS) as [Role, string][]) {
      const password = DEMO_USERS.find((user) => user.email === email)?.password;
      const answer = await call(`token for ${role}`, null, 'POST', '/api/auth/token', {
        body: { email, password },
        expect: 200,
      });
      tokens[role] = answer.body.token;
    }
    const adminPassword = DEMO_USERS.find((user) => user.email === ROLE_EMAILS.admin)?.password;
    await call('cookie sign-in', null, 'POST', '/api/auth/login', {
      body: { email: ROLE_EMAILS.admin, password: adminPassword },
      expect: 200,
    });
    await call('wrong password', null, 'POST', '/api/auth/token', {
      body: { email: ROLE_EMAILS.admin, password: 'not-the-password-at-all' },
      expect: 401,
    });
    await call('sign-in without a password', null, 'POST', '/api/auth/login', {
      body: { email: ROLE_EMAILS.admin },
      expect: 400,
    });

    // Public and health.
    await call('health', null, 'GET', '/api/health', { expect: 200 });
    await call('liveness', null, 'GET', '/api/health/live', { expect: 200 });
    await call('readiness', null, 'GET', '/api/health/ready', { expect: 200 });
    await call('first-run status', null, 'GET', '/api/setup', { expect: 200 });
    await call('set-up once set up', null, 'POST', '/api/setup', {
      body: {
        code: 'ABCD-EFGH-JKMN',
        trustName: 'Another trust',
        adminEmail: 'someone@trust.example',
        adminName: 'Some One',
        password: 'a-long-enough-passphrase-2026',
      },
      expect: 409,
    });
    await call('demo users in production', null, 'GET', '/api/auth/demo-users', { expect: 200 });
    await call('providers for the sign-in page', null, 'GET', '/api/auth/providers/public', { expect: 200 });
    await call('single sign-on with an unknown provider', null, 'GET', `/api/auth/oidc/${ZERO_UUID}/start`, {
      expect: 302,
    });
    await call('a callback without a sign-in', null, 'GET', '/api/auth/oidc/callback?code=x&state=y', {
      expect: 302,
    });
    await call('no token', null, 'GET', '/api/learners', { expect: 401 });
    await call('no token for encounters', null, 'GET', '/api/encounters', { expect: 401 });
    await call('no token for me', null, 'GET', '/api/auth/me', { expect: 401 });

    // Who is signed in, and their tokens.
    const me = {} as Record<Role, Answer>;
    for (const role of Object.keys(ROLE_EMAILS) as Role[]) {
      me[role] = await call(`me as ${role}`, role, 'GET', '/api/auth/me', { expect: 200 });
    }
    await call('my tokens', 'admin', 'GET', '/api/auth/tokens', { expect: 200 });
    await call('revoke an unknown token', 'admin', 'DELETE', `/api/auth/tokens/${ZERO_UUID}`, {
      expect: 404,
    });
    const spare = await call('a spare token', null, 'POST', '/api/auth/token', {
      body: { email: ROLE_EMAILS.admin, password: adminPassword },
      expect: 200,
    });
    const spareTokens = await fetch(new URL('/api/auth/tokens', baseUrl), {
      headers: { authorization: `Bearer ${spare.body?.token}` },
    }).then((response) => response.json() as Promise<{ id: string; current: boolean }[]>);
    const spareHandle = spareTokens.find((token) => token.current)?.id;
    await call('revoke a token', 'admin', 'DELETE', `/api/auth/tokens/${spareHandle}`, { expect: 204 });
    await call('second factor status', 'teacher', 'GET', '/api/auth/mfa', { expect: 200 });
    await call('second factor set-up', 'teacher', 'POST', '/api/auth/mfa/setup', { expect: 200 });
    await call('second factor confirm, wrong code', 'teacher', 'POST', '/api/auth/mfa/confirm', {
      body: { code: '000000' },
    });
    await call('second factor, unknown challenge', null, 'POST', '/api/auth/mfa/verify', {
      body: { challenge: 'x'.repeat(40), code: '123456' },
      expect: 401,
    });
    const mfaPolicy = await call('second factor policy', 'admin', 'GET', '/api/auth/mfa/policy', {
      expect: 200,
    });
    await call('second factor policy, written back', 'admin', 'PUT', '/api/auth/mfa/policy', {
      body: mfaPolicy.body,
      expect: 200,
    });
    await call('second factor policy by a teacher', 'teacher', 'PUT', '/api/auth/mfa/policy', {
      body: mfaPolicy.body,
      expect: 403,
    });
    await call('password change, wrong current password', 'leader', 'POST', '/api/auth/password', {
      body: { currentPassword: 'not-the-password-at-all', newPassword: 'another-long-passphrase-2026' },
      expect: 400,
    });

    // Single sign-on providers (trust administrator).
    await call('providers', 'admin', 'GET', '/api/auth/providers', { expect: 200 });
    const provider = await call('add a provider', 'admin', 'POST', '/api/auth/providers', {
      body: {
        label: 'Staff (OpenID Connect)',
        kind: 'oidc',
        issuer: 'http://127.0.0.1:9/issuer',
        domains: ['trust.example'],
        clientId: 'encounters',
        clientSecret: 'a-client-secret',
        enabled: false,
      },
      expect: 201,
    });
    await call('rename a provider', 'admin', 'PATCH', `/api/auth/providers/${provider.body?.id}`, {
      body: { label: 'Staff sign-in' },
      expect: 200,
    });
    await call('a provider with a bad kind', 'admin', 'POST', '/api/auth/providers', {
      body: { label: 'X', kind: 'myspace', clientId: 'x', clientSecret: 'y' },
      expect: 400,
    });
    await call('remove a provider', 'admin', 'DELETE', `/api/auth/providers/${provider.body?.id}`, {
      expect: 204,
    });
    await call('remove it again', 'admin', 'DELETE', `/api/auth/providers/${provider.body?.id}`, {
      expect: 404,
    });

    // The trust, academies, users, groups.
    const trust = await call('the trust', 'admin', 'GET', '/api/trust', { expect: 200 });
    await call('the trust, written back', 'admin', 'PATCH', '/api/trust', { body: trust.body, expect: 200 });
    const academies = await call('academies', 'admin', 'GET', '/api/academies', { expect: 200 });
    await call('academies as a teacher', 'teacher', 'GET', '/api/academies', { expect: 200 });
    // The demo's careers lead, adviser, head and teacher serve the academy of URN 900001.
    const academyA = (academies.body as { id: string; urn: string }[]).find((a) => a.urn === '900001')
      ?.id as string;
    const academy = await call('an academy', 'admin', 'GET', `/api/academies/${academyA}`, { expect: 200 });
    await call('an academy, written back', 'admin', 'PATCH', `/api/academies/${academyA}`, {
      body: academy.body,
      expect: 200,
    });
    await call('an unknown academy', 'admin', 'GET', `/api/academies/${ZERO_UUID}`, { expect: 404 });
    await call('an academy by a teacher', 'teacher', 'POST', '/api/academies', {
      body: { urn: '999999', name: 'Not allowed', phase: 'secondary' },
      expect: 403,
    });
    await call('an academy without a name', 'admin', 'POST', '/api/academies', {
      body: { urn: '999998', phase: 'secondary' },
      expect: 400,
    });
    await call('users', 'admin', 'GET', '/api/users', { expect: 200 });
    await call('users as a teacher', 'teacher', 'GET', '/api/users', { expect: 403 });
    const newUser = {
      email: 'live.check@trust.example',
      name: 'Live Check',
      password: 'a-long-enough-passphrase-2026',
      roles: ['teacher'],
      academyIds: [academyA],
      groupIds: [],
    };
    const created = await call('a new user', 'admin', 'POST', '/api/users', { body: newUser, expect: 201 });
    // Written back whole: the server-owned fields are ignored (sending the roles again ends the user's sessions).
    const user = await call('a user', 'admin', 'GET', `/api/users/${created.body?.id}`, { expect: 200 });
    await call('a user, written back', 'admin', 'PATCH', `/api/users/${created.body?.id}`, {
      body: user.body,
      expect: 200,
    });
    await call('the same email again', 'admin', 'POST', '/api/users', { body: newUser, expect: 409 });
    await call('unlock a user', 'admin', 'POST', `/api/users/${created.body?.id}/unlock`, { expect: 204 });
    await call("reset a user's second factor", 'admin', 'DELETE', `/api/auth/mfa/users/${created.body?.id}`, {
      expect: 204,
    });
    await call('deactivate a user', 'admin', 'DELETE', `/api/users/${created.body?.id}`, { expect: 204 });
    await call('an unknown user', 'admin', 'GET', `/api/users/${ZERO_UUID}`, { expect: 404 });
    const groups = await call('groups', 'careers', 'GET', `/api/groups?academyId=${academyA}`, {
      expect: 200,
    });
    await call(
      'groups of a year',
      'careers',
      'GET',
      `/api/groups?academyId=${academyA}&academicYear=${year}`,
      {
        expect: 200,
      },
    );
    const groupId = need<string>(groups.body?.[0]?.id, 'group');
    await call('a group', 'careers', 'GET', `/api/groups/${groupId}`, { expect: 200 });
    await call('an unknown group', 'careers', 'GET', `/api/groups/${ZERO_UUID}`, { expect: 404 });

    // Learners.
    const learners = await call(
      'learners',
      'careers',
      'GET',
      `/api/learners?academyId=${academyA}&pageSize=5`,
      {
        expect: 200,
      },
    );
    await call('learners of a year group', 'careers', 'GET', '/api/learners?yearGroup=10&pageSize=3', {
      expect: 200,
    });
    await call('learners by name', 'careers', 'GET', '/api/learners?q=a&page=2&pageSize=2', { expect: 200 });
    await call('learners of a group', 'teacher', 'GET', `/api/learners?groupId=${groupId}`, { expect: 200 });
    await call('learners, bad page size', 'careers', 'GET', '/api/learners?pageSize=0', { expect: 400 });
    const [first, second] = need<{ id: string }[]>(learners.body?.items, 'learners');
    await call('a learner', 'careers', 'GET', `/api/learners/${first.id}`, { expect: 200 });
    await call('a learner at a date', 'teacher', 'GET', `/api/learners/${first.id}?asAt=${today}`, {
      expect: 200,
    });
    await call('a learner, bad id', 'careers', 'GET', '/api/learners/not-a-uuid', { expect: 400 });
    await call('a subject access export', 'careers', 'GET', `/api/learners/${first.id}/export`, {
      expect: 200,
    });
    await call('an export by a teacher', 'teacher', 'GET', `/api/learners/${first.id}/export`, {
      expect: 403,
    });

    // Organisations.
    const organisations = await call('organisations', 'careers', 'GET', '/api/organisations', {
      expect: 200,
    });
    await call('employers', 'careers', 'GET', '/api/organisations?type=employer&pageSize=5', { expect: 200 });
    await call('organisations by name', 'careers', 'GET', '/api/organisations?q=ltd', { expect: 200 });
    const organisationId = need<string>(organisations.body?.items?.[0]?.id, 'organisation');
    await call('an organisation', 'careers', 'GET', `/api/organisations/${organisationId}`, {
      expect: 200,
    });
    const addedOrganisation = await call('a new organisation', 'careers', 'POST', '/api/organisations', {
      body: { name: 'Live Check Pottery Ltd', type: 'employer', sectors: ['Creative and design'] },
      expect: 201,
    });
    await call('the same organisation again', 'careers', 'POST', '/api/organisations', {
      body: { name: 'Live Check Pottery Ltd', type: 'employer' },
      expect: 409,
    });
    const ownOrganisation = await call(
      'the new organisation',
      'careers',
      'GET',
      `/api/organisations/${addedOrganisation.body?.id}`,
      { expect: 200 },
    );
    await call(
      'an organisation, written back',
      'careers',
      'PATCH',
      `/api/organisations/${addedOrganisation.body?.id}`,
      {
        body: ownOrganisation.body,
        expect: 200,
      },
    );
    await call('an organisation of a bad type', 'careers', 'POST', '/api/organisations', {
      body: { name: 'Nowhere', type: 'pirate' },
      expect: 400,
    });

    // Encounters.
    await call('encounters', 'careers', 'GET', '/api/encounters', { expect: 200 });
    await call(
      'encounters of an academy and year',
      'careers',
      'GET',
      `/api/encounters?academyId=${academyA}&academicYear=${year}`,
      {
        expect: 200,
      },
    );
    await call(
      'encounters of an organisation',
      'leader',
      'GET',
      `/api/encounters?organisationId=${organisationId}`,
      {
        expect: 200,
      },
    );
    await call('encounters of a learner', 'teacher', 'GET', `/api/encounters?learnerId=${first.id}`, {
      expect: 200,
    });
    await call(
      'encounters between dates',
      'head',
      'GET',
      `/api/encounters?from=${addDays(today, -60)}&to=${today}`,
      {
        expect: 200,
      },
    );
    await call('encounters, bad date', 'careers', 'GET', '/api/encounters?from=yesterday', { expect: 400 });
    const encounter = await call('log an encounter', 'careers', 'POST', '/api/encounters', {
      body: {
        academyId: academyA,
        title: 'Live check careers talk',
        date: today,
        format: 'talk',
        delivery: 'in_person',
        duringSchoolDay: true,
        durationMinutes: 45,
        organisationIds: [organisationId],
        meaningful: {
          purposeShared: true,
          learningOutcomes: true,
          twoWayInteraction: true,
          reflection: true,
        },
        attendees: { groupIds: [groupId] },
      },
      expect: 201,
    });
    const encounterId = encounter.body?.id as string;
    const read = await call('an encounter', 'careers', 'GET', `/api/encounters/${encounterId}`, {
      expect: 200,
    });
    await call('an encounter, written back', 'careers', 'PATCH', `/api/encounters/${encounterId}`, {
      body: read.body,
      expect: 200,
    });
    await call('an encounter by a teacher', 'teacher', 'PATCH', `/api/encounters/${encounterId}`, {
      body: { title: 'Not allowed' },
      expect: 403,
    });
    await call('attendance', 'careers', 'PUT', `/api/encounters/${encounterId}/attendance`, {
      body: [{ learnerId: first.id, status: 'attended', reflection: { rating: 4, comment: 'Useful.' } }],
      expect: 200,
    });
    await call('an encounter without a title', 'careers', 'POST', '/api/encounters', {
      body: { academyId: academyA, date: today },
      expect: 400,
    });
    await call('an encounter as text', 'careers', 'POST', '/api/encounters', {
      raw: 'title=talk',
      contentType: 'text/plain',
      expect: 415,
    });
    await call('an encounter too large', 'careers', 'POST', '/api/encounters', {
      raw: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }),
      contentType: 'application/json',
      expect: 413,
    });
    await call('delete an encounter', 'careers', 'DELETE', `/api/encounters/${encounterId}`, { expect: 204 });
    await call('a deleted encounter', 'careers', 'GET', `/api/encounters/${encounterId}`, { expect: 404 });

    // Guidance meetings.
    const meeting = await call('record a guidance meeting', 'adviser', 'POST', '/api/guidance-meetings', {
      body: {
        learnerId: first.id,
        date: today,
        adviserName: 'Sam Adeyemi',
        adviserLevel: 6,
        mode: 'in_person',
        summary: 'Talked through apprenticeships.',
        agreedActions: 'Visit the college open evening.',
      },
      expect: 201,
    });
    await call('guidance meetings', 'adviser', 'GET', '/api/guidance-meetings', { expect: 200 });
    await call(
      "a learner's guidance meetings",
      'teacher',
      'GET',
      `/api/guidance-meetings?learnerId=${first.id}`,
      {
        expect: 200,
      },
    );
    await call('a guidance meeting', 'adviser', 'GET', `/api/guidance-meetings/${meeting.body?.id}`, {
      expect: 200,
    });
    await call(
      'a guidance meeting changed',
      'adviser',
      'PATCH',
      `/api/guidance-meetings/${meeting.body?.id}`,
      {
        body: { adviserName: 'Sam Adeyemi-Jones' },
        expect: 200,
      },
    );
    await call('a guidance meeting, bad mode', 'adviser', 'POST', '/api/guidance-meetings', {
      body: { learnerId: first.id, date: today, mode: 'carrier pigeon' },
      expect: 400,
    });
    await call(
      'delete a guidance meeting',
      'adviser',
      'DELETE',
      `/api/guidance-meetings/${meeting.body?.id}`,
      {
        expect: 204,
      },
    );
    await call('an unknown guidance meeting', 'adviser', 'GET', `/api/guidance-meetings/${ZERO_UUID}`, {
      expect: 404,
    });

    // Coverage and the policy.
    await call('trust coverage', 'leader', 'GET', `/api/coverage?scope=trust&academicYear=${year}`, {
      expect: 200,
    });
    await call(
      'academy coverage by cohort',
      'head',
      'GET',
      `/api/coverage?scope=academy&id=${academyA}&breakdown=pupilPremium`,
      {
        expect: 200,
      },
    );
    await call(
      'year-group coverage',
      'careers',
      'GET',
      `/api/coverage?scope=yearGroup&academyId=${academyA}&yearGroup=10&asAt=${today}`,
      {
        expect: 200,
      },
    );
    const classId = need<string>(me.teacher.body?.groupIds?.[0], "the teacher's class");
    await call('class coverage', 'teacher', 'GET', `/api/coverage?scope=group&id=${classId}`, {
      expect: 200,
    });
    await call(
      "the teacher's class by learner",
      'teacher',
      'GET',
      `/api/coverage/learners?scope=group&id=${classId}`,
      {
        expect: 200,
      },
    );
    await call(
      'class coverage by learner',
      'careers',
      'GET',
      `/api/coverage/learners?scope=group&id=${groupId}`,
      {
        expect: 200,
      },
    );
    await call('coverage without a scope', 'leader', 'GET', '/api/coverage', { expect: 400 });
    const policy = await call('the policy', 'admin', 'GET', `/api/policy/${year}`, { expect: 200 });
    await call('the policy, written back', 'admin', 'PUT', `/api/policy/${year}`, {
      body: policy.body,
      expect: 200,
    });
    await call('the policy by a teacher', 'teacher', 'PUT', `/api/policy/${year}`, {
      body: policy.body,
      expect: 403,
    });

    // Reports and snapshots.
    await call('compliance CSV', 'leader', 'GET', `/api/reports/compliance?academicYear=${year}&format=csv`, {
      expect: 200,
    });
    await call(
      'compliance PDF of an academy',
      'head',
      'GET',
      `/api/reports/compliance?academicYear=${year}&academyId=${academyA}&format=pdf`,
      {
        expect: 200,
      },
    );
    await call(
      'compliance as a spreadsheet',
      'leader',
      'GET',
      `/api/reports/compliance?academicYear=${year}&format=xls`,
      {
        expect: 400,
      },
    );
    await call('sectors reached', 'leader', 'GET', `/api/reports/sector-reach?academicYear=${year}`, {
      expect: 200,
    });
    await call(
      'organisations report',
      'careers',
      'GET',
      `/api/reports/organisations?format=json&academyId=${academyA}`,
      {
        expect: 200,
      },
    );
    await call(
      'organisations report as CSV',
      'leader',
      'GET',
      `/api/reports/organisations?format=csv&academicYear=${year}`,
      {
        expect: 200,
      },
    );
    await call("a learner's record", 'careers', 'GET', `/api/reports/learners/${first.id}`, { expect: 200 });
    await call("an unknown learner's record", 'careers', 'GET', `/api/reports/learners/${ZERO_UUID}`, {
      expect: 404,
    });
    const asAt = lastMeasurementDate(today);
    const snapshot = await call('freeze the figures', 'head', 'POST', '/api/reports/snapshots', {
      body: { asAt, academyId: academyA },
      expect: 201,
    });
    await call('freeze them again', 'head', 'POST', '/api/reports/snapshots', {
      body: { asAt, academyId: academyA },
      expect: 409,
    });
    await call('freeze on another day', 'head', 'POST', '/api/reports/snapshots', {
      body: { asAt: '2025-11-05', academyId: academyA },
      expect: 400,
    });
    await call('snapshots', 'head', 'GET', '/api/reports/snapshots', { expect: 200 });
    await call(
      'compare with a snapshot',
      'head',
      'GET',
      `/api/reports/snapshots/${snapshot.body?.id}/compare?asAt=${today}`,
      {
        expect: 200,
      },
    );

    // Rosters: a dry run, a commit refused for bad rows, leavers, move requests.
    const detail = await call('a learner to import', 'careers', 'GET', `/api/learners/${second.id}`, {
      expect: 200,
    });
    const enrolment = detail.body.enrolments[0];
    const row = {
      upn: detail.body.learner.upn,
      legalSurname: detail.body.learner.legalSurname,
      legalForename: detail.body.learner.legalForename,
      dateOfBirth: detail.body.learner.dateOfBirth,
      yearGroup: enrolment.yearGroup,
    };
    await call(
      'a roster dry run',
      'careers',
      'POST',
      `/api/academies/${academyA}/roster?academicYear=${enrolment.academicYear}`,
      {
        body: { rows: [row] },
        expect: 200,
      },
    );
    await call(
      'a roster commit with bad rows',
      'careers',
      'POST',
      `/api/academies/${academyA}/roster?academicYear=${enrolment.academicYear}&dryRun=false`,
      {
        body: { rows: [{ ...row, upn: 'NOT-A-UPN', dateOfBirth: '31/02/2012' }] },
        expect: 422,
      },
    );
    await call(
      'a roster without rows',
      'careers',
      'POST',
      `/api/academies/${academyA}/roster?academicYear=${year}`,
      {
        body: { learners: [] },
        expect: 400,
      },
    );
    await call('leavers', 'careers', 'POST', `/api/academies/${academyA}/leavers`, {
      body: { academicYear: enrolment.academicYear, learnerIds: [second.id], leavingDate: today },
      expect: 200,
    });
    await call('move requests', 'careers', 'GET', '/api/roster-moves', { expect: 200 });
    await call('confirm an unknown move', 'careers', 'POST', `/api/roster-moves/${ZERO_UUID}/confirm`, {
      expect: 404,
    });
    await call('decline an unknown move', 'admin', 'POST', `/api/roster-moves/${ZERO_UUID}/decline`, {
      expect: 404,
    });

    // The audit log, and erasure.
    await call('the audit log', 'admin', 'GET', '/api/audit?pageSize=20', { expect: 200 });
    await call('the audit log of exports', 'admin', 'GET', '/api/audit?action=report.export', {
      expect: 200,
    });
    await call('the audit log, bad date', 'admin', 'GET', '/api/audit?from=not-a-date', { expect: 400 });
    await call('the audit log as a teacher', 'teacher', 'GET', '/api/audit', { expect: 403 });
    await call('erase a learner', 'admin', 'DELETE', `/api/learners/${second.id}`, { expect: 204 });
    await call('an erased learner', 'admin', 'GET', `/api/learners/${second.id}`, { expect: 404 });

    // Signing out a token.
    await call('sign out', 'leader', 'POST', '/api/auth/logout', { expect: 204 });
    await call('a signed-out token', 'leader', 'GET', '/api/auth/me', { expect: 401 });

    // A control: the checker refuses answers off the document, so a pass means something.
    const json = (status: number, body: unknown): Answer => ({
      status,
      type: 'application/json',
      headers: new Headers({ 'content-type': 'application/json' }),
      text: JSON.stringify(body),
      body,
    });
    expect(judge('GET', '/api/trust', json(200, { id: 42 }))).not.toEqual([]);
    expect(judge('GET', '/api/trust', json(418, { id: 42 }))).not.toEqual([]);
    expect(judge('GET', '/api/no-such-path', json(200, {}))).not.toEqual([]);
    expect(judge('GET', '/api/learners', json(401, { statusCode: 401 }))).not.toEqual([]);

    const labels = new Set(verdicts.map((verdict) => verdict.label));
    const conforming = verdicts.filter((verdict) => verdict.problems.length === 0);
    const statuses = [...new Set(verdicts.map((verdict) => verdict.status))].sort();
    console.log(
      `${conforming.length} of ${verdicts.length} conform (${labels.size} distinct requests; statuses ${statuses.join(', ')})`,
    );
    expect(labels.size).toBeGreaterThanOrEqual(100);
    expect(
      verdicts
        .filter((verdict) => verdict.problems.length > 0)
        .map(
          (verdict) =>
            `${verdict.label} → ${verdict.status}: ${verdict.problems.join('; ')} (${verdict.sample})`,
        ),
    ).toEqual([]);
  }, 900_000);
});
