import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLearnersGroupsAndEnrolments1763820200000 implements MigrationInterface {
  name = 'CreateLearnersGroupsAndEnrolments1763820200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram indexes make "search by any part of a name or UPN" an index scan. pg_trgm is a trusted
    // extension (PostgreSQL 13+), so the database owner may create it without being a superuser.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await queryRunner.query(`
      CREATE TABLE learner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        upn text NOT NULL CONSTRAINT learner_upn_unique UNIQUE
          CONSTRAINT learner_upn_format CHECK (upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$'),
        legal_surname text NOT NULL,
        legal_forename text NOT NULL,
        preferred_surname text,
        preferred_forename text,
        date_of_birth date NOT NULL,
        gender text,
        -- What a search for part of a name or UPN looks in, lower-cased once here rather than per query.
        search_text text GENERATED ALWAYS AS (
          lower(upn || ' ' || legal_forename || ' ' || legal_surname || ' '
            || coalesce(preferred_forename, '') || ' ' || coalesce(preferred_surname, ''))
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX learner_search_text_trgm ON learner USING gin (search_text gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX learner_name ON learner (lower(legal_surname), lower(legal_forename))`,
    );

    // Registration groups come from the roster import; teaching groups may be added in the app later.
    await queryRunner.query(`
      CREATE TABLE learning_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        academy_id uuid NOT NULL REFERENCES academy (id) ON DELETE CASCADE,
        academic_year smallint NOT NULL CONSTRAINT learning_group_academic_year_range
          CHECK (academic_year BETWEEN 2000 AND 2100),
        name text NOT NULL CONSTRAINT learning_group_name_not_blank CHECK (btrim(name) <> ''),
        kind text NOT NULL DEFAULT 'registration'
          CONSTRAINT learning_group_kind_known CHECK (kind IN ('registration', 'teaching')),
        -- Null when the group mixes year groups (vertical tutoring).
        year_group smallint CONSTRAINT learning_group_year_group_range CHECK (year_group BETWEEN 1 AND 14),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT learning_group_name_unique UNIQUE (academy_id, academic_year, name)
      )`);

    await queryRunner.query(`
      CREATE TABLE enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        academic_year smallint NOT NULL CONSTRAINT enrolment_academic_year_range
          CHECK (academic_year BETWEEN 2000 AND 2100),
        academy_id uuid NOT NULL REFERENCES academy (id) ON DELETE RESTRICT,
        year_group smallint NOT NULL CONSTRAINT enrolment_year_group_range CHECK (year_group BETWEEN 1 AND 14),
        registration_group_id uuid REFERENCES learning_group (id) ON DELETE SET NULL,
        pupil_premium boolean NOT NULL DEFAULT false,
        sen_status text NOT NULL DEFAULT 'N' CONSTRAINT enrolment_sen_status_known CHECK (sen_status IN ('N', 'K', 'E')),
        eal boolean NOT NULL DEFAULT false,
        looked_after boolean NOT NULL DEFAULT false,
        considering_higher_education boolean NOT NULL DEFAULT false,
        admission_date date,
        leaving_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- One enrolment per learner per year: a move inside the trust changes the academy of that year.
        CONSTRAINT enrolment_learner_year_unique UNIQUE (learner_id, academic_year),
        CONSTRAINT enrolment_leaving_after_admission CHECK (leaving_date IS NULL OR admission_date IS NULL
          OR leaving_date >= admission_date)
      )`);
    await queryRunner.query(
      `CREATE INDEX enrolment_academy_year ON enrolment (academy_id, academic_year, year_group)`,
    );
    await queryRunner.query(`CREATE INDEX enrolment_year ON enrolment (academic_year)`);
    await queryRunner.query(
      `CREATE INDEX enrolment_registration_group_id ON enrolment (registration_group_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE group_membership (
        group_id uuid NOT NULL REFERENCES learning_group (id) ON DELETE CASCADE,
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, learner_id)
      )`);
    await queryRunner.query(`CREATE INDEX group_membership_learner_id ON group_membership (learner_id)`);

    // The teacher-to-group table predates the groups; drop assignments to groups that never existed.
    await queryRunner.query(
      `DELETE FROM user_group ug WHERE NOT EXISTS (SELECT 1 FROM learning_group g WHERE g.id = ug.group_id)`,
    );
    await queryRunner.query(`
      ALTER TABLE user_group ADD CONSTRAINT user_group_group_id_fkey
        FOREIGN KEY (group_id) REFERENCES learning_group (id) ON DELETE CASCADE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_group DROP CONSTRAINT user_group_group_id_fkey`);
    await queryRunner.query(`DROP TABLE group_membership`);
    await queryRunner.query(`DROP TABLE enrolment`);
    await queryRunner.query(`DROP TABLE learning_group`);
    await queryRunner.query(`DROP TABLE learner`);
  }
}
