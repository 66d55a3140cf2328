import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCoverageSnapshots1763820600000 implements MigrationInterface {
  name = 'CreateCoverageSnapshots1763820600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The figures of /api/coverage for a scope, frozen on one of the Careers & Enterprise Company's
    // measurement dates, so that later figures can be compared with what governors were shown then.
    await queryRunner.query(`
      CREATE TABLE coverage_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL CONSTRAINT coverage_snapshot_scope_known CHECK (scope IN ('trust', 'academy')),
        academy_id uuid REFERENCES academy (id) ON DELETE CASCADE,
        academic_year smallint NOT NULL CONSTRAINT coverage_snapshot_academic_year_range
          CHECK (academic_year BETWEEN 2000 AND 2100),
        as_at date NOT NULL CONSTRAINT coverage_snapshot_measurement_date
          CHECK (to_char(as_at, 'MM-DD') IN ('12-31', '03-31', '07-31')),
        figures jsonb NOT NULL,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT coverage_snapshot_academy_matches_scope
          CHECK ((scope = 'academy') = (academy_id IS NOT NULL))
      )`);
    // One frozen set of figures per scope and date: freezing twice would leave two versions of the truth.
    await queryRunner.query(`
      CREATE UNIQUE INDEX coverage_snapshot_once
        ON coverage_snapshot (scope, coalesce(academy_id, '00000000-0000-0000-0000-000000000000'::uuid), as_at)`);
    await queryRunner.query(
      `CREATE INDEX coverage_snapshot_academic_year ON coverage_snapshot (academic_year, as_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE coverage_snapshot`);
  }
}
