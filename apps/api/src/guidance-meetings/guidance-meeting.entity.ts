import type { GuidanceMeetingMode } from '@encounters/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A one-to-one personal guidance meeting (B8). Summary and agreed actions are restricted data. */
@Entity({ name: 'guidance_meeting' })
export class GuidanceMeeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId: string;

  /** The learner's academy at the meeting's date. */
  @Column({ name: 'academy_id', type: 'uuid' })
  academyId: string;

  @Column({ name: 'academic_year', type: 'smallint' })
  academicYear: number;

  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'adviser_name', type: 'text' })
  adviserName: string;

  @Column({ name: 'adviser_level', type: 'smallint' })
  adviserLevel: number;

  @Column({ type: 'text' })
  mode: GuidanceMeetingMode;

  /** Restricted: careers staff and advisers only; never logged or audited. */
  @Column({ type: 'text', default: '' })
  summary: string;

  /** Restricted, as the summary. */
  @Column({ name: 'agreed_actions', type: 'text', default: '' })
  agreedActions: string;

  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Always null since deleting removes the row (migration 1764940000000); kept for queries that filter on it. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy: string | null;
}
