import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ACCESS_RULE, AccessRule } from '../src/common/access/access.decorator';
import { type UserRole } from '@encounters/domain';
import { rolesWith, USER_ROLES } from '@encounters/domain';
import { upn } from './roster-files';
import { signedInUser, SignedInAgent } from './sign-in';
import { createTestApp, resetDatabase, servedRoutes } from './test-app';

interface RouteInfo {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/** Every route the running app registered, with its declared access rule, read from Nest's metadata. */
function discoverRoutes(app: INestApplication): RouteInfo[] {
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  for (const wrapper of controllers) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const controllerPath = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler);
      if (methodPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path =
        `/api/${[controllerPath, String(methodPath)].filter((part) => part && part !== '/').join('/')}`.replace(
          /\/+/g,
          '/',
        );
      routes.push({
        method,
        path,
        rule: reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, [handler, metatype]),
      });
    }
  }
  return routes;
}

/** The routes Fastify actually serves under /api, to prove the discovery above misses none. */
function servedRouteNames(app: INestApplication): string[] {
  return servedRoutes(app).map((route) => `${route.method.toUpperCase()} ${route.path}`);
}

describe('The access matrix: every route, every role (HTTP, PostgreSQL)', () => {
  let app: INestApplication;
  let routes: RouteInfo[];
  const clients = new Map<string, SignedInAgent>();
  /** Ids of records in academy A, by route parameter pattern: a GET of one of them by academy B's staff must 404. */
  const recordsOfAcademyA = new Map<string, string>();
  /** Used only by academy A's encounter: a change of it reaches academy A's figures. */
  let organisationOfA: string;
  let learnerOfA: string;
  const upnOfA = upn(99001);

  beforeAll(async () => {
    app = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    await resetDatabase(app);
    const dataSource = app.get(DataSource);
    const [trust] = await dataSource.query(`INSERT INTO trust (name) VALUES ('Matrix Trust') RETURNING id`);
    const [academyA] = await dataSource.query(
      `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, 'Academy A', '800001', 'secondary') RETURNING id`,
      [trust.id],
    );
    const [academyB] = await dataSource.query(
      `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, 'Academy B', '800002', 'secondary') RETURNING id`,
      [trust.id],
    );
    recordsOfAcademyA.set('/api/academies/:id', academyA.id);
    const [attendee] = await dataSource.query(
      `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
       VALUES ($1, 'Matrix', 'Lee', '2010-01-01') RETURNING id`,
      [upnOfA],
    );
    await dataSource.query(
      `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group) VALUES ($1, 2025, $2, 10)`,
      [attendee.id, academyA.id],
    );
    const [group] = await dataSource.query(
      `INSERT INTO learning_group (academy_id, academic_year, name) VALUES ($1, 2025, '10A') RETURNING id`,
      [academyA.id],
    );
    await dataSource.query(`UPDATE enrolment SET registration_group_id = $1 WHERE learner_id = $2`, [
      group.id,
      attendee.id,
    ]);
    await dataSource.query(`INSERT INTO group_membership (group_id, learner_id) VALUES ($1, $2)`, [
      group.id,
      attendee.id,
    ]);
    recordsOfAcademyA.set('/api/learners/:id', attendee.id);
    recordsOfAcademyA.set('/api/learners/:id/export', attendee.id);
    recordsOfAcademyA.set('/api/learners/:learnerId/part-time-jobs', attendee.id);
    recordsOfAcademyA.set('/api/destinations/neet-risk/:learnerId', attendee.id);
    recordsOfAcademyA.set('/api/groups/:id', group.id);
    const [organisation] = await dataSource.query(
      `INSERT INTO organisation (name, type) VALUES ('Matrix Employer', 'employer') RETURNING id`,
    );
    const [encounter] = await dataSource.query(
      `INSERT INTO encounter (academy_id, academic_year, title, date, format, delivery, during_school_day,
         duration_minutes, organisation_key)
       VALUES ($1, 2025, 'Matrix talk', '2025-10-01', 'talk', 'in_person', true, 60, $2) RETURNING id`,
      [academyA.id, organisation.id],
    );
    await dataSource.query(`INSERT INTO encounter_organisation VALUES ($1, $2)`, [
      encounter.id,
      organisation.id,
    ]);
    await dataSource.query(`INSERT INTO attendance (encounter_id, learner_id) VALUES ($1, $2)`, [
      encounter.id,
      attendee.id,
    ]);
    const [meeting] = await dataSource.query(
      `INSERT INTO guidance_meeting (learner_id, academy_id, academic_year, date, adviser_name, adviser_level, mode)
       VALUES ($1, $2, 2025, '2025-10-02', 'Matrix Adviser', 6, 'in_person') RETURNING id`,
      [attendee.id, academyA.id],
    );
    recordsOfAcademyA.set('/api/encounters/:id', encounter.id);
    organisationOfA = organisation.id;
    learnerOfA = attendee.id;
    recordsOfAcademyA.set('/api/reports/learners/:id', attendee.id);
    const [snapshot] = await dataSource.query(
      `INSERT INTO coverage_snapshot (scope, academy_id, academic_year, as_at, figures)
       VALUES ('academy', $1, 2025, '2025-12-31', '{"rows": []}') RETURNING id`,
      [academyA.id],
    );
    recordsOfAcademyA.set('/api/reports/snapshots/:id/compare', snapshot.id);
    recordsOfAcademyA.set('/api/guidance-meetings/:id', meeting.id);
    // An intended destination (R-DEST-1) of a Year 11 learner of academy A.
    const [leaver] = await dataSource.query(
      `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
       VALUES ($1, 'Matrix', 'Kit', '2009-10-01') RETURNING id`,
      [upn(99002)],
    );
    await dataSource.query(
      `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group) VALUES ($1, 2025, $2, 11)`,
      [leaver.id, academyA.id],
    );
    const [destination] = await dataSource.query(
      `INSERT INTO intended_destination (learner_id, academic_year, category, status)
       VALUES ($1, 2025, 'apprenticeship', 'applied') RETURNING id`,
      [leaver.id],
    );
    await dataSource.query(
      `INSERT INTO destination_status_change (destination_id, status, "on") VALUES ($1, 'applied', '2025-11-03')`,
      [destination.id],
    );
    recordsOfAcademyA.set('/api/destinations/:id', destination.id);
    for (const role of USER_ROLES) {
      clients.set(role, await signedInUser(app, [role], { academyIds: [academyA.id] }));
      clients.set(`${role}@B`, await signedInUser(app, [role], { academyIds: [academyB.id] }));
    }
    routes = discoverRoutes(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const fill = (path: string) => path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

  it('finds every route Express serves', () => {
    const discovered = new Set(routes.map((route) => `${route.method} ${route.path}`));
    expect(routes.length).toBeGreaterThan(10);
    expect(servedRouteNames(app).filter((route) => !discovered.has(route))).toEqual([]);
  });

  it('finds an access rule declared on every route', () => {
    expect(routes.filter((route) => !route.rule).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('answers 401 without sign-in on every route that is not public', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => candidate.rule?.kind !== 'public')) {
      const response = await request(app.getHttpServer())
        [route.method.toLowerCase() as 'get'](fill(route.path))
        .send({});
      if (response.status !== 401) failures.push(`${route.method} ${route.path} answered ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role a route does not allow, and never 401/403 to one it allows', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => candidate.rule?.kind !== 'public')) {
      for (const role of USER_ROLES) {
        const rule = route.rule as Exclude<AccessRule, { kind: 'public' }>;
        const allowed = rule.kind === 'signed-in' || rule.roles.includes(role as UserRole);
        // Sign-out would end the session the rest of the matrix still needs.
        if (route.path === '/api/auth/logout' || route.path === '/api/auth/password') continue;
        const response = await clients
          .get(role)!
          [route.method.toLowerCase() as 'get'](fill(route.path))
          .send({});
        if (!allowed && response.status !== 403)
          failures.push(`${role} ${route.method} ${route.path}: ${response.status}, expected 403`);
        if (allowed && [401, 403].includes(response.status)) {
          failures.push(`${role} ${route.method} ${route.path}: ${response.status}, expected access`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 to another academy's staff for every record of academy A, and 200 to academy A's", async () => {
    const getRoutesWithId = routes.filter((route) => route.method === 'GET' && route.path.includes(':'));
    const unmapped = getRoutesWithId
      .filter((route) => !recordsOfAcademyA.has(route.path))
      .map((route) => route.path);
    expect(unmapped).toEqual(
      // Routes whose records belong to no academy.
      unmapped.filter((path) =>
        [
          '/api/users/:id',
          '/api/organisations/:id',
          '/api/policy/:academicYear',
          '/api/auth/oidc/:providerId/start',
        ].includes(path),
      ),
    );
    const failures: string[] = [];
    for (const route of getRoutesWithId.filter((candidate) => recordsOfAcademyA.has(candidate.path))) {
      const path = route.path.replace(/:[A-Za-z]+/, recordsOfAcademyA.get(route.path)!);
      const rule = route.rule as Exclude<AccessRule, { kind: 'public' }>;
      for (const role of USER_ROLES.filter(
        (candidate) => !['trust_admin', 'trust_leader'].includes(candidate),
      )) {
        if (rule.kind === 'roles' && !rule.roles.includes(role)) continue;
        const other = await clients.get(`${role}@B`)!.get(path);
        if (other.status !== 404)
          failures.push(`${role} of academy B GET ${path}: ${other.status}, expected 404`);
      }
      // A trust-wide reader: the trust leader, or the administrator where only staff roles may read.
      const reader =
        rule.kind === 'roles' && !rule.roles.includes('trust_leader') ? 'trust_admin' : 'trust_leader';
      const response = await clients.get(reader)!.get(path);
      if (response.status !== 200) failures.push(`${reader} GET ${path}: ${response.status}, expected 200`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses academy B's staff the indirect paths into academy A: organisation changes and exports", async () => {
    const dataSource = app.get(DataSource);
    const held = async () =>
      (
        await dataSource.query(
          `SELECT o.name, o.type, o.offers_technical_education, e.categories
           FROM organisation o JOIN encounter_organisation eo ON eo.organisation_id = o.id
           JOIN encounter e ON e.id = eo.encounter_id WHERE o.id = $1`,
          [organisationOfA],
        )
      )[0];
    const before = await held();
    const failures: string[] = [];
    for (const body of [
      { type: 'higher_education' },
      { offersTechnicalEducation: true },
      { name: 'Renamed by B' },
    ]) {
      const response = await clients
        .get('careers_lead@B')!
        .patch(`/api/organisations/${organisationOfA}`)
        .send(body);
      if (response.status !== 403)
        failures.push(`PATCH ${JSON.stringify(body)}: ${response.status}, expected 403`);
    }
    for (const role of USER_ROLES.filter(
      (candidate) => !['trust_admin', 'trust_leader'].includes(candidate),
    )) {
      const response = await clients.get(`${role}@B`)!.get(`/api/learners/${learnerOfA}/export`);
      if (![403, 404].includes(response.status))
        failures.push(`${role} of academy B export: ${response.status}, expected 403 or 404`);
    }
    expect(failures).toEqual([]);
    expect(await held()).toEqual(before);
    await clients
      .get('careers_lead@B')!
      .patch(`/api/organisations/${organisationOfA}`)
      .send({ contact: { name: 'Front desk', email: null, phone: null } })
      .expect(200);
  });
  it("refuses academy B's staff academy A's destinations follow-up: 403 for A's lists, 404 for A's learners", async () => {
    const dataSource = app.get(DataSource);
    const academyA = (await dataSource.query(`SELECT id FROM academy WHERE urn = '800001'`))[0].id;
    const failures: string[] = [];
    const expectStatus = async (who: string, answer: Promise<{ status: number }>, expected: number) => {
      const { status } = await answer;
      if (status !== expected) failures.push(`${who}: ${status}, expected ${expected}`);
    };
    for (const role of ['careers_adviser', 'careers_lead'] as const) {
      const ofB = clients.get(`${role}@B`)!;
      await expectStatus(
        `${role}@B NEET list`,
        ofB.get(`/api/destinations/neet-risk?academyId=${academyA}`),
        403,
      );
      await expectStatus(`${role}@B leavers`, ofB.get(`/api/destinations/actual?academyId=${academyA}`), 403);
      await expectStatus(
        `${role}@B cohorts`,
        ofB.get(`/api/destinations/actual/cohorts?academyId=${academyA}`),
        403,
      );
      await expectStatus(
        `${role}@B mark`,
        ofB
          .put('/api/destinations/neet-risk')
          .send({ learnerId: learnerOfA, reason: 'Matrix', support: '', reviewOn: '2025-12-01' }),
        404,
      );
      await expectStatus(
        `${role}@B clear`,
        ofB.delete(`/api/destinations/neet-risk?learnerId=${learnerOfA}`),
        404,
      );
      await expectStatus(
        `${role}@B record`,
        ofB.put('/api/destinations/actual').send({
          learnerId: learnerOfA,
          anniversary: 1,
          category: 'employment',
          source: 'learner',
          consentToFollowUp: true,
        }),
        404,
      );
    }
    // Academy A's own readers of reports and of NEET risk.
    for (const role of ['academy_leader', 'careers_lead'] as const)
      await expectStatus(
        `${role} leavers`,
        clients.get(role)!.get(`/api/destinations/actual?academyId=${academyA}`),
        200,
      );
    await expectStatus(
      'careers_adviser NEET list',
      clients.get('careers_adviser')!.get(`/api/destinations/neet-risk?academyId=${academyA}`),
      200,
    );
    expect(failures).toEqual([]);
  });

  it("refuses academy B's staff academy A's destinations report: 404 to report readers, 403 to the others", async () => {
    const dataSource = app.get(DataSource);
    const academyA = (await dataSource.query(`SELECT id FROM academy WHERE urn = '800001'`))[0].id;
    const failures: string[] = [];
    for (const role of USER_ROLES.filter(
      (candidate) => !['trust_admin', 'trust_leader'].includes(candidate),
    )) {
      const expected = rolesWith('readReports').includes(role) ? 404 : 403;
      for (const format of ['csv', 'pdf']) {
        const response = await clients
          .get(`${role}@B`)!
          .get(`/api/reports/destinations?academicYear=2025&academyId=${academyA}&format=${format}`);
        if (response.status !== expected)
          failures.push(`${role} of academy B ${format}: ${response.status}, expected ${expected}`);
        const own = await clients
          .get(role)!
          .get(`/api/reports/destinations?academicYear=2025&academyId=${academyA}&format=${format}`);
        if (own.status !== (expected === 404 ? 200 : 403))
          failures.push(`${role} of academy A ${format}: ${own.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses academy B's staff the indirect path of a roster import: a learner of academy A stays A's", async () => {
    const dataSource = app.get(DataSource);
    const held = () =>
      dataSource.query(
        `SELECT l.legal_surname, l.date_of_birth, l.gender, e.academy_id, e.leaving_date, e.year_group
           FROM learner l JOIN enrolment e ON e.learner_id = l.id WHERE l.id = $1 ORDER BY e.academy_id`,
        [learnerOfA],
      );
    const before = await held();
    const csv = `UPN,Legal Surname,Legal Forename,Date of Birth,Gender,Year Group\n${upnOfA},Taken,Over,01/01/2011,M,10\n`;
    const academyB = (await dataSource.query(`SELECT id FROM academy WHERE urn = '800002'`))[0].id;
    const leadOfB = clients.get('careers_lead@B')!;
    for (const dryRun of [true, false]) {
      const response = await leadOfB
        .post(`/api/academies/${academyB}/roster?academicYear=2025&dryRun=${dryRun}`)
        .attach('file', Buffer.from(csv), 'roster.csv')
        .expect(200);
      expect(response.body).toMatchObject({ created: 0, updated: 0, unchanged: 0, changes: [] });
      expect(response.body.heldElsewhere).toEqual([{ line: 2, upn: upnOfA }]);
    }
    expect(await held()).toEqual(before);
    await leadOfB.get(`/api/learners/${learnerOfA}`).expect(404);
    const [move] = (await leadOfB.get('/api/roster-moves').expect(200)).body;
    expect(move).toMatchObject({ mayDecide: false, learnerId: null, name: null });
    await leadOfB.post(`/api/roster-moves/${move.id}/confirm`).expect(403);
    await clients.get('careers_lead@B')!.post(`/api/roster-moves/${move.id}/decline`).expect(403);
    await clients.get('careers_adviser@B')!.post(`/api/roster-moves/${move.id}/confirm`).expect(403);
    expect(await held()).toEqual(before);
    await clients.get('careers_lead')!.post(`/api/roster-moves/${move.id}/decline`).expect(200);
  });
});
