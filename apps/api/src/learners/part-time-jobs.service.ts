import type { PartTimeJobResponse, Sector } from '@encounters/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { learnerInScopeSql } from '../common/access/learner-scope';
import { accessScope, type AuthUser, may } from '../common/access/policy';
import { invalid } from '../encounters/encounter-errors';
import { SqlParams } from '../common/sql-params';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import type { CreatePartTimeJobDto, UpdatePartTimeJobDto } from './dto/part-time-job.dto';

/** A row of `learner_part_time_job` as `JOB_COLUMNS` reads it. */
export interface PartTimeJobRow {
  id: string;
  learner_id: string;
  employer_name: string;
  sector: Sector | null;
  /** numeric: PostgreSQL answers it as a string. */
  hours_per_week: string;
  held_from: string;
  held_to: string | null;
  created_at: string;
  updated_at: string;
}

/** The columns of a part-time job, its dates as ISO text (never through a JavaScript Date). */
export const JOB_COLUMNS = `j.id, j.learner_id, j.employer_name, j.sector, j.hours_per_week,
  j.held_from::text AS held_from, j.held_to::text AS held_to,
  to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
  to_char(j.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at`;

export function toPartTimeJob(row: PartTimeJobRow): PartTimeJobResponse {
  return {
    id: row.id,
    learnerId: row.learner_id,
    employerName: row.employer_name,
    sector: row.sector,
    hoursPerWeek: Number(row.hours_per_week),
    from: row.held_from,
    to: row.held_to,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The state of a job as a write leaves it. */
interface JobState {
  employerName: string;
  sector: Sector | null;
  hoursPerWeek: number;
  from: string;
  to: string | null;
}

const NO_SUCH_LEARNER = 'No such learner.';
const NO_SUCH_JOB = 'No such part-time job.';

/**
 * R-WEX-7: a learner's own part-time jobs. Read by whoever sees the learner; written by those who edit the
 * learner record (`editLearnerRecord`) at one of the learner's academies, 404 for anyone else who cannot see
 * the learner. Each write is audited and recomputes the learner's coverage (B5 may count a job, R-WEX-7), in
 * one transaction.
 */
@Injectable()
export class PartTimeJobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coverage: LearnerProgressService,
  ) {}

  /** The learner's jobs, the latest first; 404 when the learner is not one the user sees. */
  async list(learnerId: string, user: AuthUser): Promise<PartTimeJobResponse[]> {
    const p = new SqlParams();
    const id = p.add(learnerId);
    const [row]: { jobs: PartTimeJobRow[] | null }[] = await this.dataSource.query(
      `SELECT (SELECT json_agg(x ORDER BY x.held_from DESC, x.created_at DESC) FROM (
                 SELECT ${JOB_COLUMNS} FROM learner_part_time_job j WHERE j.learner_id = l.id) x) AS jobs
       FROM learner l WHERE l.id = ${id} AND ${learnerInScopeSql(accessScope(user), p, 'l.id')}`,
      p.values,
    );
    if (!row) throw new NotFoundException(NO_SUCH_LEARNER);
    return (row.jobs ?? []).map(toPartTimeJob);
  }

  async create(learnerId: string, dto: CreatePartTimeJobDto, actor: Actor): Promise<PartTimeJobResponse> {
    const state: JobState = {
      employerName: dto.employerName,
      sector: dto.sector ?? null,
      hoursPerWeek: dto.hoursPerWeek,
      from: dto.from,
      to: dto.to ?? null,
    };
    checkDates(state);
    return this.dataSource.transaction(async (db) => {
      const academyId = await this.academyToWrite(db, learnerId, actor.user);
      const [row]: PartTimeJobRow[] = await db.query(
        `INSERT INTO learner_part_time_job AS j (learner_id, employer_name, sector, hours_per_week, held_from, held_to)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${JOB_COLUMNS}`,
        [learnerId, state.employerName, state.sector, state.hoursPerWeek, state.from, state.to],
      );
      await this.written(db, actor, 'create', learnerId, academyId, row.id, { ...state });
      return toPartTimeJob(row);
    });
  }

  async update(
    learnerId: string,
    jobId: string,
    dto: UpdatePartTimeJobDto,
    actor: Actor,
  ): Promise<PartTimeJobResponse> {
    return this.dataSource.transaction(async (db) => {
      const academyId = await this.academyToWrite(db, learnerId, actor.user);
      const before = stateOf(await this.lockJob(db, learnerId, jobId));
      for (const field of ['employerName', 'hoursPerWeek', 'from'] as const) {
        if (dto[field] === null) throw invalid([{ field, reason: `${field} cannot be cleared` }]);
      }
      const state: JobState = {
        employerName: dto.employerName ?? before.employerName,
        sector: dto.sector === undefined ? before.sector : dto.sector,
        hoursPerWeek: dto.hoursPerWeek ?? before.hoursPerWeek,
        from: dto.from ?? before.from,
        to: dto.to === undefined ? before.to : dto.to,
      };
      checkDates(state);
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [[row]]: [PartTimeJobRow[], number] = await db.query(
        `UPDATE learner_part_time_job j SET employer_name = $3, sector = $4, hours_per_week = $5, held_from = $6,
                held_to = $7, updated_at = now()
          WHERE j.id = $1 AND j.learner_id = $2 RETURNING ${JOB_COLUMNS}`,
        [jobId, learnerId, state.employerName, state.sector, state.hoursPerWeek, state.from, state.to],
      );
      const changed = (Object.keys(state) as (keyof JobState)[]).filter((key) => state[key] !== before[key]);
      if (changed.length) {
        await this.written(db, actor, 'update', learnerId, academyId, jobId, {
          changed,
          ...Object.fromEntries(changed.map((key) => [key, { from: before[key], to: state[key] }])),
        });
      }
      return toPartTimeJob(row);
    });
  }

  async remove(learnerId: string, jobId: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const academyId = await this.academyToWrite(db, learnerId, actor.user);
      const before = stateOf(await this.lockJob(db, learnerId, jobId));
      await db.query(`DELETE FROM learner_part_time_job WHERE id = $1`, [jobId]);
      await this.written(db, actor, 'delete', learnerId, academyId, jobId, { ...before });
    });
  }

  /**
   * The academy through which the user edits this learner's record: the latest of the learner's academies
   * at which they hold `editLearnerRecord`. The same 404 as for an unknown learner otherwise, so that the
   * answer does not tell whether the learner exists.
   */
  private async academyToWrite(db: EntityManager, learnerId: string, user: AuthUser): Promise<string> {
    const academies: { academy_id: string }[] = await db.query(
      `SELECT academy_id FROM enrolment WHERE learner_id = $1
        ORDER BY academic_year DESC, admission_date DESC NULLS LAST, created_at DESC`,
      [learnerId],
    );
    const found = academies.find((row) => may(user, 'editLearnerRecord', row.academy_id));
    if (!found) throw new NotFoundException(NO_SUCH_LEARNER);
    // Serialises writes to one learner's jobs, as the coverage recomputation that follows reads them all.
    await db.query(`SELECT id FROM learner WHERE id = $1 FOR UPDATE`, [learnerId]);
    return found.academy_id;
  }

  private async lockJob(db: EntityManager, learnerId: string, jobId: string): Promise<PartTimeJobRow> {
    const [row]: PartTimeJobRow[] = await db.query(
      `SELECT ${JOB_COLUMNS} FROM learner_part_time_job j WHERE j.id = $1 AND j.learner_id = $2 FOR UPDATE`,
      [jobId, learnerId],
    );
    if (!row) throw new NotFoundException(NO_SUCH_JOB);
    return row;
  }

  /** The audit entry of a write and the recomputation of the learner's coverage. */
  private async written(
    db: EntityManager,
    actor: Actor,
    kind: 'create' | 'update' | 'delete',
    learnerId: string,
    academyId: string,
    jobId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        userId: actor.user.id,
        action: `part_time_job.${kind}`,
        entityType: 'learner',
        entityId: learnerId,
        academyId,
        details: { jobId, ...details },
        ip: actor.ip,
      },
      db,
    );
    await this.coverage.learnersChanged(db, [learnerId]);
  }
}

function stateOf(row: PartTimeJobRow): JobState {
  return {
    employerName: row.employer_name,
    sector: row.sector,
    hoursPerWeek: Number(row.hours_per_week),
    from: row.held_from,
    to: row.held_to,
  };
}

function checkDates(state: JobState): void {
  if (state.to !== null && state.to < state.from) {
    throw invalid([{ field: 'to', value: state.to, reason: `must not be before from (${state.from})` }]);
  }
}
