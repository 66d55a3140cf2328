import type { GroupKind } from '@encounters/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Academy } from '../academies/academy.entity';

/**
 * A group of learners at one academy in one academic year: a registration (form / tutor) group from the
 * roster import, or a teaching group. Named `learning_group` because `group` is an SQL keyword.
 */
@Entity({ name: 'learning_group' })
export class LearningGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'academy_id', type: 'uuid' })
  academyId: string;

  @ManyToOne(() => Academy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'academy_id' })
  academy?: Academy;

  @Column({ name: 'academic_year', type: 'smallint' })
  academicYear: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'registration' })
  kind: GroupKind;

  /** Null when the group mixes year groups. */
  @Column({ name: 'year_group', type: 'smallint', nullable: true })
  yearGroup: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
