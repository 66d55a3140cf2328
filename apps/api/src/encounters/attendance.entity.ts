import type { AttendanceStatus } from '@encounters/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One learner at one encounter, once: the primary key is the pair. */
@Entity({ name: 'attendance' })
export class Attendance {
  @PrimaryColumn({ name: 'encounter_id', type: 'uuid' })
  encounterId: string;

  @PrimaryColumn({ name: 'learner_id', type: 'uuid' })
  learnerId: string;

  @Column({ type: 'text', default: 'attended' })
  status: AttendanceStatus;

  /** R-M-2: false marks this attendance as not meaningful; null follows the encounter's checklist. */
  @Column({ name: 'meaningful_override', type: 'boolean', nullable: true })
  meaningfulOverride: boolean | null;

  @Column({ name: 'reflection_rating', type: 'smallint', nullable: true })
  reflectionRating: number | null;

  @Column({ name: 'reflection_comment', type: 'text', nullable: true })
  reflectionComment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
