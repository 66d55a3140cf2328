import type { ResolvedRosterRow, RosterMoveRequest } from '@encounters/domain';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type AuthUser, may, mayEverywhere } from '../common/access/policy';
import { leavingDateFor, ROSTER_IMPORT_LOCK, RosterImportService } from './roster-import.service';

interface MoveRequestRecord {
  id: string;
  learner_id: string;
  upn: string;
  name: string;
  academic_year: number;
  to_academy_id: string;
  to_academy_name: string;
  from_academy_id: string;
  requested_at: Date;
  row: ResolvedRosterRow | null;
  status: 'pending' | 'confirmed' | 'declined';
}

/**
 * Move requests: what a roster import asks of the academy holding a learner. The holder's careers lead or a
 * trust administrator decides; a confirmed move enrols the learner at the requesting academy from the file's
 * row and ends the holder's enrolment of the year the day before the admission (R-G-2). The requesting academy
 * sees only its own requests, without the holder's name or anything the holder keeps.
 */
@Injectable()
export class MoveRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly rosters: RosterImportService,
  ) {}

  /** Pending requests the user decides on or made, newest first. */
  async list(user: AuthUser): Promise<RosterMoveRequest[]> {
    const trustWide = mayEverywhere(user, 'importRoster');
    const records = await this.select(this.dataSource.manager, {
      where: `m.status = 'pending' AND ($1::boolean OR m.from_academy_id = ANY($2::uuid[]) OR m.to_academy_id = ANY($2::uuid[]))`,
      params: [trustWide, user.academyIds],
    });
    return records.map((record) => this.answer(user, record));
  }

  async confirm(user: AuthUser, id: string, ip: string | null): Promise<RosterMoveRequest> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ROSTER_IMPORT_LOCK]);
      const record = await this.pendingToDecide(manager, user, id);
      const fileRow = record.row as ResolvedRosterRow;
      // R-G-2: admitted to another academy later in the year, the learner left the requesting one the day before.
      const elsewhere: { admission: string | null }[] = await manager.query(
        `SELECT to_char(admission_date, 'YYYY-MM-DD') AS admission FROM enrolment
          WHERE learner_id = $1 AND academic_year = $2 AND academy_id <> $3`,
        [record.learner_id, record.academic_year, record.to_academy_id],
      );
      const row = { ...fileRow, leavingDate: leavingDateFor(fileRow, elsewhere) };
      await this.rosters.apply(
        manager,
        record.to_academy_id,
        record.academic_year,
        [{ row, learnerId: record.learner_id, writeLearner: false, writeEnrolment: true }],
        { closeElsewhere: true },
      );
      await this.decide(manager, user, record, 'confirmed', ip);
      return this.answer(user, { ...record, status: 'confirmed' });
    });
  }

  async decline(user: AuthUser, id: string, ip: string | null): Promise<RosterMoveRequest> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.pendingToDecide(manager, user, id);
      await this.decide(manager, user, record, 'declined', ip);
      return this.answer(user, { ...record, status: 'declined' });
    });
  }

  private async pendingToDecide(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<MoveRequestRecord> {
    const [record] = await this.select(manager, { where: 'm.id = $1', params: [id], lock: true });
    const sees =
      record &&
      (mayEverywhere(user, 'importRoster') ||
        user.academyIds.includes(record.from_academy_id) ||
        user.academyIds.includes(record.to_academy_id));
    if (!sees) throw new NotFoundException('No such move request.');
    if (!mayDecide(user, record)) {
      throw new ForbiddenException(
        "Only a trust administrator or the careers lead of the learner's academy may decide a move request.",
      );
    }
    if (record.status !== 'pending')
      throw new ConflictException(`This move request was already ${record.status}.`);
    return record;
  }

  private async decide(
    manager: EntityManager,
    user: AuthUser,
    record: MoveRequestRecord,
    status: 'confirmed' | 'declined',
    ip: string | null,
  ): Promise<void> {
    // The file's row has served its purpose: only who decided what, and when, is kept.
    await manager.query(
      `UPDATE roster_move_request SET status = $2, row = NULL, decided_by = $3, decided_at = now() WHERE id = $1`,
      [record.id, status, user.id],
    );
    await this.audit.record(
      {
        userId: user.id,
        action: `roster.move.${status === 'confirmed' ? 'confirm' : 'decline'}`,
        entityType: 'learner',
        entityId: record.learner_id,
        academyId: record.from_academy_id,
        details: { academicYear: record.academic_year, toAcademyId: record.to_academy_id },
        ip,
      },
      manager,
    );
  }

  private select(
    manager: EntityManager,
    query: { where: string; params: unknown[]; lock?: boolean },
  ): Promise<MoveRequestRecord[]> {
    return manager.query(
      `SELECT m.id, m.learner_id, l.upn,
              coalesce(l.preferred_forename, l.legal_forename) || ' ' || coalesce(l.preferred_surname, l.legal_surname) AS name,
              m.academic_year, m.to_academy_id, a.name AS to_academy_name, m.from_academy_id, m.requested_at, m.row,
              m.status
         FROM roster_move_request m
         JOIN learner l ON l.id = m.learner_id
         JOIN academy a ON a.id = m.to_academy_id
        WHERE ${query.where}
        ORDER BY m.requested_at DESC, l.upn
        ${query.lock ? 'FOR UPDATE OF m' : ''}`,
      query.params,
    );
  }

  private answer(user: AuthUser, record: MoveRequestRecord): RosterMoveRequest {
    const decides = mayDecide(user, record);
    return {
      id: record.id,
      upn: record.upn,
      academicYear: record.academic_year,
      toAcademyId: record.to_academy_id,
      toAcademyName: record.to_academy_name,
      requestedAt: new Date(record.requested_at).toISOString(),
      mayDecide: decides,
      learnerId: decides ? record.learner_id : null,
      name: decides ? record.name : null,
      yearGroup: decides ? (record.row?.yearGroup ?? null) : null,
      admissionDate: decides ? (record.row?.admissionDate ?? null) : null,
    };
  }
}

function mayDecide(user: AuthUser, record: Pick<MoveRequestRecord, 'from_academy_id'>): boolean {
  return may(user, 'importRoster', record.from_academy_id);
}
