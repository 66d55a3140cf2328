import {
  type AcademicYear,
  academicYearEnd,
  academicYearLabel,
  academicYearOf,
  type DestinationBatchResult,
  type DestinationImportResult,
  type DestinationRegister,
  type IntendedDestinationResponse,
  todayIsoDate,
} from '@encounters/domain';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { accessScope, type AuthUser, may, seesAcademy } from '../common/access/policy';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import { invalid } from '../encounters/encounter-errors';
import { type DestinationCsvError, readDestinationCsv } from './destination-csv';
import { heldFromJson, heldOf, toDestinationResponse, toRegisterRow } from './destination-mapper';
import {
  academyExists,
  deleteDestination,
  findDestination,
  insertDestinations,
  insertStatusChanges,
  learnersByUpn,
  lockLearners,
  organisationNames,
  readRegister,
  readWriteTargets,
  updateDestinations,
  type WriteTargetRow,
} from './destination-queries';
import {
  auditDetails,
  type DestinationEdit,
  type DestinationPlan,
  type DestinationProblem,
  type HeldDestination,
  planDestination,
} from './destination-state';
import type { DestinationUpload } from './destination-upload.interceptor';
import type {
  CreateIntendedDestinationDto,
  DestinationEntryDto,
} from './dto/create-intended-destination.dto';
import type { DestinationBatchDto } from './dto/destination-batch.dto';
import type { DestinationImportQueryDto } from './dto/destination-import.dto';
import type { DestinationListQueryDto } from './dto/destination-list-query.dto';
import type { UpdateIntendedDestinationDto } from './dto/update-intended-destination.dto';

const NO_SUCH_DESTINATION = 'No such intended destination.';
const NO_SUCH_LEARNER = 'No such learner.';
const NO_SUCH_ACADEMY = 'No such academy.';

/** A write the plan says to make, with what it needs for the audit trail. */
interface PlannedWrite {
  learnerId: string;
  academicYear: AcademicYear;
  /** The academy through which the writer records this learner's destination. */
  academyId: string;
  destinationId: string | null;
  held: HeldDestination | null;
  plan: Extract<DestinationPlan, { kind: 'create' | 'update' }>;
}

/** A write's learner, checked: seen by the writer, in Year 11 or 13 that year at an academy they record for. */
interface CheckedTarget {
  target: WriteTargetRow;
  academyId: string;
}

/** How the audit trail records a set of writes: an entry each, or one entry for a file. */
type AuditMode = { kind: 'each' } | { kind: 'import'; academyId: string; details: Record<string, unknown> };

/**
 * R-DEST-1: intended destinations of Years 11 and 13. Anyone who sees the learner sees the destination;
 * careers staff and advisers of the learner's academy, and trust administrators, record them and read their
 * notes (each read of notes audited). Every write is audited and recomputes the learners' coverage
 * (`DEST_16`/`DEST_18`) in its own transaction.
 */
@Injectable()
export class DestinationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coverage: LearnerProgressService,
  ) {}

  async register(query: DestinationListQueryDto, actor: Actor): Promise<DestinationRegister> {
    const { user } = actor;
    const academyId = academyAsked(query.academyId, user);
    const scope = accessScope(user);
    if (!seesAcademy(scope, academyId) || !(await academyExists(this.dataSource.manager, academyId))) {
      throw new NotFoundException(NO_SUCH_ACADEMY);
    }
    const today = todayIsoDate();
    const academicYear = query.academicYear ?? academicYearOf(today);
    const yearEnd = academicYearEnd(academicYear);
    const withNeetRisk = may(user, 'markNeetRisk', academyId);
    const withNotes = may(user, 'recordDestinations', academyId);
    const { rows, summary } = await readRegister(
      this.dataSource.manager,
      {
        academyId,
        academicYear,
        yearGroups: query.yearGroup ? [query.yearGroup] : [11, 13],
        groupId: query.groupId,
        status: query.status,
        q: query.q,
        // Ignored for those who may not see NEET risk: the filter would tell them who is flagged.
        neetRisk: withNeetRisk ? query.neetRisk : undefined,
        // A year that has ended is judged on its last day.
        asAt: today < yearEnd ? today : yearEnd,
      },
      scope,
      query,
    );
    const items = rows.map((row) => toRegisterRow(row, { withNotes, withNeetRisk }));
    await this.auditNotesRead(
      items.flatMap((item) => (item.destination ? [item.destination] : [])),
      academyId,
      actor,
    );
    return {
      items,
      total: summary.learners,
      page: query.page,
      pageSize: query.pageSize,
      summary: {
        learners: summary.learners,
        recorded: summary.recorded,
        confirmed: summary.confirmed,
        ...(withNeetRisk ? { neetRisk: summary.neetRisk } : {}),
      },
    };
  }

  async get(id: string, actor: Actor): Promise<IntendedDestinationResponse> {
    const row = await findDestination(this.dataSource.manager, id, accessScope(actor.user));
    if (!row) throw new NotFoundException(NO_SUCH_DESTINATION);
    const academyId = row.academy_ids.find((candidate) => may(actor.user, 'recordDestinations', candidate));
    const response = toDestinationResponse(row.destination, { withNotes: academyId !== undefined });
    await this.auditNotesRead([response], academyId ?? null, actor);
    return response;
  }

  async create(dto: CreateIntendedDestinationDto, actor: Actor): Promise<IntendedDestinationResponse> {
    const id = await this.dataSource.transaction(async (db) => {
      const targets = await readWriteTargets(db, [dto.learnerId], dto.academicYear, accessScope(actor.user));
      const check = checkTarget(targets.get(dto.learnerId), actor.user);
      if (check.kind === 'unseen') throw new NotFoundException(NO_SUCH_LEARNER);
      if (check.kind === 'notInYear') {
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          `The learner is not in Year 11 or Year 13 in ${academicYearLabel(dto.academicYear)}: intended destinations are recorded for those years only.`,
          [{ field: 'learnerId', value: dto.learnerId, reason: notInYear11Or13(dto.academicYear) }],
        );
      }
      const { target, academyId } = check;
      if (target.destination_id) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          `The learner already has an intended destination for ${academicYearLabel(dto.academicYear)}: change it instead.`,
          [
            {
              field: 'learnerId',
              value: dto.learnerId,
              reason: 'already has an intended destination that year',
            },
          ],
          { existingId: target.destination_id },
        );
      }
      const names = await this.organisationsOf(db, [dto.organisationId], () => 'organisationId');
      const plan = planDestination(null, editOf(dto), {
        today: todayIsoDate(),
        organisationName: dto.organisationId ? (names.get(dto.organisationId) as string) : null,
      });
      if (plan.kind === 'invalid') throw invalid(plan.problems.map((problem) => named(problem, '')));
      if (plan.kind !== 'create') throw new Error(`A new destination planned as ${plan.kind}`);
      const ids = await this.apply(
        db,
        [
          {
            learnerId: dto.learnerId,
            academicYear: dto.academicYear,
            academyId,
            destinationId: null,
            held: null,
            plan,
          },
        ],
        actor,
        { kind: 'each' },
      );
      return ids.get(dto.learnerId) as string;
    });
    return this.get(id, actor);
  }

  async update(
    id: string,
    dto: UpdateIntendedDestinationDto,
    actor: Actor,
  ): Promise<IntendedDestinationResponse> {
    await this.dataSource.transaction(async (db) => {
      const { row, academyId } = await this.lockForWrite(db, id, actor.user);
      const edit = editOf(dto);
      const names = await this.organisationsOf(
        db,
        [edit.organisationId ?? undefined],
        () => 'organisationId',
      );
      const held = heldFromJson(row.destination, row.last_status_on);
      const plan = planDestination(held, edit, {
        today: todayIsoDate(),
        organisationName: edit.organisationId ? (names.get(edit.organisationId) as string) : null,
      });
      if (plan.kind === 'invalid') throw invalid(plan.problems.map((problem) => named(problem, '')));
      if (plan.kind === 'unchanged') return;
      if (plan.kind !== 'update') throw new Error(`A held destination planned as ${plan.kind}`);
      await this.apply(
        db,
        [
          {
            learnerId: row.destination.learnerId,
            academicYear: row.destination.academicYear,
            academyId,
            destinationId: id,
            held,
            plan,
          },
        ],
        actor,
        { kind: 'each' },
      );
    });
    return this.get(id, actor);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const { row, academyId } = await this.lockForWrite(db, id, actor.user);
      await deleteDestination(db, id);
      await this.audit.record(
        {
          userId: actor.user.id,
          action: 'intended_destination.delete',
          entityType: 'intended_destination',
          entityId: id,
          academyId,
          details: {
            learnerIds: [row.destination.learnerId],
            academicYear: row.destination.academicYear,
            category: row.destination.category,
            status: row.destination.status,
          },
          ip: actor.ip,
        },
        db,
      );
      await this.coverage.learnersChanged(db, [row.destination.learnerId]);
    });
  }

  /**
   * Quick entry for a class: each item merges into its learner's destination of the year (created, or
   * changed where it differs, a new status adding a dated change), all in one transaction. Any bad item
   * refuses the whole batch, naming `items[i].field`; a learner the writer does not see is a 404.
   */
  async batch(dto: DestinationBatchDto, actor: Actor): Promise<DestinationBatchResult> {
    return this.dataSource.transaction(async (db) => {
      const { user } = actor;
      const learnerIds = dto.items.map((item) => item.learnerId);
      const targets = await readWriteTargets(db, learnerIds, dto.academicYear, accessScope(user));
      const checks = dto.items.map((item) => checkTarget(targets.get(item.learnerId), user));
      // Unseen learners first: the answer must not tell them apart from learners with bad fields.
      if (checks.some((check) => check.kind === 'unseen')) throw new NotFoundException(NO_SUCH_LEARNER);
      const problems: ErrorDetail[] = [];
      const firstIndex = new Map<string, number>();
      const checked = dto.items.map((item, index): CheckedTarget | null => {
        const check = checks[index];
        const earlier = firstIndex.get(item.learnerId);
        const field = `items[${index}].learnerId`;
        if (earlier !== undefined) {
          problems.push({
            field,
            value: item.learnerId,
            reason: `the learner is also items[${earlier}]: one item a learner`,
          });
          return null;
        }
        firstIndex.set(item.learnerId, index);
        if (check.kind !== 'ok') {
          problems.push({ field, value: item.learnerId, reason: notInYear11Or13(dto.academicYear) });
          return null;
        }
        return check;
      });
      const names = await this.organisationsOf(
        db,
        dto.items.map((item) => item.organisationId),
        (index) => `items[${index}].organisationId`,
        problems,
      );
      const writes: PlannedWrite[] = [];
      let unchanged = 0;
      dto.items.forEach((item, index) => {
        const check = checked[index];
        if (!check || (item.organisationId && !names.has(item.organisationId))) return;
        const held = heldOf(check.target);
        const plan = planDestination(held, editOf(item), {
          today: todayIsoDate(),
          organisationName: item.organisationId ? (names.get(item.organisationId) as string) : null,
        });
        if (plan.kind === 'invalid')
          problems.push(...plan.problems.map((problem) => named(problem, `items[${index}].`)));
        else if (plan.kind === 'unchanged') unchanged += 1;
        else {
          writes.push({
            learnerId: item.learnerId,
            academicYear: dto.academicYear,
            academyId: check.academyId,
            destinationId: check.target.destination_id,
            held,
            plan,
          });
        }
      });
      if (problems.length) throw invalid(problems);
      await this.apply(db, writes, actor, { kind: 'each' });
      return counts(writes, unchanged);
    });
  }

  /**
   * R-DEST-1 from a file: each line merges as a batch item does, all in one transaction; a dry run (the
   * default) only says what would happen. A commit of a file with any bad line writes nothing (422).
   * Destinations of learners the file does not list are left as they are.
   */
  async import(
    query: DestinationImportQueryDto,
    upload: DestinationUpload,
    actor: Actor,
  ): Promise<DestinationImportResult> {
    const { user } = actor;
    const { academyId } = query;
    if (
      !seesAcademy(accessScope(user), academyId) ||
      !may(user, 'recordDestinations', academyId) ||
      !(await academyExists(this.dataSource.manager, academyId))
    ) {
      throw new NotFoundException(NO_SUCH_ACADEMY);
    }
    const academicYear = query.academicYear ?? academicYearOf(todayIsoDate());
    const file = readDestinationCsv(upload.utf8, upload.delimiter);
    return this.dataSource.transaction(async (db) => {
      const errors: DestinationCsvError[] = [...file.errors];
      const byUpn = await learnersByUpn(
        db,
        academyId,
        academicYear,
        file.rows.map((row) => row.upn),
      );
      const targets = await readWriteTargets(db, [...byUpn.values()], academicYear, accessScope(user));
      const firstLine = new Map<string, number>();
      const writes: PlannedWrite[] = [];
      let unchanged = 0;
      for (const row of file.rows) {
        const fail = (column: keyof typeof file.headers, value: string, reason: string) =>
          errors.push({ line: row.line, column: file.headers[column], value, reason });
        const learnerId = byUpn.get(row.upn);
        const target = learnerId ? targets.get(learnerId) : undefined;
        const academyOk = target?.visible && target.academy_ids.includes(academyId);
        if (!target || !academyOk) {
          fail(
            'UPN',
            row.upn,
            `no learner of Year 11 or 13 at this academy in ${academicYearLabel(academicYear)} has this UPN`,
          );
          continue;
        }
        const earlier = firstLine.get(row.upn);
        if (earlier !== undefined) {
          fail('UPN', row.upn, `the learner is also on line ${earlier}: one line a learner`);
          continue;
        }
        firstLine.set(row.upn, row.line);
        const held = heldOf(target);
        const plan = planDestination(
          held,
          {
            category: row.category,
            status: row.status,
            providerName: row.providerName,
            statusOn: row.statusOn,
          },
          { today: todayIsoDate(), organisationName: null },
        );
        if (plan.kind === 'invalid') {
          for (const problem of plan.problems) {
            if (problem.field === 'statusOn') fail('Date', row.dateCell ?? '', problem.reason);
            else
              fail(problem.field === 'status' ? 'Status' : 'Category', problem.value ?? '', problem.reason);
          }
        } else if (plan.kind === 'unchanged') unchanged += 1;
        else {
          writes.push({
            learnerId: target.learner_id,
            academicYear,
            academyId,
            destinationId: target.destination_id,
            held,
            plan,
          });
        }
      }
      errors.sort((a, b) => a.line - b.line);
      const rejected = new Set(errors.map((error) => error.line)).size;
      const result: DestinationImportResult = {
        ...counts(writes, unchanged),
        rejected,
        dryRun: query.dryRun,
        errors,
      };
      if (query.dryRun) return result;
      if (errors.length) {
        const lines = rejected === 1 ? '1 line of the file has' : `${rejected} lines of the file have`;
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          `${lines} errors, so nothing was imported. Correct ${rejected === 1 ? 'it' : 'them'} and import the file again.`,
          errors,
          { created: result.created, updated: result.updated, unchanged: result.unchanged, rejected },
        );
      }
      await this.apply(db, writes, actor, {
        kind: 'import',
        academyId,
        // Counts only: the file is personal data and the audit trail must not copy it.
        details: {
          academicYear,
          lines: file.rows.length,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          bytes: upload.bytes,
        },
      });
      return result;
    });
  }

  /**
   * Every write of destinations goes through here: the rows, their new dated status changes (in the order
   * of the writes), the audit trail (never the notes' text) and the coverage bookkeeping, in the caller's
   * transaction. Answers the id of each learner's destination.
   */
  private async apply(
    db: EntityManager,
    writes: readonly PlannedWrite[],
    actor: Actor,
    mode: AuditMode,
  ): Promise<Map<string, string>> {
    const userId = actor.user.id;
    const created = await insertDestinations(
      db,
      writes.flatMap((write) =>
        write.plan.kind === 'create'
          ? [{ learnerId: write.learnerId, academicYear: write.academicYear, fields: write.plan.fields }]
          : [],
      ),
      userId,
    );
    const idOf = (write: PlannedWrite) => write.destinationId ?? (created.get(write.learnerId) as string);
    await updateDestinations(
      db,
      writes.flatMap((write) =>
        write.plan.kind === 'update' ? [{ id: idOf(write), fields: write.plan.fields }] : [],
      ),
    );
    await insertStatusChanges(
      db,
      writes.flatMap((write) =>
        write.plan.statusChange ? [{ destinationId: idOf(write), ...write.plan.statusChange }] : [],
      ),
      userId,
    );
    if (mode.kind === 'import') {
      await this.audit.record(
        {
          userId,
          action: 'intended_destination.import',
          entityType: 'academy',
          entityId: mode.academyId,
          academyId: mode.academyId,
          details: mode.details,
          ip: actor.ip,
        },
        db,
      );
    } else {
      for (const write of writes) {
        const common = {
          userId,
          entityType: 'intended_destination',
          entityId: idOf(write),
          academyId: write.academyId,
          details: {
            learnerIds: [write.learnerId],
            academicYear: write.academicYear,
            ...auditDetails(write.plan, write.held),
          },
          ip: actor.ip,
        };
        await this.audit.record(
          write.plan.kind === 'create'
            ? { action: 'intended_destination.create', ...common }
            : { action: 'intended_destination.update', ...common },
          db,
        );
      }
    }
    await this.coverage.learnersChanged(
      db,
      writes.map((write) => write.learnerId),
    );
    return new Map(writes.map((write) => [write.learnerId, idOf(write)]));
  }

  /**
   * The destination, locked for a write, and the academy through which the writer records it; the same 404
   * as for an unknown destination when they see it but do not record destinations there. The learner is
   * locked first, as every write of destinations does.
   */
  private async lockForWrite(db: EntityManager, id: string, user: AuthUser) {
    const scope = accessScope(user);
    const seen = await findDestination(db, id, scope);
    if (!seen) throw new NotFoundException(NO_SUCH_DESTINATION);
    await lockLearners(db, [seen.destination.learnerId]);
    const row = await findDestination(db, id, scope, true);
    if (!row) throw new NotFoundException(NO_SUCH_DESTINATION);
    const academyId = row.academy_ids.find((candidate) => may(user, 'recordDestinations', candidate));
    if (!academyId) throw new NotFoundException(NO_SUCH_DESTINATION);
    return { row, academyId };
  }

  /**
   * The names of the organisations given (undefined or null: none), by id. An unknown one is a 400 naming
   * `field(index)`, thrown at once, or added to `problems` when given.
   */
  private async organisationsOf(
    db: EntityManager,
    ids: readonly (string | null | undefined)[],
    field: (index: number) => string,
    problems?: ErrorDetail[],
  ): Promise<Map<string, string>> {
    const names = await organisationNames(
      db,
      ids.filter((id): id is string => typeof id === 'string'),
    );
    const unknown: ErrorDetail[] = ids.flatMap((id, index) =>
      typeof id === 'string' && !names.has(id)
        ? [{ field: field(index), value: id, reason: 'no such organisation' }]
        : [],
    );
    if (unknown.length && !problems) throw invalid(unknown);
    problems?.push(...unknown);
    return names;
  }

  /** Every answer that shows notes is audited: one entry per read, naming the destinations and learners. */
  private async auditNotesRead(
    destinations: readonly IntendedDestinationResponse[],
    academyId: string | null,
    actor: Actor,
  ): Promise<void> {
    const read = destinations.filter((destination) => destination.notes);
    if (!read.length) return;
    await this.audit.recordRead({
      userId: actor.user.id,
      action: 'intended_destination.read_notes',
      entityType: 'intended_destination',
      entityId: read.length === 1 ? read[0].id : null,
      academyId,
      details: {
        destinationIds: read.map((destination) => destination.id),
        learnerIds: [...new Set(read.map((destination) => destination.learnerId))],
      },
      ip: actor.ip,
    });
  }
}

/**
 * The academy of the register: the one asked for, or, when none is, the caller's only academy. A caller
 * who serves several academies (or the whole trust) must choose.
 */
function academyAsked(academyId: string | undefined, user: AuthUser): string {
  if (academyId) return academyId;
  if (user.academyIds.length === 1) return user.academyIds[0];
  throw invalid([
    {
      field: 'academyId',
      reason: user.academyIds.length
        ? `choose the academy: you serve ${user.academyIds.length}`
        : 'choose the academy',
    },
  ]);
}

function notInYear11Or13(academicYear: AcademicYear): string {
  return `the learner is not in Year 11 or Year 13 in ${academicYearLabel(academicYear)}: intended destinations are recorded for those years only`;
}

/**
 * Whether the writer may record this learner's destination of the year: `unseen` for a learner unknown or
 * not seen, and for one seen whose academy the writer does not record destinations for (so as not to say
 * the learner exists there); `notInYear` for a learner not in Year 11 or 13 in the year; else the academy
 * through which they record it.
 */
function checkTarget(
  target: WriteTargetRow | undefined,
  user: AuthUser,
): { kind: 'unseen' } | { kind: 'notInYear' } | ({ kind: 'ok' } & CheckedTarget) {
  if (!target?.visible) return { kind: 'unseen' };
  if (!target.academy_ids.length) return { kind: 'notInYear' };
  const academyId = target.academy_ids.find((candidate) => may(user, 'recordDestinations', candidate));
  return academyId ? { kind: 'ok', target, academyId } : { kind: 'unseen' };
}

/** A request's fields as the rules of change read them: null where it was sent to clear a field. */
function editOf(dto: Partial<DestinationEntryDto>): DestinationEdit {
  const fields = dto as Record<keyof DestinationEdit, unknown>;
  const edit: Record<string, unknown> = {};
  for (const field of [
    'category',
    'providerName',
    'organisationId',
    'status',
    'statusOn',
    'notes',
  ] as const) {
    if (fields[field] !== undefined) edit[field] = fields[field];
  }
  return edit as DestinationEdit;
}

function named(problem: DestinationProblem, prefix: string): ErrorDetail {
  return {
    field: `${prefix}${problem.field}`,
    ...(problem.value ? { value: problem.value } : {}),
    reason: problem.reason,
  };
}

function counts(writes: readonly PlannedWrite[], unchanged: number): DestinationBatchResult {
  return {
    created: writes.filter((write) => write.plan.kind === 'create').length,
    updated: writes.filter((write) => write.plan.kind === 'update').length,
    unchanged,
  };
}
