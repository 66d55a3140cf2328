import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePolicyAndLearnerProgress1763820400000 implements MigrationInterface {
  name = 'CreatePolicyAndLearnerProgress1763820400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The trust's policy per academic year; a year with no row runs on the rule book's defaults.
    await queryRunner.query(`
      CREATE TABLE policy (
        academic_year smallint PRIMARY KEY CONSTRAINT policy_academic_year_range CHECK (academic_year BETWEEN 2000 AND 2100),
        body jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL
      )`);
    // Per learner and academic year, for each rule: the last day of its window (null: the rule does not
    // apply) and the first day it was met (null: not met within the window). The status at any as-at date
    // follows from these, so coverage is an aggregate over one row per learner instead of a scan of every
    // attendance. Kept up to date in the same transaction as every write that changes them.
    await queryRunner.query(`
      CREATE TABLE learner_progress (
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        academic_year smallint NOT NULL,
        rule_set text NOT NULL,
        at_risk_days smallint NOT NULL,
        o2_window_end date,
        o2_met_on date,
        b5_window_end date,
        b5_met_on date,
        b6_16_window_end date,
        b6_16_met_on date,
        b6_18_window_end date,
        b6_18_met_on date,
        b7_16_window_end date,
        b7_16_met_on date,
        b7_18_window_end date,
        b7_18_met_on date,
        b8_16_window_end date,
        b8_16_met_on date,
        b8_18_window_end date,
        b8_18_met_on date,
        pal1_window_end date,
        pal1_met_on date,
        pal2_window_end date,
        pal2_met_on date,
        pal3_window_end date,
        pal3_met_on date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (academic_year, learner_id)
      )`);
    await queryRunner.query(`CREATE INDEX learner_progress_learner_id ON learner_progress (learner_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE learner_progress`);
    await queryRunner.query(`DROP TABLE policy`);
  }
}
