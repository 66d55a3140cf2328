import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A roster import no longer writes a learner enrolled at another academy of the trust (now or in the file's
 * year): the row becomes a move request, which a trust administrator or the holding academy's careers lead
 * confirms or declines. `row` keeps the requesting file's row (its own data, never the holder's) until the
 * decision, then is cleared: only who decided what, and when, stays. One pending request per learner, year
 * and requesting academy; an erased learner's requests go with them.
 */
export class CreateRosterMoveRequests1764960000000 implements MigrationInterface {
  name = 'CreateRosterMoveRequests1764960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE roster_move_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        academic_year smallint NOT NULL,
        to_academy_id uuid NOT NULL REFERENCES academy (id) ON DELETE CASCADE,
        from_academy_id uuid NOT NULL REFERENCES academy (id) ON DELETE CASCADE,
        row jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'declined')),
        requested_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        decided_at timestamptz,
        CHECK ((status = 'pending') = (row IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX roster_move_request_pending
        ON roster_move_request (learner_id, academic_year, to_academy_id) WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE INDEX roster_move_request_from ON roster_move_request (from_academy_id) WHERE status = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE roster_move_request');
  }
}
