import { MigrationInterface, QueryRunner } from 'typeorm';
import { LearnerProgressService } from '../../coverage/learner-progress.service';

const CATEGORIES = `'school_sixth_form', 'sixth_form_college', 'further_education', 'apprenticeship', 't_level',
  'higher_education', 'employment_with_training', 'employment', 'supported_internship', 'other', 'not_known'`;
const STATUSES = `'considering', 'applied', 'offered', 'accepted', 'enrolled', 'declined', 'withdrawn'`;

/**
 * R-DEST-1..5 (Gatsby Benchmark 3): intended destinations of Years 11 and 13 with their dated status changes,
 * the NEET-risk marks, leavers' actual destinations on 1 October of three years after leaving, and what the
 * retention job needs (when a leaver was pseudonymised). `DEST_16`/`DEST_18` join the other rules in
 * `learner_progress`; every learner's progress is recomputed so that Year 11 and 13 rows gain their window.
 */
export class RecordDestinations1764996000000 implements MigrationInterface {
  name = 'RecordDestinations1764996000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intended_destination (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        academic_year smallint NOT NULL CONSTRAINT intended_destination_academic_year_range
          CHECK (academic_year BETWEEN 2000 AND 2100),
        category text NOT NULL CONSTRAINT intended_destination_category_known CHECK (category IN (${CATEGORIES})),
        provider_name text,
        organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
        -- The latest of the status changes, kept here so that lists filter on it without a lateral join.
        status text NOT NULL CONSTRAINT intended_destination_status_known CHECK (status IN (${STATUSES})),
        -- Restricted like guidance notes; never copied into logs or the audit trail.
        notes text,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- One intended destination per learner and year: a second entry merges into the first.
        CONSTRAINT intended_destination_learner_year_unique UNIQUE (learner_id, academic_year)
      )`);
    await queryRunner.query(`
      CREATE TABLE destination_status_change (
        -- Orders the changes of one day as they were made.
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        destination_id uuid NOT NULL REFERENCES intended_destination (id) ON DELETE CASCADE,
        status text NOT NULL CONSTRAINT destination_status_change_status_known CHECK (status IN (${STATUSES})),
        "on" date NOT NULL,
        recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX destination_status_change_destination ON destination_status_change (destination_id, "on", seq)`,
    );
    await queryRunner.query(`
      CREATE TABLE neet_risk (
        learner_id uuid PRIMARY KEY REFERENCES learner (id) ON DELETE CASCADE,
        -- Restricted like guidance notes.
        reason text NOT NULL CONSTRAINT neet_risk_reason_not_blank CHECK (btrim(reason) <> ''),
        support text NOT NULL DEFAULT '',
        review_on date NOT NULL,
        marked_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        marked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE actual_destination (
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        anniversary smallint NOT NULL CONSTRAINT actual_destination_anniversary_range CHECK (anniversary BETWEEN 1 AND 3),
        category text NOT NULL CONSTRAINT actual_destination_category_known CHECK (category IN (${CATEGORIES}, 'neet')),
        provider text,
        source text NOT NULL CONSTRAINT actual_destination_source_known
          CHECK (source IN ('learner', 'local_authority', 'provider')),
        recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (learner_id, anniversary)
      )`);
    // R-DEST-4: consent to be followed up belongs to the learner, not to one anniversary; null until asked.
    await queryRunner.query(`
      ALTER TABLE learner
        ADD COLUMN consent_to_follow_up boolean,
        ADD COLUMN pseudonymised_at timestamptz,
        ALTER COLUMN date_of_birth DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE learner ADD CONSTRAINT learner_date_of_birth_until_pseudonymised
        CHECK (date_of_birth IS NOT NULL OR pseudonymised_at IS NOT NULL)`);
    await queryRunner.query(`
      ALTER TABLE learner_progress
        ADD COLUMN dest_16_window_end date, ADD COLUMN dest_16_met_on date,
        ADD COLUMN dest_18_window_end date, ADD COLUMN dest_18_met_on date`);
    await new LearnerProgressService().recomputeFrom(queryRunner.manager, 0);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE learner_progress
        DROP COLUMN dest_16_window_end, DROP COLUMN dest_16_met_on,
        DROP COLUMN dest_18_window_end, DROP COLUMN dest_18_met_on`);
    await queryRunner.query(`ALTER TABLE learner DROP CONSTRAINT learner_date_of_birth_until_pseudonymised`);
    await queryRunner.query(`
      ALTER TABLE learner DROP COLUMN consent_to_follow_up, DROP COLUMN pseudonymised_at,
        ALTER COLUMN date_of_birth SET NOT NULL`);
    await queryRunner.query(`DROP TABLE actual_destination`);
    await queryRunner.query(`DROP TABLE neet_risk`);
    await queryRunner.query(`DROP TABLE destination_status_change`);
    await queryRunner.query(`DROP TABLE intended_destination`);
  }
}
