import { academicYearOf, addDays, pseudonymiseOn, todayIsoDate } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../src/config/config';
import { LearnerProgressService } from '../src/coverage/learner-progress.service';
import { Clock } from '../src/destination-follow-up/clock';
import { RETENTION_LOCK } from '../src/destination-follow-up/destination-follow-up.queries';
import { RETENTION_JOB } from '../src/destination-follow-up/retention.scheduler';
import { RetentionService } from '../src/destination-follow-up/retention.service';
import { buildApi } from './fresh-database';
import { upn } from './roster-files';
import { runNode } from './run-node';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/** Today, as the job would see it without a test moving its clock. */
const TODAY = todayIsoDate();
const YEAR = academicYearOf(TODAY);
/** Three years on: the clock the job is moved to. */
const LATER = pseudonymiseOn(TODAY);

const SUMMARY = 'Talked about her brother’s illness and how it affects her revision.';
const NOTES = 'Worried about the bus fare to the college.';
const REASON = 'Not attending since February.';

interface LearnerFacts {
  legal_forename: string;
  legal_surname: string;
  preferred_forename: string | null;
  date_of_birth: string | null;
  upn: string;
  gender: string | null;
  consent_to_follow_up: boolean | null;
  pseudonymised: boolean;
  search_text: string;
}

describe(RetentionService.name, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let sut: RetentionService;
  let clock: jest.SpyInstance<string, []>;
  let academyA: string;
  let academyB: string;
  let admin: SignedInAgent;
  let serial = 0;
  const learners: Record<string, string> = {};

  /** A learner whose last enrolment is `yearGroup` at academy A in `academicYear`, left on `leavingDate`. */
  async function learner(
    surname: string,
    academicYear: number,
    leavingDate: string | null,
    yearGroup = 11,
  ): Promise<string> {
    serial += 1;
    const [row] = await dataSource.query(
      `INSERT INTO learner (upn, legal_surname, legal_forename, preferred_forename, date_of_birth, gender)
       VALUES ($1, $2, 'Rowan', 'Ro', '2008-03-14', 'F') RETURNING id`,
      [upn(80_000 + serial), surname],
    );
    await dataSource.query(
      `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, leaving_date, pupil_premium)
       VALUES ($1, $2, $3, $4, $5, true)`,
      [row.id, academicYear, academyA, yearGroup, leavingDate],
    );
    return row.id;
  }

  const facts = async (learnerId: string): Promise<LearnerFacts> =>
    (
      await dataSource.query(
        `SELECT legal_forename, legal_surname, preferred_forename, date_of_birth::text AS date_of_birth, upn,
                gender, consent_to_follow_up, pseudonymised_at IS NOT NULL AS pseudonymised, search_text
           FROM learner WHERE id = $1`,
        [learnerId],
      )
    )[0];
  const count = async (sql: string, learnerId: string) =>
    Number((await dataSource.query(sql, [learnerId]))[0].n);
  const retentionEntries = () =>
    dataSource.query(
      `SELECT user_id, entity_id, details FROM audit_entry WHERE action = 'retention.pseudonymise' ORDER BY id`,
    ) as Promise<{ user_id: string | null; entity_id: string | null; details: Record<string, unknown> }[]>;

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    dataSource = app.get(DataSource);
    sut = app.get(RetentionService);
    clock = jest.spyOn(app.get(Clock), 'today');
    const [trust] = await dataSource.query(
      `INSERT INTO trust (name) VALUES ('Retention Trust') RETURNING id`,
    );
    const academy = async (name: string, urn: string) =>
      (
        await dataSource.query(
          `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, $2, $3, 'secondary') RETURNING id`,
          [trust.id, name, urn],
        )
      )[0].id as string;
    academyA = await academy('Retention A', '970001');
    academyB = await academy('Retention B', '970002');
    admin = await signedInUser(app, ['trust_admin']);

    // Left in the summer four academic years ago (2022/23 in 2026/27), with everything a leaver can have.
    learners.old = await learner('Oldfield', YEAR - 4, `${YEAR - 3}-07-20`);
    const old = learners.old;
    await dataSource.query(`UPDATE learner SET consent_to_follow_up = true WHERE id = $1`, [old]);
    const [destination] = await dataSource.query(
      `INSERT INTO intended_destination (learner_id, academic_year, category, provider_name, status, notes)
       VALUES ($1, $2, 'further_education', 'Potteries College', 'accepted', $3) RETURNING id`,
      [old, YEAR - 4, NOTES],
    );
    await dataSource.query(
      `INSERT INTO destination_status_change (destination_id, status, "on")
       VALUES ($1, 'applied', $2), ($1, 'accepted', $3)`,
      [destination.id, `${YEAR - 3}-01-10`, `${YEAR - 3}-03-02`],
    );
    await dataSource.query(
      `INSERT INTO neet_risk (learner_id, reason, support, review_on) VALUES ($1, $2, 'Mentor', $3)`,
      [old, REASON, `${YEAR - 3}-04-01`],
    );
    await dataSource.query(
      `INSERT INTO guidance_meeting (learner_id, academy_id, academic_year, date, adviser_name, adviser_level, mode,
         summary, agreed_actions)
       VALUES ($1, $2, $3, $4, 'Sam Adeyemi', 6, 'in_person', $5, 'Visit the college open evening.')`,
      [old, academyA, YEAR - 4, `${YEAR - 3}-02-01`, SUMMARY],
    );
    const [encounter] = await dataSource.query(
      `INSERT INTO encounter (academy_id, academic_year, title, date, format, delivery, during_school_day,
         duration_minutes)
       VALUES ($1, $2, 'Engineering talk', $3, 'talk', 'in_person', true, 60) RETURNING id`,
      [academyA, YEAR - 4, `${YEAR - 3}-01-20`],
    );
    await dataSource.query(
      `INSERT INTO attendance (encounter_id, learner_id, reflection_rating, reflection_comment)
       VALUES ($1, $2, 4, 'Loved the robot arm, my dad works there.')`,
      [encounter.id, old],
    );
    await dataSource.query(
      `INSERT INTO learner_part_time_job (learner_id, employer_name, hours_per_week, held_from)
       VALUES ($1, 'Oldfield Family Bakery', 8, $2)`,
      [old, `${YEAR - 4}-10-01`],
    );
    await dataSource.query(
      `INSERT INTO actual_destination (learner_id, anniversary, category, provider, source)
       VALUES ($1, 1, 'further_education', 'Potteries College', 'learner'),
              ($1, 2, 'apprenticeship', 'Kiln Engineering', 'provider')`,
      [old],
    );
    await dataSource.query(
      `INSERT INTO roster_move_request (learner_id, academic_year, to_academy_id, from_academy_id, row)
       VALUES ($1, $2, $3, $4, $5)`,
      [old, YEAR - 3, academyB, academyA, { legalSurname: 'Oldfield', dateOfBirth: '2008-03-14' }],
    );
    await app.get(LearnerProgressService).learnersChanged(dataSource.manager, [old]);

    // Left today: due exactly three years on. Left tomorrow: due a day later.
    learners.today = await learner('Todd', YEAR, TODAY);
    learners.tomorrow = await learner('Morrow', academicYearOf(addDays(TODAY, 1)), addDays(TODAY, 1));
    // A leaver of the last year as the moved clock sees it, and a learner still on roll then.
    learners.lastYear = await learner('Lately', academicYearOf(LATER) - 1, null);
    learners.onRoll = await learner('Stays', academicYearOf(LATER), null, 9);
  }, 60_000);

  afterAll(async () => {
    await app.close();
  });

  it('pseudonymises nobody before their three years are up', async () => {
    clock.mockReturnValue(addDays(`${YEAR}-07-20`, -1));
    await expect(sut.run()).resolves.toEqual({ ran: true, pseudonymised: 0 });
    expect((await facts(learners.old)).pseudonymised).toBe(false);
    expect(await retentionEntries()).toEqual([]);
  });

  describe('three years on', () => {
    let before: { progress: number; enrolments: number; meetings: number; changes: number };

    beforeAll(async () => {
      before = {
        progress: await count(
          `SELECT count(*) AS n FROM learner_progress WHERE learner_id = $1`,
          learners.old,
        ),
        enrolments: await count(`SELECT count(*) AS n FROM enrolment WHERE learner_id = $1`, learners.old),
        meetings: await count(
          `SELECT count(*) AS n FROM guidance_meeting WHERE learner_id = $1`,
          learners.old,
        ),
        changes: await count(
          `SELECT count(*) AS n FROM destination_status_change c JOIN intended_destination d ON d.id = c.destination_id
            WHERE d.learner_id = $1`,
          learners.old,
        ),
      };
      clock.mockReturnValue(LATER);
    });

    it('takes names, date of birth, UPN and free text off the leavers due, once, audited with a count', async () => {
      await expect(sut.run()).resolves.toEqual({ ran: true, pseudonymised: 2 });
      const old = await facts(learners.old);
      expect(old).toMatchObject({
        legal_forename: 'Pseudonymised',
        legal_surname: 'leaver',
        preferred_forename: null,
        date_of_birth: null,
        gender: 'F',
        consent_to_follow_up: true,
        pseudonymised: true,
      });
      expect(old.upn).toMatch(/^S[0-9]{11}Z$/);
      expect(old.search_text).not.toMatch(/oldfield|rowan/);
      expect((await facts(learners.today)).pseudonymised).toBe(true);
      expect((await facts(learners.today)).upn).not.toBe(old.upn);

      const entries = await retentionEntries();
      expect(entries).toEqual([
        { user_id: null, entity_id: null, details: { pseudonymised: 2, asAt: LATER } },
      ]);

      await expect(sut.run()).resolves.toEqual({ ran: true, pseudonymised: 0 });
      expect(await retentionEntries()).toHaveLength(1);
      expect((await facts(learners.old)).upn).toBe(old.upn);
    });

    it('removes the free text written about them and keeps what is counted', async () => {
      const id = learners.old;
      const [destination] = await dataSource.query(
        `SELECT category, provider_name, status, notes FROM intended_destination WHERE learner_id = $1`,
        [id],
      );
      expect(destination).toEqual({
        category: 'further_education',
        provider_name: 'Potteries College',
        status: 'accepted',
        notes: null,
      });
      expect(await count(`SELECT count(*) AS n FROM neet_risk WHERE learner_id = $1`, id)).toBe(0);
      expect(
        await dataSource.query(
          `SELECT summary, agreed_actions, adviser_name, date::text AS date FROM guidance_meeting WHERE learner_id = $1`,
          [id],
        ),
      ).toEqual([
        { summary: '', agreed_actions: '', adviser_name: 'Sam Adeyemi', date: `${YEAR - 3}-02-01` },
      ]);
      expect(
        await dataSource.query(
          `SELECT status, reflection_rating, reflection_comment FROM attendance WHERE learner_id = $1`,
          [id],
        ),
      ).toEqual([{ status: 'attended', reflection_rating: 4, reflection_comment: null }]);
      expect(
        await dataSource.query(
          `SELECT employer_name, hours_per_week::float AS hours FROM learner_part_time_job WHERE learner_id = $1`,
          [id],
        ),
      ).toEqual([{ employer_name: 'Pseudonymised', hours: 8 }]);
      expect(
        await dataSource.query(
          `SELECT anniversary, category, provider, source FROM actual_destination WHERE learner_id = $1 ORDER BY anniversary`,
          [id],
        ),
      ).toEqual([
        { anniversary: 1, category: 'further_education', provider: 'Potteries College', source: 'learner' },
        { anniversary: 2, category: 'apprenticeship', provider: 'Kiln Engineering', source: 'provider' },
      ]);
      expect(await count(`SELECT count(*) AS n FROM roster_move_request WHERE learner_id = $1`, id)).toBe(0);
      expect({
        progress: await count(`SELECT count(*) AS n FROM learner_progress WHERE learner_id = $1`, id),
        enrolments: await count(`SELECT count(*) AS n FROM enrolment WHERE learner_id = $1`, id),
        meetings: await count(`SELECT count(*) AS n FROM guidance_meeting WHERE learner_id = $1`, id),
        changes: await count(
          `SELECT count(*) AS n FROM destination_status_change c JOIN intended_destination d ON d.id = c.destination_id
            WHERE d.learner_id = $1`,
          id,
        ),
      }).toEqual(before);
      expect(before.progress).toBeGreaterThan(0);
      const everything = JSON.stringify(
        await dataSource.query(
          `SELECT to_jsonb(x) FROM (
             SELECT * FROM learner WHERE id = $1) x
           UNION ALL SELECT to_jsonb(g) FROM guidance_meeting g WHERE learner_id = $1
           UNION ALL SELECT to_jsonb(d) FROM intended_destination d WHERE learner_id = $1
           UNION ALL SELECT to_jsonb(a) FROM attendance a WHERE learner_id = $1
           UNION ALL SELECT to_jsonb(j) FROM learner_part_time_job j WHERE learner_id = $1
           UNION ALL SELECT to_jsonb(e) FROM audit_entry e`,
          [id],
        ),
      );
      for (const text of ['Oldfield', 'Rowan', '2008-03-14', 'brother', 'bus fare', 'February', 'robot arm'])
        expect(everything).not.toContain(text);
    });

    it('shows the pseudonymised leaver in their cohort without name or UPN, destinations kept', async () => {
      const response = await admin
        .get(`/api/destinations/actual?academyId=${academyA}&leftIn=${YEAR - 4}`)
        .expect(200);
      expect(response.body.items).toEqual([
        expect.objectContaining({
          learnerId: learners.old,
          name: 'Pseudonymised leaver',
          upn: null,
          pseudonymised: true,
          consentToFollowUp: true,
          destinations: [
            expect.objectContaining({ anniversary: 1, category: 'further_education' }),
            expect.objectContaining({ anniversary: 2, category: 'apprenticeship' }),
          ],
        }),
      ]);
      expect(response.body.figures[0]).toMatchObject({ leavers: 1, inEet: 1, percentInEet: 100 });
    });

    it('leaves alone a leaver not yet due, the last year’s leavers and learners on roll', async () => {
      for (const id of [learners.tomorrow, learners.lastYear, learners.onRoll]) {
        expect(await facts(id)).toMatchObject({
          legal_forename: 'Rowan',
          preferred_forename: 'Ro',
          date_of_birth: '2008-03-14',
          pseudonymised: false,
        });
      }
      clock.mockReturnValue(addDays(LATER, 1));
      await expect(sut.run()).resolves.toEqual({ ran: true, pseudonymised: 1 });
      expect((await facts(learners.tomorrow)).pseudonymised).toBe(true);
      expect((await facts(learners.lastYear)).pseudonymised).toBe(false);
      clock.mockReturnValue(LATER);
    });

    it('runs once at a time: a run that finds the lock held does nothing, two at once pseudonymise once', async () => {
      const due = [
        await learner('Alpha', YEAR - 4, null),
        await learner('Beta', YEAR - 4, null),
        await learner('Gamma', YEAR - 5, `${YEAR - 4}-06-30`),
      ];
      const holder = dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
        await expect(sut.run()).resolves.toEqual({ ran: false, pseudonymised: 0 });
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
      expect((await facts(due[0])).pseudonymised).toBe(false);
      const entries = (await retentionEntries()).length;

      const outcomes = await Promise.all([sut.run(), sut.run()]);
      expect(outcomes.reduce((sum, outcome) => sum + outcome.pseudonymised, 0)).toBe(3);
      expect(await retentionEntries()).toHaveLength(entries + 1);
      const upns = await Promise.all(due.map(async (id) => (await facts(id)).upn));
      expect(upns.every((code) => /^S[0-9]{11}Z$/.test(code))).toBe(true);
    });
  });

  describe('its schedule', () => {
    it('runs daily at 02:30 in England unless RETENTION_SCHEDULE says otherwise, and never when off', async () => {
      const job = app.get(SchedulerRegistry).getCronJob(RETENTION_JOB);
      expect(job.cronTime.source).toBe('30 2 * * *');
      expect(job.isActive).toBe(true);
      const next = job.nextDate().setZone('Europe/London');
      expect([next.hour, next.minute]).toEqual([2, 30]);

      const off = await createTestApp({ RETENTION_SCHEDULE: 'off' });
      try {
        expect(off.get(SchedulerRegistry).doesExist('cron', RETENTION_JOB)).toBe(false);
      } finally {
        await off.close();
      }
      const hourly = await createTestApp({ RETENTION_SCHEDULE: '0 * * * *' });
      try {
        expect(hourly.get(SchedulerRegistry).getCronJob(RETENTION_JOB).cronTime.source).toBe('0 * * * *');
      } finally {
        await hourly.close();
      }
    });

    it('refuses a schedule that is not a cron expression at start-up', () => {
      const env = { DATABASE_URL: 'postgres://x@127.0.0.1/x' };
      expect(() => loadConfig({ ...env, RETENTION_SCHEDULE: 'nightly' })).toThrow(ConfigError);
      expect(() => loadConfig({ ...env, RETENTION_SCHEDULE: 'nightly' })).toThrow(/RETENTION_SCHEDULE/);
      expect(loadConfig(env).RETENTION_SCHEDULE).toBe('30 2 * * *');
    });
  });

  describe('cli retention run', () => {
    let build: Awaited<ReturnType<typeof buildApi>>;

    beforeAll(async () => {
      build = await buildApi();
    }, 120_000);

    afterAll(async () => {
      await build.remove();
    });

    it('runs the job now and prints how many leavers it pseudonymised', async () => {
      const due = await learner('Cli', YEAR - 5, `${YEAR - 4}-07-19`);
      const env = { PATH: process.env.PATH ?? '', DATABASE_URL: process.env.TEST_DATABASE_URL ?? '' };
      const first = await runNode([join(build.dir, 'cli.js'), 'retention', 'run'], {
        env,
        killAfterMs: 60_000,
      });
      expect(first).toMatchObject({ code: 0, stdout: 'Pseudonymised 1 leaver.\n' });
      expect((await facts(due)).pseudonymised).toBe(true);
      const second = await runNode([join(build.dir, 'cli.js'), 'retention', 'run'], {
        env,
        killAfterMs: 60_000,
      });
      expect(second).toMatchObject({ code: 0, stdout: 'Pseudonymised 0 leavers.\n' });
      const wrong = await runNode([join(build.dir, 'cli.js'), 'retention'], { env, killAfterMs: 60_000 });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/cli retention run/);
    }, 120_000);
  });
});
