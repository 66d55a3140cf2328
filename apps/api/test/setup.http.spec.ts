import { INestApplication } from '@nestjs/common';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SetupService } from '../src/setup/setup.service';
import { buildApi, freshDatabase } from './fresh-database';
import { cohort, rosterCsv } from './roster-files';
import { runNode } from './run-node';
import { signInAs } from './sign-in';
import { createTestApp } from './test-app';

const PASSWORD = 'a long set-up passphrase 42';

/** Runs the built command line as `npm run setup` does, with the password on standard input. */
function runCli(cli: string, args: string[], env: Record<string, string>, stdin: string) {
  return runNode([cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdin });
}

describe(SetupService.name, () => {
  describe('npm run setup, then the API, on an empty database', () => {
    let build: Awaited<ReturnType<typeof buildApi>>;
    let database: Awaited<ReturnType<typeof freshDatabase>>;
    let folder: string;
    let app: INestApplication | undefined;

    beforeAll(async () => {
      [build, database, folder] = await Promise.all([
        buildApi(),
        freshDatabase('setup_cli'),
        mkdtemp(join(tmpdir(), 'encounters-setup-')),
      ]);
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await database.drop();
      await build.remove();
      await rm(folder, { recursive: true, force: true });
    });

    const setupArgs = (academies: string) => [
      'setup',
      '--trust-name',
      'Moorland Learning Trust',
      '--admin-email',
      'ada.admin@moorland.example',
      '--admin-name',
      'Ada Admin',
      '--academies',
      academies,
      '--password-stdin',
    ];
    /** `cli.js setup` against the test database with `academies` as its file, `stdin` typed at the prompt. */
    const runSetup = (academies: string, stdin: string) =>
      runCli(join(build.dir, 'cli.js'), setupArgs(academies), { DATABASE_URL: database.url }, stdin);

    it('refuses an academies file with bad rows, naming each, and writes nothing', async () => {
      const bad = join(folder, 'bad.csv');
      await writeFile(
        bad,
        'URN,name,phase\n12345,Short URN Academy,secondary\n140001,Moor Academy,nursery\n',
      );
      const result = await runSetup(bad, PASSWORD);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('line 2: A URN is six digits.');
      expect(result.stderr).toContain('line 3: Unknown phase');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const again = await runSetup(bad, PASSWORD);
      expect(again.stderr).not.toContain('already set up');
    }, 60_000);

    it('creates the trust, its administrator and its academies from a GIAS download, then refuses to run again', async () => {
      const gias = join(folder, 'edubasealldata.csv');
      await writeFile(
        gias,
        [
          'URN,LA (code),EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name)',
          '140001,860,Moorland Academy,Academy converter,Secondary',
          '140002,860,"Heath, Vale and Tor Academy",Academy sponsor led,All-through',
          '140003,860,Moorland Sixth Form,Academy 16-19 converter,16 plus',
        ].join('\r\n'),
      );
      const result = await runSetup(gias, `${PASSWORD}\n`);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(
        'Set up Moorland Learning Trust with ada.admin@moorland.example as trust administrator and 3 academies.',
      );

      const twice = await runSetup(gias, PASSWORD);
      expect(twice.code).toBe(1);
      expect(twice.stderr.trim().split('\n')).toEqual([
        'Encounters is already set up: the trust "Moorland Learning Trust" has 3 academies and 1 users. Set-up runs once.',
      ]);
    }, 60_000);

    it('lets that administrator rename the trust, create an academy and import a roster, with no SQL', async () => {
      app = await createTestApp({ DATABASE_URL: database.url });
      const admin = await signInAs(app, 'ada.admin@moorland.example', PASSWORD);

      const trust = await admin.get('/api/trust').expect(200);
      expect(trust.body).toEqual({ id: expect.any(String), name: 'Moorland Learning Trust' });
      await admin.patch('/api/trust').send({ name: '' }).expect(400);
      const renamed = await admin.patch('/api/trust').send({ name: 'Moorland Academies Trust' }).expect(200);
      expect(renamed.body.name).toBe('Moorland Academies Trust');
      await expect(admin.get('/api/trust').then((response) => response.body.name)).resolves.toBe(
        'Moorland Academies Trust',
      );

      const listed = await admin.get('/api/academies').expect(200);
      expect(
        listed.body.map((academy: { urn: string; phase: string }) => [academy.urn, academy.phase]),
      ).toEqual(
        expect.arrayContaining([
          ['140001', 'secondary'],
          ['140002', 'all_through'],
          ['140003', 'sixth_form'],
        ]),
      );
      expect(listed.body.find((academy: { urn: string }) => academy.urn === '140002').name).toBe(
        'Heath, Vale and Tor Academy',
      );

      const created = await admin
        .post('/api/academies')
        .send({ name: 'Tor Primary Academy', urn: '140004', phase: 'primary' })
        .expect(201);
      const roster = await admin
        .post(`/api/academies/${created.body.id}/roster?academicYear=2025&dryRun=false`)
        .set('content-type', 'text/csv')
        .send(rosterCsv(cohort(1, 4, 6)))
        .expect(200);
      expect(roster.body).toMatchObject({ created: 4, rejected: 0, errors: [] });

      const audit = await app
        .get(DataSource)
        .query(`SELECT action FROM audit_entry WHERE action LIKE 'trust.%' ORDER BY at`);
      expect(audit.map((row: { action: string }) => row.action)).toEqual(['trust.setup', 'trust.update']);
    });
  });

  describe('the first-run page, on an empty database', () => {
    let database: Awaited<ReturnType<typeof freshDatabase>>;
    let app: INestApplication;

    beforeAll(async () => {
      database = await freshDatabase('setup_web');
      app = await createTestApp({ DATABASE_URL: database.url });
    });

    afterAll(async () => {
      await app.close();
      await database.drop();
    });

    it('sets up with the one-time code, once, and never without it', async () => {
      const server = app.getHttpServer();
      await expect(
        request(server)
          .get('/api/setup')
          .then((response) => response.body),
      ).resolves.toEqual({
        needed: true,
      });
      const code = app.get(SetupService).setupCode() ?? 'none';
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const form = {
        trustName: 'Fenland Schools Trust',
        adminEmail: 'fran@fenland.example',
        adminName: 'Fran Fenn',
        password: PASSWORD,
        academiesCsv: 'URN,name,phase\n150001,Fenland Academy,secondary\n',
      };
      const wrong = await request(server)
        .post('/api/setup')
        .send({ ...form, code: 'AAAA-BBBB-CCCC' })
        .expect(403);
      expect(wrong.body).toMatchObject({ statusCode: 403, error: 'Forbidden', details: [] });
      await request(server)
        .post('/api/setup')
        .send({ ...form, code: code.toLowerCase(), password: 'short' })
        .expect(400);

      const done = await request(server)
        .post('/api/setup')
        .send({ ...form, code: code.toLowerCase().replace(/-/g, ' ') })
        .expect(201);
      expect(done.body).toMatchObject({
        trust: { name: 'Fenland Schools Trust' },
        admin: { email: 'fran@fenland.example' },
        academies: 1,
      });
      expect(app.get(SetupService).setupCode()).toBeNull();
      await expect(
        request(server)
          .get('/api/setup')
          .then((response) => response.body),
      ).resolves.toEqual({
        needed: false,
      });
      const again = await request(server)
        .post('/api/setup')
        .send({ ...form, code: code })
        .expect(409);
      expect(again.body.message).toBe('Encounters is already set up: sign in instead.');

      const admin = await signInAs(app, 'fran@fenland.example', PASSWORD);
      await expect(admin.get('/api/trust').then((response) => response.body.name)).resolves.toBe(
        'Fenland Schools Trust',
      );
    });

    it('keeps the trust for its administrator: nobody else reads or renames it', async () => {
      await request(app.getHttpServer()).get('/api/trust').expect(401);
      await request(app.getHttpServer()).patch('/api/trust').send({ name: 'Taken' }).expect(401);
    });
  });
});
