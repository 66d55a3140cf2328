import { defaultPolicy, type Policy, type PolicyBody, withPolicyDefaults } from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/access/policy';
import { LearnerProgressService } from './learner-progress.service';

export interface PolicyView extends Policy {
  academicYear: number;
  saved: boolean;
}

@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: LearnerProgressService,
    private readonly audit: AuditService,
  ) {}

  async get(academicYear: number): Promise<PolicyView> {
    const rows: { body: Policy }[] = await this.dataSource.query(
      'SELECT body FROM policy WHERE academic_year = $1',
      [academicYear],
    );
    // A policy saved before the 2025 revision gets the fields it added from the year's defaults.
    const policy = rows[0] ? withPolicyDefaults(academicYear, rows[0].body) : defaultPolicy(academicYear);
    return { academicYear, saved: rows.length > 0, ...policy };
  }

  /** Saves the year's policy and, in the same transaction, recomputes every figure it can change. */
  async put(academicYear: number, body: PolicyBody, actor: AuthUser, ip: string | null): Promise<PolicyView> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.get(academicYear);
      const { academicYear: _in, saved: _saved2, ...current } = before;
      // Fields the body leaves out (the 2025 revision's, from a client written before it) keep what is in force.
      const policy: Policy = withPolicyDefaults(academicYear, { ...current, ...body });
      await manager.query(
        `INSERT INTO policy (academic_year, body, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (academic_year) DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [academicYear, JSON.stringify(policy), actor.id],
      );
      // A year's requireMeaningful decides whether that year's encounters count towards later years' cumulative
      // rules too, so the year and every later one are recomputed.
      await this.progress.recomputeFrom(manager, academicYear);
      const { academicYear: _year, saved: _saved, ...previous } = before;
      await this.audit.record(
        {
          userId: actor.id,
          action: 'policy.update',
          entityType: 'policy',
          entityId: String(academicYear),
          details: { before: previous, after: policy },
          ip,
        },
        manager,
      );
    });
    return this.get(academicYear);
  }
}
