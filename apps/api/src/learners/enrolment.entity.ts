import type { SenStatusCode } from '@encounters/domain';
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
import { LearningGroup } from '../groups/learning-group.entity';
import { Learner } from './learner.entity';

/** A learner's academic year at one academy, as the academy's MIS gave it. One per learner per year. */
@Entity({ name: 'enrolment' })
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId: string;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id' })
  learner?: Learner;

  @Column({ name: 'academic_year', type: 'smallint' })
  academicYear: number;

  @Column({ name: 'academy_id', type: 'uuid' })
  academyId: string;

  @ManyToOne(() => Academy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'academy_id' })
  academy?: Academy;

  @Column({ name: 'year_group', type: 'smallint' })
  yearGroup: number;

  @Column({ name: 'registration_group_id', type: 'uuid', nullable: true })
  registrationGroupId: string | null;

  @ManyToOne(() => LearningGroup, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'registration_group_id' })
  registrationGroup?: LearningGroup | null;

  @Column({ name: 'pupil_premium', type: 'boolean', default: false })
  pupilPremium: boolean;

  /** FSM eligible (or FSM6) as the MIS records it; beside pupil premium, not part of it. */
  @Column({ name: 'free_school_meals', type: 'boolean', default: false })
  freeSchoolMeals: boolean;

  @Column({ name: 'sen_status', type: 'text', default: 'N' })
  senStatus: SenStatusCode;

  @Column({ type: 'boolean', default: false })
  eal: boolean;

  @Column({ name: 'looked_after', type: 'boolean', default: false })
  lookedAfter: boolean;

  @Column({ name: 'considering_higher_education', type: 'boolean', default: false })
  consideringHigherEducation: boolean;

  @Column({ name: 'admission_date', type: 'date', nullable: true })
  admissionDate: string | null;

  @Column({ name: 'leaving_date', type: 'date', nullable: true })
  leavingDate: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
