import {
  academicYearOf,
  type GuidanceMeetingMode,
  type GuidanceMeetingResponse,
  type PagedResult,
} from '@encounters/domain';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import {
  accessScope,
  type AccessScope,
  type AuthUser,
  seesGuidanceNotes,
  may,
} from '../common/access/policy';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import type { Actor } from '../common/access/actor';
import { learnerInScopeSql } from '../common/access/learner-scope';
import { enrolledOnSql, learnerNameSql } from '../common/learner-sql';
import { SqlParams } from '../common/sql-params';
import { CreateGuidanceMeetingDto } from './dto/create-guidance-meeting.dto';
import { GuidanceMeetingListQueryDto } from './dto/guidance-meeting-list-query.dto';
import { UpdateGuidanceMeetingDto } from './dto/update-guidance-meeting.dto';

/** Summary and agreed actions are present only for readers allowed to see guidance notes. */
export type GuidanceMeetingView = Omit<GuidanceMeetingResponse, 'summary' | 'agreedActions'> &
  Partial<Pick<GuidanceMeetingResponse, 'summary' | 'agreedActions'>> & {
    upn: string;
    learnerName: string;
    createdAt: string;
    updatedAt: string;
  };

interface MeetingState {
  learnerId: string;
  academyId: string;
  date: string;
  adviserName: string;
  adviserLevel: number;
  mode: GuidanceMeetingMode;
  summary: string;
  agreedActions: string;
  followUpOn: string | null;
}

/** Restricted fields: only their names ever reach the audit trail. */
const RESTRICTED: readonly (keyof MeetingState)[] = ['summary', 'agreedActions'];

type MeetingWrite =
  | { kind: 'create'; state: MeetingState }
  | { kind: 'update'; id: string; before: MeetingState; state: MeetingState }
  | { kind: 'delete'; id: string; before: MeetingState };

export interface MeetingRow {
  id: string;
  learner_id: string;
  academy_id: string;
  date: string;
  adviser_name: string;
  adviser_level: number;
  mode: GuidanceMeetingMode;
  summary: string;
  agreed_actions: string;
  follow_up_on: string | null;
  upn: string;
  learner_name: string;
  created_at: Date;
  updated_at: Date;
}

export const MEETING_COLUMNS = `m.id, m.learner_id, m.academy_id, to_char(m.date, 'YYYY-MM-DD') AS date, m.adviser_name,
  m.adviser_level, m.mode, m.summary, m.agreed_actions, to_char(m.follow_up_on, 'YYYY-MM-DD') AS follow_up_on,
  l.upn, ${learnerNameSql('l')} AS learner_name, m.created_at, m.updated_at`;

@Injectable()
export class GuidanceMeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coverage: LearnerProgressService,
  ) {}

  async list(query: GuidanceMeetingListQueryDto, actor: Actor): Promise<PagedResult<GuidanceMeetingView>> {
    const p = new SqlParams();
    const where = [
      'm.deleted_at IS NULL',
      learnerInScopeSql(accessScope(actor.user), p, 'm.learner_id', 'm.academy_id'),
    ];
    if (query.learnerId) where.push(`m.learner_id = ${p.add(query.learnerId)}`);
    if (query.academyId) where.push(`m.academy_id = ${p.add(query.academyId)}`);
    const rows: (MeetingRow & { total: number })[] = await this.dataSource.query(
      `SELECT ${MEETING_COLUMNS}, count(*) OVER ()::int AS total
       FROM guidance_meeting m JOIN learner l ON l.id = m.learner_id
       WHERE ${where.join(' AND ')}
       ORDER BY m.date DESC, m.created_at DESC, m.id
       LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`,
      p.values,
    );
    const items = rows.map((row) => toView(row, seesGuidanceNotes(actor.user, [row.academy_id])));
    await this.auditNotesRead(items, actor);
    return { items, total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, actor: Actor): Promise<GuidanceMeetingView> {
    const row = await this.find(this.dataSource.manager, id, accessScope(actor.user));
    const view = toView(row, seesGuidanceNotes(actor.user, [row.academy_id]));
    await this.auditNotesRead([view], actor);
    return view;
  }

  async create(dto: CreateGuidanceMeetingDto, actor: Actor): Promise<GuidanceMeetingView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const academyId = await this.academyOfLearner(
        manager,
        dto.learnerId,
        dto.date,
        actor.user,
        'learnerId',
      );
      const state: MeetingState = {
        learnerId: dto.learnerId,
        academyId,
        date: dto.date,
        adviserName: dto.adviserName,
        adviserLevel: dto.adviserLevel,
        mode: dto.mode,
        summary: dto.summary,
        agreedActions: dto.agreedActions,
        followUpOn: dto.followUpOn ?? null,
      };
      checkFollowUp(state);
      return this.writeMeeting(manager, { kind: 'create', state }, actor);
    });
    return this.get(id, actor);
  }

  async update(id: string, dto: UpdateGuidanceMeetingDto, actor: Actor): Promise<GuidanceMeetingView> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockForWrite(manager, id, actor.user);
      const nulled = (
        ['date', 'adviserName', 'adviserLevel', 'mode', 'summary', 'agreedActions'] as const
      ).filter((field) => dto[field] === null);
      if (nulled.length)
        throw invalid(nulled.map((field) => ({ field, reason: `${field} cannot be cleared` })));
      const date = dto.date ?? before.date;
      const state: MeetingState = {
        learnerId: before.learnerId,
        academyId:
          date === before.date
            ? before.academyId
            : await this.academyOfLearner(manager, before.learnerId, date, actor.user, 'date'),
        date,
        adviserName: dto.adviserName ?? before.adviserName,
        adviserLevel: dto.adviserLevel ?? before.adviserLevel,
        mode: dto.mode ?? before.mode,
        summary: dto.summary ?? before.summary,
        agreedActions: dto.agreedActions ?? before.agreedActions,
        followUpOn: dto.followUpOn === undefined ? before.followUpOn : (dto.followUpOn ?? null),
      };
      checkFollowUp(state);
      await this.writeMeeting(manager, { kind: 'update', id, before, state }, actor);
    });
    return this.get(id, actor);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockForWrite(manager, id, actor.user);
      await this.writeMeeting(manager, { kind: 'delete', id, before }, actor);
    });
  }

  /**
   * Every write of a guidance meeting goes through here: the row, the audit entry (field names only for
   * the restricted notes) and the coverage bookkeeping, in the caller's transaction.
   */
  private async writeMeeting(manager: EntityManager, write: MeetingWrite, actor: Actor): Promise<string> {
    let id: string;
    let details: Record<string, unknown>;
    let academyId: string;
    if (write.kind === 'delete') {
      id = write.id;
      academyId = write.before.academyId;
      // Removed, notes and all: a withdrawn meeting's notes serve no purpose and would otherwise be kept
      // for ever, outside the learner's subject-access export. The audit entry says who deleted it, when.
      await manager.query(`DELETE FROM guidance_meeting WHERE id = $1`, [id]);
      details = { learnerId: write.before.learnerId, date: write.before.date };
    } else {
      const { state } = write;
      academyId = state.academyId;
      const values = [
        state.academyId,
        academicYearOf(state.date),
        state.date,
        state.adviserName,
        state.adviserLevel,
        state.mode,
        state.summary,
        state.agreedActions,
        state.followUpOn,
      ];
      if (write.kind === 'create') {
        [{ id }] = await manager.query(
          `INSERT INTO guidance_meeting (learner_id, created_by, academy_id, academic_year, date, adviser_name,
             adviser_level, mode, summary, agreed_actions, follow_up_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [state.learnerId, actor.user.id, ...values],
        );
        details = describe(state);
      } else {
        id = write.id;
        const changed = (Object.keys(state) as (keyof MeetingState)[]).filter(
          (key) => state[key] !== write.before[key],
        );
        if (!changed.length) return id;
        await manager.query(
          `UPDATE guidance_meeting SET academy_id = $2, academic_year = $3, date = $4, adviser_name = $5,
             adviser_level = $6, mode = $7, summary = $8, agreed_actions = $9, follow_up_on = $10,
             updated_at = now()
           WHERE id = $1`,
          [id, ...values],
        );
        details = {
          changed,
          ...Object.fromEntries(
            changed
              .filter((key) => !RESTRICTED.includes(key))
              .map((key) => [key, { from: write.before[key], to: state[key] }]),
          ),
        };
      }
    }
    await this.audit.record(
      {
        userId: actor.user.id,
        action: `guidance_meeting.${write.kind}`,
        entityType: 'guidance_meeting',
        entityId: id,
        academyId,
        details,
        ip: actor.ip,
      },
      manager,
    );
    const learnerId = write.kind === 'create' ? write.state.learnerId : write.before.learnerId;
    await this.coverage.learnersChanged(manager, [learnerId]);
    return id;
  }

  /** Reading restricted notes leaves a trace: one entry per read, naming the meetings. */
  /** Every read of guidance notes is audited: call with the views as answered. */
  async auditNotesRead(views: GuidanceMeetingView[], actor: Actor): Promise<void> {
    const read = views.filter((view) => view.summary !== undefined);
    if (!read.length) return;
    await this.audit.recordRead({
      userId: actor.user.id,
      action: 'guidance_meeting.read_notes',
      entityType: 'guidance_meeting',
      entityId: read.length === 1 ? read[0].id : null,
      academyId: read.length === 1 ? read[0].academyId : null,
      details: {
        meetingIds: read.map((view) => view.id),
        learnerIds: [...new Set(read.map((view) => view.learnerId))],
      },
      ip: actor.ip,
    });
  }

  private async find(
    manager: EntityManager,
    id: string,
    scope: AccessScope,
    lock = false,
  ): Promise<MeetingRow> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const [row]: MeetingRow[] = await manager.query(
      `SELECT ${MEETING_COLUMNS}
       FROM guidance_meeting m JOIN learner l ON l.id = m.learner_id
       WHERE m.id = ${idParam} AND m.deleted_at IS NULL AND ${learnerInScopeSql(scope, p, 'm.learner_id', 'm.academy_id')}
       ${lock ? 'FOR UPDATE OF m' : ''}`,
      p.values,
    );
    if (!row) throw new NotFoundException('No such guidance meeting.');
    return row;
  }

  private async lockForWrite(manager: EntityManager, id: string, user: AuthUser): Promise<MeetingState> {
    const row = await this.find(manager, id, accessScope(user), true);
    if (!mayWriteAcademy(user, row.academy_id)) throw new NotFoundException('No such guidance meeting.');
    return {
      learnerId: row.learner_id,
      academyId: row.academy_id,
      date: row.date,
      adviserName: row.adviser_name,
      adviserLevel: row.adviser_level,
      mode: row.mode,
      summary: row.summary,
      agreedActions: row.agreed_actions,
      followUpOn: row.follow_up_on,
    };
  }

  /**
   * The learner's academy on the date, from their enrolment; refused, with the same answer as for an
   * unknown learner, when the writer does not record meetings for that academy.
   */
  private async academyOfLearner(
    manager: EntityManager,
    learnerId: string,
    date: string,
    user: AuthUser,
    field: string,
  ): Promise<string> {
    // Normally one; a move inside the trust without dates may leave two on roll that day (R-G-2).
    const enrolments: { academy_id: string }[] = await manager.query(
      `SELECT en.academy_id FROM enrolment en
       WHERE en.learner_id = $1 AND en.academic_year = $2 AND ${enrolledOnSql('en', '$3')}
       ORDER BY en.admission_date DESC NULLS LAST, en.created_at DESC`,
      [learnerId, academicYearOf(date), date],
    );
    const enrolment = enrolments.find((candidate) => mayWriteAcademy(user, candidate.academy_id));
    if (!enrolment) {
      throw invalid([
        {
          field,
          value: field === 'date' ? date : learnerId,
          reason: `no learner of an academy you record guidance for on ${date}`,
        },
      ]);
    }
    return enrolment.academy_id;
  }
}

/** Careers advisers and careers leads of the learner's academy, and trust administrators. */
function mayWriteAcademy(user: AuthUser, academyId: string): boolean {
  return may(user, 'recordGuidance', academyId);
}

function checkFollowUp(state: MeetingState): void {
  if (state.followUpOn && state.followUpOn < state.date) {
    throw invalid([
      {
        field: 'followUpOn',
        value: state.followUpOn,
        reason: `must not be before the meeting (${state.date})`,
      },
    ]);
  }
}

function describe(state: MeetingState): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(state).filter(([key]) => !RESTRICTED.includes(key as keyof MeetingState)),
  );
}

export function toView(row: MeetingRow, withNotes: boolean): GuidanceMeetingView {
  return {
    id: row.id,
    learnerId: row.learner_id,
    upn: row.upn,
    learnerName: row.learner_name,
    academyId: row.academy_id,
    date: row.date,
    adviserName: row.adviser_name,
    adviserLevel: row.adviser_level,
    mode: row.mode,
    ...(withNotes ? { summary: row.summary, agreedActions: row.agreed_actions } : {}),
    followUpOn: row.follow_up_on,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function invalid(details: ErrorDetail[]): ApiError {
  const fields = [...new Set(details.map((detail) => detail.field))];
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    `Invalid ${fields.join(', ')}: ${details.map((detail) => detail.reason).join('; ')}`,
    details,
  );
}
