import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per (academic year, academy), bumped by triggers in the same transaction as any change to that
 * academy's `learner_progress` rows for the year, whatever makes it (a write, an erasure's cascade, a
 * migration). The API caches coverage tallies per academy under this version, so that every API process
 * sees another's change on its next read and the trust view recounts only the academies that changed.
 */
export class VersionCoverageByAcademyAndYear1764930000000 implements MigrationInterface {
  name = 'VersionCoverageByAcademyAndYear1764930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE coverage_version (
        academic_year smallint NOT NULL,
        academy_id uuid NOT NULL,
        version bigint NOT NULL DEFAULT 1,
        PRIMARY KEY (academic_year, academy_id)
      )`);
    // In key order, so that two transactions bumping the same academies never wait on each other in a cycle.
    for (const [name, rows] of [
      ['bump_coverage_version_new', 'SELECT academic_year, academy_id FROM new_rows'],
      ['bump_coverage_version_old', 'SELECT academic_year, academy_id FROM old_rows'],
      [
        'bump_coverage_version_both',
        'SELECT academic_year, academy_id FROM new_rows UNION SELECT academic_year, academy_id FROM old_rows',
      ],
    ]) {
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO coverage_version AS v (academic_year, academy_id)
          SELECT DISTINCT academic_year, academy_id FROM (${rows}) changed ORDER BY 1, 2
          ON CONFLICT (academic_year, academy_id) DO UPDATE SET version = v.version + 1;
          RETURN NULL;
        END $$`);
    }
    await queryRunner.query(`
      CREATE TRIGGER learner_progress_inserted AFTER INSERT ON learner_progress
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_coverage_version_new()`);
    await queryRunner.query(`
      CREATE TRIGGER learner_progress_updated AFTER UPDATE ON learner_progress
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION bump_coverage_version_both()`);
    await queryRunner.query(`
      CREATE TRIGGER learner_progress_deleted AFTER DELETE ON learner_progress
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_coverage_version_old()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER learner_progress_deleted ON learner_progress`);
    await queryRunner.query(`DROP TRIGGER learner_progress_updated ON learner_progress`);
    await queryRunner.query(`DROP TRIGGER learner_progress_inserted ON learner_progress`);
    await queryRunner.query(`DROP FUNCTION bump_coverage_version_both()`);
    await queryRunner.query(`DROP FUNCTION bump_coverage_version_old()`);
    await queryRunner.query(`DROP FUNCTION bump_coverage_version_new()`);
    await queryRunner.query(`DROP TABLE coverage_version`);
  }
}
