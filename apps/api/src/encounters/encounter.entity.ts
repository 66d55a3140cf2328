import type {
  DeliveryMode,
  EducationOrganisationType,
  EncounterCategory,
  EncounterFormat,
} from '@encounters/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One careers activity on one date (or date range) at one academy, with its organisations and learners. */
@Entity({ name: 'encounter' })
export class Encounter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'academy_id', type: 'uuid' })
  academyId: string;

  @Column({ name: 'academic_year', type: 'smallint' })
  academicYear: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'text' })
  format: EncounterFormat;

  @Column({ type: 'text' })
  delivery: DeliveryMode;

  @Column({ name: 'during_school_day', type: 'boolean' })
  duringSchoolDay: boolean;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'smallint', nullable: true })
  days: number | null;

  @Column({ name: 'adviser_level', type: 'smallint', nullable: true })
  adviserLevel: number | null;

  @Column({ name: 'purpose_shared', type: 'boolean', default: false })
  purposeShared: boolean;

  @Column({ name: 'learning_outcomes', type: 'boolean', default: false })
  learningOutcomes: boolean;

  @Column({ name: 'two_way_interaction', type: 'boolean', default: false })
  twoWayInteraction: boolean;

  @Column({ type: 'boolean', default: false })
  reflection: boolean;

  @Column({ name: 'range_of_people', type: 'boolean', default: false })
  rangeOfPeople: boolean;

  @Column({ name: 'task_set', type: 'boolean', default: false })
  taskSet: boolean;

  @Column({ name: 'employer_feedback', type: 'boolean', default: false })
  employerFeedback: boolean;

  @Column({ name: 'provider_information', type: 'boolean', default: false })
  providerInformation: boolean;

  @Column({ name: 'what_learning_is_like', type: 'boolean', default: false })
  whatLearningIsLike: boolean;

  @Column({ name: 'met_staff_and_learners', type: 'boolean', default: false })
  metStaffAndLearners: boolean;

  @Column({ type: 'text', nullable: true })
  organiser: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  links: string[];

  /** Derived at write time from the facts by R-C-1..7; never typed in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: EncounterCategory[];

  @Column({ name: 'education_types', type: 'text', array: true, default: () => "'{}'" })
  educationTypes: EducationOrganisationType[];

  /** The sorted organisation ids: what the index refusing a second log of the same encounter reads. */
  @Column({ name: 'organisation_key', type: 'text', default: '' })
  organisationKey: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy: string | null;
}
