import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins, counted per account and per address in a sliding window, so that every API process and a
 * restarted one see the same counts. Keys are SHA-256 hashes: neither an email nor an address is stored.
 */
export class KeepFailedSignInsInTheDatabase1763820900000 implements MigrationInterface {
  name = 'KeepFailedSignInsInTheDatabase1763820900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_failure (
        key_hash bytea NOT NULL CONSTRAINT sign_in_failure_key_hash_length CHECK (length(key_hash) = 32),
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX sign_in_failure_key ON sign_in_failure (key_hash, failed_at)`);
    await queryRunner.query(`CREATE INDEX sign_in_failure_failed_at ON sign_in_failure (failed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sign_in_failure`);
  }
}
