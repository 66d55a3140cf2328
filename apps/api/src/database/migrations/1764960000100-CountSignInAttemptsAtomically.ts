import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling counts with one row per account and per address, changed by a single upsert per
 * attempt, instead of a row per failure that was counted and then recorded in two statements (40 guesses sent
 * at once were all checked where 5 were allowed). `failures` is the count in the current window; an account
 * past its free failures waits until `next_allowed_at`, which grows with each failure. Keys stay SHA-256
 * hashes: no email and no address is stored. The old per-failure rows are dropped (they only ever held the
 * last 15 minutes).
 */
export class CountSignInAttemptsAtomically1764960000100 implements MigrationInterface {
  name = 'CountSignInAttemptsAtomically1764960000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_counter (
        key_hash bytea PRIMARY KEY CONSTRAINT sign_in_counter_key_hash_length CHECK (length(key_hash) = 32),
        failures integer NOT NULL CHECK (failures >= 0),
        window_start timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        next_allowed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX sign_in_counter_last_attempt ON sign_in_counter (last_attempt_at)`);
    await queryRunner.query(`DROP TABLE sign_in_failure`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_failure (
        key_hash bytea NOT NULL CONSTRAINT sign_in_failure_key_hash_length CHECK (length(key_hash) = 32),
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX sign_in_failure_key ON sign_in_failure (key_hash, failed_at)`);
    await queryRunner.query(`CREATE INDEX sign_in_failure_failed_at ON sign_in_failure (failed_at)`);
    await queryRunner.query(`DROP TABLE sign_in_counter`);
  }
}
