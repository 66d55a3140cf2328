import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AcademyEvaluationType, AcademyPhase } from '@encounters/domain';
import { Trust } from '../trust/trust.entity';

export { ACADEMY_PHASES, type AcademyPhase } from '@encounters/domain';

@Entity({ name: 'academy' })
export class Academy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'trust_id', type: 'uuid' })
  trustId: string;

  @ManyToOne(() => Trust, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trust_id' })
  trust?: Trust;

  @Column({ type: 'text' })
  name: string;

  /** The DfE's unique reference number: six digits. */
  @Column({ type: 'text', unique: true })
  urn: string;

  @Column({ type: 'text' })
  phase: AcademyPhase;

  /** R-V-1: how the academy is judged, `school` or `post16`. */
  @Column({ name: 'evaluation_type', type: 'text', default: 'school' })
  evaluationType: AcademyEvaluationType;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
