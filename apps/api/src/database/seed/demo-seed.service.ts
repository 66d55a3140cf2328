import {
  DEMO_TEACHER_ACADEMY_URN,
  DEMO_TEACHER_GROUPS,
  DEMO_TRUST,
  demoRosterCsv,
} from '@encounters/demo-data';
import { academicYearOf, todayIsoDate } from '@encounters/domain';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Academy } from '../../academies/academy.entity';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { DEMO_USERS, demoUsersBanner } from '../../auth/demo-users';
import { DemoEncountersSeeder } from './demo-encounters.seeder';
import { readRosterCsv } from '../../roster-import/roster-csv-reader';
import { RosterImportService } from '../../roster-import/roster-import.service';
import { Trust } from '../../trust/trust.entity';
import { UsersService } from '../../users/users.service';

/** Any constant works; it only has to be the same for every process that may seed at once. */
const SEED_LOCK = 7_412_301;

@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly rosters: RosterImportService,
    private readonly encounters: DemoEncountersSeeder,
  ) {}

  /** Whether this process seeded the demo trust as it started (the first start on an empty database). */
  seededAtStart = false;

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_DEMO_IF_EMPTY) this.seededAtStart = await this.seed({ onlyIfEmpty: true });
  }

  /**
   * What the terminal shows once, just before "Encounters is ready at …", on the start that made the demo
   * trust in demo mode: who to sign in as. Null on any other start.
   */
  startBanner(): string | null {
    return this.seededAtStart && this.config.DEMO_MODE ? demoUsersBanner(DEMO_USERS) : null;
  }

  /** Seeds the demo trust in one transaction; with `onlyIfEmpty` it does nothing once a trust exists. */
  async seed({ onlyIfEmpty }: { onlyIfEmpty: boolean }): Promise<boolean> {
    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const trusts = await manager.count(Trust);
      if (trusts > 0 && onlyIfEmpty) return false;
      await this.seedAcademies(manager);
      return true;
    });
    if (!seeded) return false;
    await this.seedUsers();
    await this.seedRosters();
    await this.encounters.seed();
    this.logger.log('Seeded the demo trust');
    return true;
  }

  private async seedUsers(): Promise<void> {
    const academies: { id: string; urn: string }[] = await this.dataSource.query(
      'SELECT id, urn FROM academy',
    );
    const existing: { email: string }[] = await this.dataSource.query(
      'SELECT lower(email) AS email FROM app_user',
    );
    for (const demo of DEMO_USERS) {
      if (existing.some((user) => user.email === demo.email.toLowerCase())) continue;
      const academyIds = academies
        .filter((academy) => demo.academyUrns.includes(academy.urn))
        .map((academy) => academy.id);
      await this.users.create({ ...demo, academyIds, groupIds: [] }, null, null);
    }
  }

  /** Imports each demo academy's fictional roster through the same path as an uploaded file. */
  private async seedRosters(): Promise<void> {
    const academicYear = academicYearOf(todayIsoDate());
    const academies: Pick<Academy, 'id' | 'urn' | 'phase'>[] = await this.dataSource.query(
      'SELECT id, urn, phase FROM academy WHERE urn = ANY($1::text[]) ORDER BY urn',
      [DEMO_TRUST.academies.map((academy) => academy.urn)],
    );
    for (const academy of academies) {
      const csv = demoRosterCsv(academy, academicYear);
      if (!csv) continue;
      const roster = await readRosterCsv([Buffer.from(csv)]);
      await this.rosters.import(academy.id, academicYear, roster, { dryRun: false, actorId: null });
    }
    await this.dataSource.query(
      `INSERT INTO user_group (user_id, group_id)
       SELECT u.id, g.id FROM app_user u, learning_group g JOIN academy a ON a.id = g.academy_id
        WHERE lower(u.email) = 'teacher@demo.encounters' AND a.urn = $1 AND g.academic_year = $2
          AND g.name = ANY($3::text[])
       ON CONFLICT DO NOTHING`,
      [DEMO_TEACHER_ACADEMY_URN, academicYear, DEMO_TEACHER_GROUPS],
    );
  }

  private async seedAcademies(manager: EntityManager): Promise<void> {
    let trust = await manager.findOne(Trust, { where: {}, order: { createdAt: 'ASC' } });
    trust ??= await manager.save(manager.create(Trust, { name: DEMO_TRUST.name }));
    for (const academy of DEMO_TRUST.academies) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Academy)
        .values({ ...academy, trustId: trust.id })
        .orIgnore()
        .execute();
    }
  }
}
