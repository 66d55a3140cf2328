import { MigrationInterface, QueryRunner } from 'typeorm';

export class KeepAnonymousAttendanceOfErasedLearners1763820500000 implements MigrationInterface {
  name = 'KeepAnonymousAttendanceOfErasedLearners1763820500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Erasing a learner deletes their attendance; the encounter keeps how many erased learners attended it,
    // so that its head count and organisations' reach stay true without keeping anyone's data.
    await queryRunner.query(
      `ALTER TABLE encounter ADD COLUMN anonymous_attended integer NOT NULL DEFAULT 0
         CONSTRAINT encounter_anonymous_attended_not_negative CHECK (anonymous_attended >= 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE encounter DROP COLUMN anonymous_attended`);
  }
}
