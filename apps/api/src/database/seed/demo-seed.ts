import {
  DEMO_TEACHER_ACADEMY_URN,
  DEMO_TEACHER_GROUPS,
  DEMO_TRUST,
  demoRosterCsv,
} from '@encounters/demo-data';
import { academicYearOf, type AcademyPhase, todayIsoDate } from '@encounters/domain';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_USERS } from '../../auth/demo-users';
import type { LearnerProgressService } from '../../coverage/learner-progress.service';
import { DemoDestinationsSeeder } from './demo-destinations.seeder';
import { DemoEncountersSeeder } from './demo-encounters.seeder';
import { readRosterCsv } from '../../roster-import/roster-csv-reader';
import type { RosterImportService } from '../../roster-import/roster-import.service';
import type { UsersService } from '../../users/users.service';

/**
 * What seeding needs from the running API: its data source and the services whose writes it reuses. The
 * seed bundle (seed.js) holds its own copy of the code it imports, so it takes the API's instances rather
 * than asking Nest for classes it would not recognise.
 */
export interface SeedDependencies {
  dataSource: DataSource;
  users: Pick<UsersService, 'create'>;
  rosters: Pick<RosterImportService, 'import'>;
  progress: LearnerProgressService;
}

/** Any constant works; it only has to be the same for every process that may seed at once. */
const SEED_LOCK = 7_412_301;
const logger = new Logger('DemoSeed');

/** Seeds the demo trust in one transaction; with `onlyIfEmpty` it does nothing once a trust exists. */
export async function seedDemoTrust(
  deps: SeedDependencies,
  { onlyIfEmpty }: { onlyIfEmpty: boolean },
): Promise<boolean> {
  const seeded = await deps.dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [{ trusts }]: { trusts: number }[] = await manager.query(
      'SELECT count(*)::int AS trusts FROM trust',
    );
    if (trusts > 0 && onlyIfEmpty) return false;
    await seedAcademies(manager);
    return true;
  });
  if (!seeded) return false;
  await seedUsers(deps);
  await seedRosters(deps);
  await new DemoEncountersSeeder(deps.dataSource, deps.progress).seed();
  await new DemoDestinationsSeeder(deps.dataSource, deps.progress).seed();
  logger.log('Seeded the demo trust');
  return true;
}

async function seedAcademies(manager: EntityManager): Promise<void> {
  const [trust]: { id: string }[] = await manager.query(
    `WITH existing AS (SELECT id FROM trust ORDER BY created_at LIMIT 1),
          created AS (INSERT INTO trust (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM existing) RETURNING id)
     SELECT id FROM existing UNION ALL SELECT id FROM created`,
    [DEMO_TRUST.name],
  );
  for (const academy of DEMO_TRUST.academies) {
    await manager.query(
      `INSERT INTO academy (trust_id, urn, name, phase, evaluation_type) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [trust.id, academy.urn, academy.name, academy.phase, academyEvaluationType(academy)],
    );
  }
}

async function seedUsers({ dataSource, users }: SeedDependencies): Promise<void> {
  const academies: { id: string; urn: string }[] = await dataSource.query('SELECT id, urn FROM academy');
  const existing: { email: string }[] = await dataSource.query('SELECT lower(email) AS email FROM app_user');
  for (const demo of DEMO_USERS) {
    if (existing.some((user) => user.email === demo.email.toLowerCase())) continue;
    const academyIds = academies
      .filter((academy) => demo.academyUrns.includes(academy.urn))
      .map((academy) => academy.id);
    await users.create({ ...demo, academyIds, groupIds: [] }, null, null);
  }
}

/** Imports each demo academy's fictional roster through the same path as an uploaded file. */
async function seedRosters({ dataSource, rosters }: SeedDependencies): Promise<void> {
  const academicYear = academicYearOf(todayIsoDate());
  const academies: { id: string; urn: string; phase: AcademyPhase }[] = await dataSource.query(
    'SELECT id, urn, phase FROM academy WHERE urn = ANY($1::text[]) ORDER BY urn',
    [DEMO_TRUST.academies.map((academy) => academy.urn)],
  );
  for (const academy of academies) {
    const csv = demoRosterCsv(academy, academicYear);
    if (!csv) continue;
    const roster = await readRosterCsv([Buffer.from(csv)]);
    await rosters.import(academy.id, academicYear, roster, { dryRun: false, actorId: null });
  }
  await dataSource.query(
    `INSERT INTO user_group (user_id, group_id)
     SELECT u.id, g.id FROM app_user u, learning_group g JOIN academy a ON a.id = g.academy_id
      WHERE lower(u.email) = 'teacher@demo.encounters' AND a.urn = $1 AND g.academic_year = $2
        AND g.name = ANY($3::text[])
     ON CONFLICT DO NOTHING`,
    [DEMO_TEACHER_ACADEMY_URN, academicYear, DEMO_TEACHER_GROUPS],
  );
}

/** R-V-1: the demo's sixth-form college is judged as a post-16 institution; the others as schools. */
function academyEvaluationType(academy: (typeof DEMO_TRUST.academies)[number]): string {
  return ('evaluationType' in academy ? academy.evaluationType : undefined) ?? 'school';
}
