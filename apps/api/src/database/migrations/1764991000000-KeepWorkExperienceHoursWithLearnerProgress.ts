import { MigrationInterface, QueryRunner } from 'typeorm';
import { LearnerProgressService } from '../../coverage/learner-progress.service';

/**
 * R-WEX-6, R-WEX-9: the hours figures of coverage rows (learners at 0 hours, below and at the target, the
 * median) are counted from `learner_progress`, never from the attendances. For `WEX_KS3` and `WEX_KS4` each
 * row keeps the year's target and the learner's counted hours (R-WEX-4) as steps: `…_hours_on[i]` is the date
 * from which the counted hours are `…_hours[i]` (0 before the first). Existing rows keep everything they hold;
 * the new columns are filled by recomputing every learner's progress.
 */
export class KeepWorkExperienceHoursWithLearnerProgress1764991000000 implements MigrationInterface {
  name = 'KeepWorkExperienceHoursWithLearnerProgress1764991000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE learner_progress
        ADD COLUMN wex_ks3_target numeric(6, 2), ADD COLUMN wex_ks3_hours_on date[],
        ADD COLUMN wex_ks3_hours numeric(7, 2)[],
        ADD COLUMN wex_ks4_target numeric(6, 2), ADD COLUMN wex_ks4_hours_on date[],
        ADD COLUMN wex_ks4_hours numeric(7, 2)[]`);
    await new LearnerProgressService().recomputeFrom(queryRunner.manager, 0);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE learner_progress
        DROP COLUMN wex_ks3_target, DROP COLUMN wex_ks3_hours_on, DROP COLUMN wex_ks3_hours,
        DROP COLUMN wex_ks4_target, DROP COLUMN wex_ks4_hours_on, DROP COLUMN wex_ks4_hours`);
  }
}
