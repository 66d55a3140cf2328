import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor for password sign-in (TOTP, RFC 6238) and sign-in through the school's own accounts
 * (OpenID Connect: Microsoft Entra ID, Google Workspace or any standard provider).
 *
 * - `app_user.totp_secret` is the authenticator's secret sealed with SECRETS_KEY (AES-256-GCM); it stays in
 *   `totp_pending_secret` until the user confirms a first code. `totp_last_step` is the last time step
 *   accepted, so that a code is used once. `sso_only` refuses password sign-in for the user.
 * - `mfa_recovery_code` keeps SHA-256 hashes of the ten single-use codes: they are random (80 bits), so a
 *   slow hash would add nothing.
 * - `mfa_challenge` is the 5-minute step between a right password and a right code; only the token's hash is
 *   stored, as for sessions.
 * - `trust.require_mfa` is the policy switch: a second factor for every password sign-in of the roles that
 *   see learners' personal data.
 * - `auth_provider` is a configured OpenID provider; `client_secret` is sealed, never returned.
 * - `oidc_sign_in` holds a sign-in on its way through the provider (state, nonce, PKCE verifier) for
 *   10 minutes; the callback deletes it, so a state, and the code that comes with it, serves once.
 */
export class AddSecondFactorAndSingleSignOn1764920000000 implements MigrationInterface {
  name = 'AddSecondFactorAndSingleSignOn1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE app_user
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_pending_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN sso_only boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE trust ADD COLUMN require_mfa boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE mfa_recovery_code (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        code_hash bytea NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);
    await queryRunner.query(`
      CREATE TABLE mfa_challenge (
        id bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
        purpose text NOT NULL CHECK (purpose IN ('verify', 'enrol')),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX mfa_challenge_expires_at ON mfa_challenge (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE auth_provider (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('microsoft', 'google', 'oidc')),
        issuer text NOT NULL,
        tenant_ids text[] NOT NULL DEFAULT '{}',
        domains text[] NOT NULL DEFAULT '{}',
        client_id text NOT NULL,
        client_secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE oidc_sign_in (
        state_hash bytea PRIMARY KEY,
        provider_id uuid NOT NULL REFERENCES auth_provider (id) ON DELETE CASCADE,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE oidc_sign_in`);
    await queryRunner.query(`DROP TABLE auth_provider`);
    await queryRunner.query(`DROP TABLE mfa_challenge`);
    await queryRunner.query(`DROP TABLE mfa_recovery_code`);
    await queryRunner.query(`ALTER TABLE trust DROP COLUMN require_mfa`);
    await queryRunner.query(`
      ALTER TABLE app_user
        DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret, DROP COLUMN totp_enabled_at,
        DROP COLUMN totp_last_step, DROP COLUMN sso_only`);
  }
}
