import { academicYearOf, todayIsoDate } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LearnerProgressService } from '../src/coverage/learner-progress.service';
import { upn } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

export interface DestinationLearner {
  id: string;
  upn: string;
  surname: string;
  yearGroup: number;
  group: string;
}

/**
 * Two academies of one trust in the current academic year. Academy A: 11K (Years 11: Adams, Baker, Cole,
 * Dunn), 11L (Year 11: Ahmed, Byrne, Cho), 13S (Year 13: Evans, Fox, Grant) and 10K (Year 10: Hill, Ives).
 * Academy B: 11X (Year 11: Jones, King). Everyone's coverage is computed, as the roster import leaves it.
 */
export interface DestinationFixtures {
  academicYear: number;
  academyA: string;
  academyB: string;
  groups: Record<string, string>;
  learners: Record<string, DestinationLearner>;
  organisations: { college: string; employer: string };
}

const COHORTS: [academy: 'A' | 'B', group: string, yearGroup: number, surnames: string[]][] = [
  // Out of alphabetical order, so that the register's sort is seen.
  ['A', '11K', 11, ['Dunn', 'Adams', 'Cole', 'Baker']],
  ['A', '11L', 11, ['Cho', 'Ahmed', 'Byrne']],
  ['A', '13S', 13, ['Grant', 'Evans', 'Fox']],
  ['A', '10K', 10, ['Hill', 'Ives']],
  ['B', '11X', 11, ['Jones', 'King']],
];

export async function createDestinationFixtures(
  app: INestApplication,
  urns: { urnA: string; urnB: string; firstUpn: number },
): Promise<DestinationFixtures> {
  const dataSource = app.get(DataSource);
  const academicYear = academicYearOf(todayIsoDate());
  const [trust] = await dataSource.query(
    `INSERT INTO trust (name) VALUES ('Destinations Trust') RETURNING id`,
  );
  const academy = async (name: string, urn: string) =>
    (
      await dataSource.query(
        `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, $2, $3, 'secondary') RETURNING id`,
        [trust.id, name, urn],
      )
    )[0].id as string;
  const academies = {
    A: await academy('Kilnside Academy', urns.urnA),
    B: await academy('Burslem Vale', urns.urnB),
  };
  const groups: Record<string, string> = {};
  const learners: Record<string, DestinationLearner> = {};
  let serial = urns.firstUpn;
  for (const [academyKey, groupName, yearGroup, surnames] of COHORTS) {
    const [group] = await dataSource.query(
      `INSERT INTO learning_group (academy_id, academic_year, name, year_group) VALUES ($1, $2, $3, $4) RETURNING id`,
      [academies[academyKey], academicYear, groupName, yearGroup],
    );
    groups[groupName] = group.id;
    for (const surname of surnames) {
      const learnerUpn = upn(serial++);
      const [row] = await dataSource.query(
        `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
         VALUES ($1, $2, 'Sam', $3) RETURNING id`,
        [learnerUpn, surname, `${academicYear - yearGroup - 5}-10-01`],
      );
      await dataSource.query(
        `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, registration_group_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [row.id, academicYear, academies[academyKey], yearGroup, group.id],
      );
      await dataSource.query(`INSERT INTO group_membership (group_id, learner_id) VALUES ($1, $2)`, [
        group.id,
        row.id,
      ]);
      learners[surname] = { id: row.id, upn: learnerUpn, surname, yearGroup, group: groupName };
    }
  }
  await app.get(LearnerProgressService).learnersChanged(
    dataSource.manager,
    Object.values(learners).map((learner) => learner.id),
  );
  const organisation = async (name: string, type: string) =>
    (
      await dataSource.query(`INSERT INTO organisation (name, type) VALUES ($1, $2) RETURNING id`, [
        name,
        type,
      ])
    )[0].id as string;
  return {
    academicYear,
    academyA: academies.A,
    academyB: academies.B,
    groups,
    learners,
    organisations: {
      college: await organisation(`Potteries College ${urns.urnA}`, 'further_education'),
      employer: await organisation(`Kiln Engineering ${urns.urnA}`, 'employer'),
    },
  };
}

/** A fresh app and database holding the fixtures, with the people who use the destinations pages. */
export async function startWithDestinationFixtures(urns: { urnA: string; urnB: string; firstUpn: number }) {
  const app = await createTestApp();
  await resetDatabase(app);
  const fx = await createDestinationFixtures(app, urns);
  const people = {
    leadA: await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] }),
    adviserA: await signedInUser(app, ['careers_adviser'], { academyIds: [fx.academyA] }),
    leaderA: await signedInUser(app, ['academy_leader'], { academyIds: [fx.academyA] }),
    teacher11K: await signedInUser(app, ['teacher'], {
      academyIds: [fx.academyA],
      groupIds: [fx.groups['11K']],
    }),
    leadB: await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyB] }),
    admin: await signedInUser(app, ['trust_admin']),
  } satisfies Record<string, SignedInAgent>;
  return { app, dataSource: app.get(DataSource), fx, people };
}
