import type { CoverageResponse } from '@encounters/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The figures of `/api/coverage` for a scope, frozen on a measurement date (31 Dec, 31 Mar, 31 Jul). */
@Entity({ name: 'coverage_snapshot' })
export class CoverageSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  scope: 'trust' | 'academy';

  @Column({ name: 'academy_id', type: 'uuid', nullable: true })
  academyId: string | null;

  @Column({ name: 'academic_year', type: 'smallint' })
  academicYear: number;

  @Column({ name: 'as_at', type: 'date' })
  asAt: string;

  @Column({ type: 'jsonb' })
  figures: CoverageResponse;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
