import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14. Free school meals (FSM eligible, or FSM6) is held beside pupil premium, for which it is not a
 * synonym: pupil premium also covers looked-after and service children. And the header mappings a careers
 * lead gives in the import preview are kept per academy, so that the next export of the same MIS needs none.
 */
export class RecordFreeSchoolMealsAndRosterHeaderMappings1764910000000 implements MigrationInterface {
  name = 'RecordFreeSchoolMealsAndRosterHeaderMappings1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE enrolment ADD COLUMN free_school_meals boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`
      CREATE TABLE roster_header_mapping (
        academy_id uuid NOT NULL REFERENCES academy (id) ON DELETE CASCADE,
        -- As the import matches headers: lower case, without spaces, dots, hyphens or underscores.
        header text NOT NULL CONSTRAINT roster_header_mapping_header_length CHECK (length(header) BETWEEN 1 AND 200),
        -- A roster field name, or 'ignore'; checked by the API, which owns the list of fields.
        field text NOT NULL CONSTRAINT roster_header_mapping_field_length CHECK (length(field) BETWEEN 1 AND 64),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (academy_id, header)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE roster_header_mapping`);
    await queryRunner.query(`ALTER TABLE enrolment DROP COLUMN free_school_meals`);
  }
}
