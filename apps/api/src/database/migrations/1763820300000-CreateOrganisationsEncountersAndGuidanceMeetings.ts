import { MigrationInterface, QueryRunner } from 'typeorm';

const ORGANISATION_TYPES = `'employer', 'higher_education', 'further_education', 'sixth_form',
  'independent_training_provider', 'utc_or_studio_school', 'careers_service', 'other'`;
const SECTORS = `'Agriculture, environmental and animal care', 'Business and administration',
  'Catering and hospitality', 'Care services', 'Construction and the built environment', 'Creative and design',
  'Digital', 'Education and early years', 'Engineering and manufacturing', 'Hair and beauty', 'Health and science',
  'Legal, finance and accounting', 'Protective services', 'Sales, marketing and procurement',
  'Transport and logistics'`;
const FORMATS = `'talk', 'workshop', 'careers_fair', 'mentoring', 'mock_interview', 'enterprise_challenge',
  'workplace_visit', 'job_shadowing', 'work_experience', 'provider_visit', 'provider_talk', 'taster_session',
  'guidance_meeting', 'group_guidance', 'other'`;
const CATEGORIES = `'employer_encounter', 'workplace_experience', 'education_provider_encounter', 'he_visit',
  'personal_guidance_meeting', 'specialist_careers_advice', 'pal_provider_encounter'`;
const EDUCATION_TYPES = `'higher_education', 'further_education', 'sixth_form', 'independent_training_provider',
  'utc_or_studio_school'`;

export class CreateOrganisationsEncountersAndGuidanceMeetings1763820300000 implements MigrationInterface {
  name = 'CreateOrganisationsEncountersAndGuidanceMeetings1763820300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    // Organisations are trust-wide: every academy meets the same employers and providers.
    await queryRunner.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT organisation_name_not_blank CHECK (btrim(name) <> ''),
        type text NOT NULL CONSTRAINT organisation_type_known CHECK (type IN (${ORGANISATION_TYPES})),
        sectors text[] NOT NULL DEFAULT '{}'
          CONSTRAINT organisation_sectors_known CHECK (sectors <@ ARRAY[${SECTORS}]::text[]),
        size_band text CONSTRAINT organisation_size_band_known
          CHECK (size_band IN ('micro', 'small', 'medium', 'large')),
        offers_technical_education boolean NOT NULL DEFAULT false,
        contact_name text,
        contact_email text,
        contact_phone text,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One directory entry per name, so that engagement is never split across near-duplicates.
    await queryRunner.query(`CREATE UNIQUE INDEX organisation_name_unique ON organisation (lower(name))`);
    // Type-ahead matches any part of the name.
    await queryRunner.query(
      `CREATE INDEX organisation_name_trgm ON organisation USING gin (lower(name) gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX organisation_sectors ON organisation USING gin (sectors)`);

    await queryRunner.query(`
      CREATE TABLE encounter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        academy_id uuid NOT NULL REFERENCES academy (id) ON DELETE RESTRICT,
        academic_year smallint NOT NULL CONSTRAINT encounter_academic_year_range
          CHECK (academic_year BETWEEN 2000 AND 2100),
        title text NOT NULL CONSTRAINT encounter_title_not_blank CHECK (btrim(title) <> ''),
        date date NOT NULL,
        end_date date,
        format text NOT NULL CONSTRAINT encounter_format_known CHECK (format IN (${FORMATS})),
        delivery text NOT NULL CONSTRAINT encounter_delivery_known CHECK (delivery IN ('in_person', 'virtual', 'mixed')),
        during_school_day boolean NOT NULL,
        duration_minutes integer NOT NULL CONSTRAINT encounter_duration_positive CHECK (duration_minutes > 0),
        days smallint CONSTRAINT encounter_days_positive CHECK (days > 0),
        adviser_level smallint CONSTRAINT encounter_adviser_level_range CHECK (adviser_level BETWEEN 1 AND 8),
        purpose_shared boolean NOT NULL DEFAULT false,
        learning_outcomes boolean NOT NULL DEFAULT false,
        two_way_interaction boolean NOT NULL DEFAULT false,
        reflection boolean NOT NULL DEFAULT false,
        range_of_people boolean NOT NULL DEFAULT false,
        task_set boolean NOT NULL DEFAULT false,
        employer_feedback boolean NOT NULL DEFAULT false,
        provider_information boolean NOT NULL DEFAULT false,
        what_learning_is_like boolean NOT NULL DEFAULT false,
        met_staff_and_learners boolean NOT NULL DEFAULT false,
        organiser text,
        notes text,
        links text[] NOT NULL DEFAULT '{}',
        -- Derived at write time by the rules library (R-C-1..7) so that coverage reads them without joins.
        categories text[] NOT NULL DEFAULT '{}'
          CONSTRAINT encounter_categories_known CHECK (categories <@ ARRAY[${CATEGORIES}]::text[]),
        education_types text[] NOT NULL DEFAULT '{}'
          CONSTRAINT encounter_education_types_known CHECK (education_types <@ ARRAY[${EDUCATION_TYPES}]::text[]),
        -- The sorted organisation ids, kept with the links, so that the index below refuses a second log.
        organisation_key text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT encounter_end_after_start CHECK (end_date IS NULL OR end_date >= date)
      )`);
    await queryRunner.query(
      `CREATE INDEX encounter_academy_date ON encounter (academy_id, date) WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE UNIQUE INDEX encounter_not_logged_twice
        ON encounter (academy_id, date, lower(title), organisation_key) WHERE deleted_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE encounter_organisation (
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        PRIMARY KEY (encounter_id, organisation_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX encounter_organisation_organisation_id ON encounter_organisation (organisation_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE attendance (
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'attended'
          CONSTRAINT attendance_status_known CHECK (status IN ('attended', 'absent', 'withdrawn')),
        -- R-M-2: false marks one learner's attendance as not meaningful; null follows the checklist.
        meaningful_override boolean,
        reflection_rating smallint CONSTRAINT attendance_reflection_rating_range
          CHECK (reflection_rating BETWEEN 1 AND 5),
        reflection_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- One learner attends one encounter once.
        CONSTRAINT attendance_pkey PRIMARY KEY (encounter_id, learner_id),
        CONSTRAINT attendance_comment_needs_rating CHECK (reflection_comment IS NULL OR reflection_rating IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX attendance_learner_id ON attendance (learner_id)`);

    await queryRunner.query(`
      CREATE TABLE guidance_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        -- The learner's academy at the meeting's date: whose careers staff may read and change it.
        academy_id uuid NOT NULL REFERENCES academy (id) ON DELETE RESTRICT,
        academic_year smallint NOT NULL CONSTRAINT guidance_meeting_academic_year_range
          CHECK (academic_year BETWEEN 2000 AND 2100),
        date date NOT NULL,
        adviser_name text NOT NULL CONSTRAINT guidance_meeting_adviser_name_not_blank CHECK (btrim(adviser_name) <> ''),
        adviser_level smallint NOT NULL CONSTRAINT guidance_meeting_adviser_level_range
          CHECK (adviser_level BETWEEN 1 AND 8),
        mode text NOT NULL CONSTRAINT guidance_meeting_mode_known CHECK (mode IN ('in_person', 'virtual', 'telephone')),
        -- Restricted: careers staff and advisers only; never copied into logs or the audit trail.
        summary text NOT NULL DEFAULT '',
        agreed_actions text NOT NULL DEFAULT '',
        follow_up_on date,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT guidance_meeting_follow_up_after_meeting CHECK (follow_up_on IS NULL OR follow_up_on >= date)
      )`);
    await queryRunner.query(
      `CREATE INDEX guidance_meeting_learner_date ON guidance_meeting (learner_id, date) WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX guidance_meeting_academy_date ON guidance_meeting (academy_id, date) WHERE deleted_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE guidance_meeting`);
    await queryRunner.query(`DROP TABLE attendance`);
    await queryRunner.query(`DROP TABLE encounter_organisation`);
    await queryRunner.query(`DROP TABLE encounter`);
    await queryRunner.query(`DROP TABLE organisation`);
  }
}
