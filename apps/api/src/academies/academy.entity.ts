import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Trust } from '../trust/trust.entity';

export const ACADEMY_PHASES = [
  'primary',
  'first',
  'middle',
  'secondary',
  'sixth_form',
  'all_through',
  'special',
] as const;
export type AcademyPhase = (typeof ACADEMY_PHASES)[number];

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
