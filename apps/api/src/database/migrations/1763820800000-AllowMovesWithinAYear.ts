import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R-G-2: a learner who moves academy during a year keeps the enrolment they had and gains one at the new
 * academy, so a year may hold one enrolment per academy. Coverage keeps one progress row per enrolment, each
 * with the as-at dates on which the learner counts through it (`counts_at`, from `coverageSpans` in the rules
 * library): a figure at any date is a containment test on one table. Needs PostgreSQL 14 or later.
 */
export class AllowMovesWithinAYear1763820800000 implements MigrationInterface {
  name = 'AllowMovesWithinAYear1763820800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE enrolment DROP CONSTRAINT enrolment_learner_year_unique`);
    await queryRunner.query(`
      ALTER TABLE enrolment ADD CONSTRAINT enrolment_learner_year_academy_unique
        UNIQUE (learner_id, academic_year, academy_id)`);
    await queryRunner.query(`CREATE INDEX enrolment_learner_year ON enrolment (learner_id, academic_year)`);

    await queryRunner.query(`ALTER TABLE learner_progress DROP CONSTRAINT learner_progress_pkey`);
    await queryRunner.query(
      `ALTER TABLE learner_progress ADD PRIMARY KEY (academic_year, learner_id, academy_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE learner_progress ADD COLUMN counts_at datemultirange NOT NULL DEFAULT '{}'::datemultirange`,
    );
    // Until now a year held one enrolment per learner, on roll (R-G-4) except after leaving within the year
    // and, from the year's first day, before admission: the same spans as coverageSpans gives one enrolment.
    await queryRunner.query(`
      UPDATE learner_progress SET counts_at = datemultirange(daterange(NULL, NULL))
        - CASE WHEN leaving_date IS NOT NULL AND leaving_date <= make_date(academic_year + 1, 8, 31)
            THEN datemultirange(daterange(leaving_date + 1, NULL)) ELSE '{}'::datemultirange END
        - CASE WHEN admission_date IS NOT NULL AND admission_date > make_date(academic_year, 9, 1)
            THEN datemultirange(daterange(make_date(academic_year, 9, 1), admission_date))
            ELSE '{}'::datemultirange END`);
    await queryRunner.query(`ALTER TABLE learner_progress ALTER COLUMN counts_at DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to one enrolment per learner-year: the latest admitted of each year stays.
    await queryRunner.query(`
      DELETE FROM enrolment e USING enrolment later
       WHERE later.learner_id = e.learner_id AND later.academic_year = e.academic_year AND later.id <> e.id
         AND (coalesce(later.admission_date, '-infinity'), later.created_at)
           > (coalesce(e.admission_date, '-infinity'), e.created_at)`);
    await queryRunner.query(`
      DELETE FROM learner_progress p WHERE NOT EXISTS (SELECT 1 FROM enrolment e
        WHERE e.learner_id = p.learner_id AND e.academic_year = p.academic_year AND e.academy_id = p.academy_id)`);
    await queryRunner.query(`ALTER TABLE learner_progress DROP COLUMN counts_at`);
    await queryRunner.query(`ALTER TABLE learner_progress DROP CONSTRAINT learner_progress_pkey`);
    await queryRunner.query(`ALTER TABLE learner_progress ADD PRIMARY KEY (academic_year, learner_id)`);
    await queryRunner.query(`DROP INDEX enrolment_learner_year`);
    await queryRunner.query(`ALTER TABLE enrolment DROP CONSTRAINT enrolment_learner_year_academy_unique`);
    await queryRunner.query(`
      ALTER TABLE enrolment ADD CONSTRAINT enrolment_learner_year_unique UNIQUE (learner_id, academic_year)`);
  }
}
