import { academicYearOf, addDays, todayIsoDate } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

export interface FixtureLearner {
  id: string;
  upn: string;
  yearGroup: number;
  groupId: string;
}

/** Two academies of one trust, with learners in registration groups for the current academic year. */
export interface EncounterFixtures {
  academicYear: number;
  /** A school day of this academic year, in the past. */
  date: string;
  academyA: string;
  academyB: string;
  groups: Record<string, string>;
  /** Academy A: 10A (12 learners), 10B (12), 11A (6). */
  learnersA: FixtureLearner[];
  /** Academy B: 10X (4 learners). */
  learnersB: FixtureLearner[];
  /** Left academy A ten days before `date`. */
  leaver: FixtureLearner;
  organisations: Record<
    'employer' | 'college' | 'university' | 'itp' | 'sixthForm' | 'careersService',
    string
  >;
}

let sequence = 0;

function fixtureUpn(): string {
  sequence += 1;
  return `E${String(900_000_000_000 + sequence).slice(-11)}${String.fromCharCode(65 + (sequence % 26))}`;
}

/** A day in the current academic year that is already past (or today, on 1 September). */
export function pastDateThisYear(): string {
  const today = todayIsoDate();
  const start = `${academicYearOf(today)}-09-01`;
  const candidate = addDays(today, -14);
  return candidate < start ? start : candidate;
}

export async function createEncounterFixtures(
  app: INestApplication,
  names: { urnA: string; urnB: string },
): Promise<EncounterFixtures> {
  const dataSource = app.get(DataSource);
  const date = pastDateThisYear();
  const academicYear = academicYearOf(date);
  const [trust] = await dataSource.query(`INSERT INTO trust (name) VALUES ('Fixture Trust') RETURNING id`);
  const [academyA] = await dataSource.query(
    `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, 'Fixture A', $2, 'secondary') RETURNING id`,
    [trust.id, names.urnA],
  );
  const [academyB] = await dataSource.query(
    `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, 'Fixture B', $2, 'secondary') RETURNING id`,
    [trust.id, names.urnB],
  );
  const groups: Record<string, string> = {};
  async function cohort(academyId: string, groupName: string, yearGroup: number, size: number) {
    const [group] = await dataSource.query(
      `INSERT INTO learning_group (academy_id, academic_year, name, year_group) VALUES ($1, $2, $3, $4) RETURNING id`,
      [academyId, academicYear, groupName, yearGroup],
    );
    groups[groupName] = group.id;
    const learners: FixtureLearner[] = [];
    for (let index = 0; index < size; index += 1) {
      learners.push(await learner(academyId, group.id, yearGroup, `${groupName}-${index}`));
    }
    return learners;
  }
  async function learner(
    academyId: string,
    groupId: string,
    yearGroup: number,
    surname: string,
    leavingDate: string | null = null,
  ): Promise<FixtureLearner> {
    const upn = fixtureUpn();
    const [row] = await dataSource.query(
      `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
       VALUES ($1, $2, 'Fixture', '2010-05-05') RETURNING id`,
      [upn, surname],
    );
    await dataSource.query(
      `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, registration_group_id, leaving_date)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, academicYear, academyId, yearGroup, groupId, leavingDate],
    );
    await dataSource.query(`INSERT INTO group_membership (group_id, learner_id) VALUES ($1, $2)`, [
      groupId,
      row.id,
    ]);
    return { id: row.id, upn, yearGroup, groupId };
  }

  const learnersA = [
    ...(await cohort(academyA.id, '10A', 10, 12)),
    ...(await cohort(academyA.id, '10B', 10, 12)),
    ...(await cohort(academyA.id, '11A', 11, 6)),
  ];
  const learnersB = await cohort(academyB.id, '10X', 10, 4);
  const leaver = await learner(academyA.id, groups['10A'], 10, 'Leaver', addDays(date, -10));

  async function organisation(name: string, type: string, offersTechnicalEducation = false) {
    const [row] = await dataSource.query(
      `INSERT INTO organisation (name, type, sectors, offers_technical_education)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [name, type, type === 'employer' ? ['Engineering and manufacturing'] : [], offersTechnicalEducation],
    );
    return row.id as string;
  }
  return {
    academicYear,
    date,
    academyA: academyA.id,
    academyB: academyB.id,
    groups,
    learnersA,
    learnersB,
    leaver,
    organisations: {
      employer: await organisation(`Kiln Engineering ${names.urnA}`, 'employer'),
      college: await organisation(`Potteries College ${names.urnA}`, 'further_education'),
      university: await organisation(`University of Staffordshire ${names.urnA}`, 'higher_education'),
      itp: await organisation(`Midlands Apprenticeships ${names.urnA}`, 'independent_training_provider'),
      sixthForm: await organisation(`Trent Sixth Form ${names.urnA}`, 'sixth_form'),
      careersService: await organisation(`Careers Hub ${names.urnA}`, 'careers_service'),
    },
  };
}

let fresh = 0;

/**
 * Gives the fixtures a new employer and careers service (of the same types and sector as the first):
 * tests that each log the same learners on the same day stay apart under the duplicate rule (same academy,
 * date, organisations, most of the same learners), as `uniqueTitle()` keeps them apart under the
 * same-title rule.
 */
export async function useFreshOrganisations(
  app: INestApplication,
  fixtures: EncounterFixtures,
): Promise<void> {
  fresh += 1;
  const insert = async (type: string, sectors: string[]) => {
    const [row] = await app
      .get(DataSource)
      .query(`INSERT INTO organisation (name, type, sectors) VALUES ($1, $2, $3) RETURNING id`, [
        `Fixture ${type} ${fresh} ${fixtures.academyA}`,
        type,
        sectors,
      ]);
    return row.id as string;
  };
  fixtures.organisations.employer = await insert('employer', ['Engineering and manufacturing']);
  fixtures.organisations.careersService = await insert('careers_service', []);
}

/** The B7 checklist (R-M-1, 2024 definitions), every item ticked. */
export const B7_TICKED = {
  purposeShared: true,
  learningOutcomes: true,
  twoWayInteraction: true,
  reflection: true,
  providerInformation: true,
  whatLearningIsLike: true,
} as const;

/** A complete, valid body for `POST /api/encounters`. */
export function encounterBody(fixtures: EncounterFixtures, overrides: Record<string, unknown> = {}) {
  return {
    academyId: fixtures.academyA,
    title: 'Engineering careers talk',
    date: fixtures.date,
    format: 'talk',
    delivery: 'in_person',
    duringSchoolDay: true,
    durationMinutes: 60,
    organisationIds: [fixtures.organisations.employer],
    meaningful: { purposeShared: true, learningOutcomes: true, twoWayInteraction: true, reflection: true },
    attendees: {},
    ...overrides,
  };
}

/** A fresh app and database holding the fixtures' two academies (URNs `urnA`, `urnB`). */
export async function startWithEncounterFixtures(urns: { urnA: string; urnB: string }) {
  const app = await createTestApp();
  await resetDatabase(app);
  const fx = await createEncounterFixtures(app, urns);
  return { app, dataSource: app.get(DataSource), fx };
}

/** A signed-in teacher of academy A who teaches one of its registration groups (`10A`, `11A`, …). */
export function signedInTeacherOf(app: INestApplication, fx: EncounterFixtures, group: string) {
  return signedInUser(app, ['teacher'], { academyIds: [fx.academyA], groupIds: [fx.groups[group]] });
}

/** The class view of `groupId` for the fixtures' academic year: each learner's status of one rule, by learner id. */
export async function classStatuses(
  agent: SignedInAgent,
  fx: EncounterFixtures,
  groupId: string,
  rule: string,
): Promise<Record<string, string>> {
  const view = await agent
    .get(`/api/coverage/learners?scope=group&id=${groupId}&academicYear=${fx.academicYear}`)
    .expect(200);
  return Object.fromEntries(
    view.body.rows.map((row: { learnerId: string; statuses: Record<string, string> }) => [
      row.learnerId,
      row.statuses[rule],
    ]),
  );
}
