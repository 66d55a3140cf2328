import { MigrationInterface, QueryRunner } from 'typeorm';

export class KeepEnrolmentFactsWithLearnerProgress1763820700000 implements MigrationInterface {
  name = 'KeepEnrolmentFactsWithLearnerProgress1763820700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Coverage reads one table: the enrolment facts that place and describe a learner in a year travel with
    // their progress row (written together, in the same transaction), so a trust-wide figure is one scan.
    await queryRunner.query(`
      ALTER TABLE learner_progress
        ADD COLUMN academy_id uuid,
        ADD COLUMN year_group smallint,
        ADD COLUMN registration_group_id uuid,
        ADD COLUMN pupil_premium boolean NOT NULL DEFAULT false,
        ADD COLUMN sen_status text NOT NULL DEFAULT 'N',
        ADD COLUMN eal boolean NOT NULL DEFAULT false,
        ADD COLUMN looked_after boolean NOT NULL DEFAULT false,
        ADD COLUMN admission_date date,
        ADD COLUMN leaving_date date`);
    await queryRunner.query(`
      UPDATE learner_progress p SET
        academy_id = e.academy_id, year_group = e.year_group, registration_group_id = e.registration_group_id,
        pupil_premium = e.pupil_premium, sen_status = e.sen_status, eal = e.eal, looked_after = e.looked_after,
        admission_date = e.admission_date, leaving_date = e.leaving_date
      FROM enrolment e WHERE e.learner_id = p.learner_id AND e.academic_year = p.academic_year`);
    await queryRunner.query(`DELETE FROM learner_progress WHERE academy_id IS NULL`);
    await queryRunner.query(`ALTER TABLE learner_progress ALTER COLUMN academy_id SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE learner_progress ALTER COLUMN year_group SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX learner_progress_academy ON learner_progress (academic_year, academy_id, year_group)`,
    );
    await queryRunner.query(
      `CREATE INDEX learner_progress_registration_group ON learner_progress (registration_group_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE learner_progress
        DROP COLUMN academy_id, DROP COLUMN year_group, DROP COLUMN registration_group_id,
        DROP COLUMN pupil_premium, DROP COLUMN sen_status, DROP COLUMN eal, DROP COLUMN looked_after,
        DROP COLUMN admission_date, DROP COLUMN leaving_date`);
  }
}
