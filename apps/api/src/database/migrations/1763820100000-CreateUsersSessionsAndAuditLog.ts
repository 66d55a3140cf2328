import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersSessionsAndAuditLog1763820100000 implements MigrationInterface {
  name = 'CreateUsersSessionsAndAuditLog1763820100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        email text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CONSTRAINT app_user_roles_known CHECK (
          roles <@ ARRAY['trust_admin', 'trust_leader', 'academy_leader', 'careers_lead', 'careers_adviser', 'teacher']::text[]
          AND cardinality(roles) > 0),
        active boolean NOT NULL DEFAULT true,
        last_sign_in_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email))`);
    await queryRunner.query(`
      CREATE TABLE user_academy (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        academy_id uuid NOT NULL REFERENCES academy (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, academy_id)
      )`);
    await queryRunner.query(`CREATE INDEX user_academy_academy_id ON user_academy (academy_id)`);
    // The groups a teacher teaches; the foreign key to the group table arrives with the roster.
    await queryRunner.query(`
      CREATE TABLE user_group (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        group_id uuid NOT NULL,
        PRIMARY KEY (user_id, group_id)
      )`);
    await queryRunner.query(`CREATE INDEX user_group_group_id ON user_group (group_id)`);
    await queryRunner.query(`
      CREATE TABLE user_session (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT user_session_kind_known CHECK (kind IN ('cookie', 'bearer')),
        csrf_token text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text
      )`);
    await queryRunner.query(`CREATE INDEX user_session_user_id ON user_session (user_id)`);
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        academy_id uuid,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        ip text
      )`);
    await queryRunner.query(`CREATE INDEX audit_entry_at ON audit_entry (at DESC)`);
    await queryRunner.query(`CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id)`);
    await queryRunner.query(`CREATE INDEX audit_entry_user_id ON audit_entry (user_id, at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_entry`);
    await queryRunner.query(`DROP TABLE user_session`);
    await queryRunner.query(`DROP TABLE user_group`);
    await queryRunner.query(`DROP TABLE user_academy`);
    await queryRunner.query(`DROP TABLE app_user`);
  }
}
