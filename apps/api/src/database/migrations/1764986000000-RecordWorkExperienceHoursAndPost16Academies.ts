import { MigrationInterface, QueryRunner } from 'typeorm';
import { LearnerProgressService } from '../../coverage/learner-progress.service';

/**
 * The 2025 revision of the rule book (compliance-rules.md, "2025 revision"):
 * - R-WEX-1: each attendance may carry the learner's own hours (0..24 a day); null, as for every existing
 *   attendance, takes the default from the encounter (its duration, or `days` x the policy's hours a day).
 * - R-PAL-4: an encounter records the year groups it was offered to (`offered_to`); existing encounters were
 *   offered to no one on record. R-V-1: `curriculum_linked` for post-16 B5 (false for existing encounters).
 * - R-V-1: an academy's `evaluation_type` replaces the policy's `collegeMode`: where any saved policy had it
 *   set, the sixth-form academies (and academies whose learners are all in Years 12 and above) become `post16`.
 * - R-WEX-7: learners' part-time jobs.
 * - `WEX_KS3` and `WEX_KS4` in `learner_progress`; every learner's progress is then recomputed, because
 *   R-D-1, R-PAL-3 and R-V-1..3 change what the other rules count too.
 */
export class RecordWorkExperienceHoursAndPost16Academies1764986000000 implements MigrationInterface {
  name = 'RecordWorkExperienceHoursAndPost16Academies1764986000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE attendance ADD COLUMN hours numeric(5, 2)
        CONSTRAINT attendance_hours_not_negative CHECK (hours >= 0)`);
    await queryRunner.query(`
      ALTER TABLE encounter
        ADD COLUMN offered_to smallint[] NOT NULL DEFAULT '{}',
        ADD COLUMN curriculum_linked boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      ALTER TABLE academy ADD COLUMN evaluation_type text NOT NULL DEFAULT 'school'
        CONSTRAINT academy_evaluation_type_known CHECK (evaluation_type IN ('school', 'post16'))`);
    await queryRunner.query(`
      UPDATE academy a SET evaluation_type = 'post16'
       WHERE EXISTS (SELECT 1 FROM policy p WHERE (p.body ->> 'collegeMode')::boolean)
         AND (a.phase = 'sixth_form'
              OR (EXISTS (SELECT 1 FROM enrolment e WHERE e.academy_id = a.id)
                  AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.academy_id = a.id AND e.year_group < 12)))`);
    await queryRunner.query(`
      CREATE TABLE learner_part_time_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        employer_name text NOT NULL,
        sector text,
        hours_per_week numeric(4, 1) NOT NULL CONSTRAINT learner_part_time_job_hours CHECK (hours_per_week > 0),
        held_from date NOT NULL,
        held_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT learner_part_time_job_dates CHECK (held_to IS NULL OR held_to >= held_from)
      )`);
    await queryRunner.query(
      `CREATE INDEX learner_part_time_job_learner ON learner_part_time_job (learner_id)`,
    );
    await queryRunner.query(`
      ALTER TABLE learner_progress
        ADD COLUMN wex_ks3_window_end date, ADD COLUMN wex_ks3_met_on date,
        ADD COLUMN wex_ks4_window_end date, ADD COLUMN wex_ks4_met_on date`);
    await new LearnerProgressService().recomputeFrom(queryRunner.manager, 0);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE learner_progress
        DROP COLUMN wex_ks3_window_end, DROP COLUMN wex_ks3_met_on,
        DROP COLUMN wex_ks4_window_end, DROP COLUMN wex_ks4_met_on`);
    await queryRunner.query(`DROP TABLE learner_part_time_job`);
    await queryRunner.query(`ALTER TABLE academy DROP COLUMN evaluation_type`);
    await queryRunner.query(`ALTER TABLE encounter DROP COLUMN offered_to, DROP COLUMN curriculum_linked`);
    await queryRunner.query(`ALTER TABLE attendance DROP COLUMN hours`);
  }
}
