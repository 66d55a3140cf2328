import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one-time set-up code is kept (as its SHA-256) in the database rather than in one process's memory, so
 * that every API process behind one address accepts the code that one of them wrote to its log. One row at
 * most; deleted once set-up is done.
 */
export class ShareTheSetupCodeBetweenProcesses1764970000000 implements MigrationInterface {
  name = 'ShareTheSetupCodeBetweenProcesses1764970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE setup_code (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      code_hash bytea NOT NULL,
      issued_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE setup_code`);
  }
}
