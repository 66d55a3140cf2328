import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTrustAndAcademies1763820000000 implements MigrationInterface {
  name = 'CreateTrustAndAcademies1763820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE trust (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE academy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trust_id uuid NOT NULL REFERENCES trust (id) ON DELETE RESTRICT,
        name text NOT NULL,
        urn text NOT NULL CONSTRAINT academy_urn_unique UNIQUE,
        phase text NOT NULL CONSTRAINT academy_phase_known
          CHECK (phase IN ('primary', 'first', 'middle', 'secondary', 'sixth_form', 'all_through', 'special')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX academy_trust_id ON academy (trust_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE academy`);
    await queryRunner.query(`DROP TABLE trust`);
  }
}
