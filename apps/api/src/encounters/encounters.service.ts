import {
  type ApiErrorDetail,
  type AttendancePutItem,
  deriveEncounterCategories,
  type EncounterListItem,
  type EncounterOrganisationFacts,
  type EncounterResponse,
  type ExistingEncounterRef,
  type PagedResult,
} from '@encounters/domain';
import { ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { accessScope, type AccessScope, type AuthUser, may } from '../common/access/policy';
import type { LearnersChangedOptions } from '../coverage/learner-progress.service';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import type { Actor } from '../common/access/actor';
import { type AttendanceChange, type AttendanceMode, AttendanceService } from './attendance.service';
import type { CreateEncounterDto } from './dto/create-encounter.dto';
import type { EncounterListQueryDto } from './dto/encounter-list-query.dto';
import type { UpdateEncounterDto } from './dto/update-encounter.dto';
import { invalid, noSuchEncounter } from './encounter-errors';
import { toEncounterResponse, toListItem } from './encounter.mapper';
import {
  academyExists,
  attendanceCounts,
  attendedLearners,
  attendeesOf,
  duplicateCandidates,
  duplicateOf,
  eligibleLearners,
  encounterPage,
  insertEncounter,
  type LockedEncounter,
  lockEncounter,
  lockEncounterDay,
  lockEncountersOfOrganisation,
  organisationFacts,
  softDeleteEncounter,
  storeClassification,
  storeClassifications,
  storeOfferedTo,
  updateEncounter,
  visibleEncounter,
  yearGroupsOfLearners,
} from './encounter.queries';
import {
  affectsCoverage,
  applyPatch,
  type AttendanceRow,
  changedFields,
  classify,
  describeChanges,
  describeState,
  type EncounterState,
  factProblems,
  guidanceMeetingForOne,
  likelyDuplicatesOf,
  organisationKey,
  patchProblems,
  stateFromCreate,
} from './encounter-state';

export type { Actor } from '../common/access/actor';

/**
 * Encounters and their attendance: each request in one transaction, access by the policy module, an audit
 * entry for each thing written, and one recomputation of coverage for the learners the request changed.
 * What an encounter becomes is decided by `encounter-state.ts`, the SQL is in `encounter.queries.ts`, the
 * attendance list in `AttendanceService`, and the answers are shaped by `encounter.mapper.ts`.
 */
@Injectable()
export class EncountersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coverage: LearnerProgressService,
    private readonly attendance: AttendanceService,
  ) {}

  // ---------------------------------------------------------------------------------------------- reads

  async list(query: EncounterListQueryDto, user: AuthUser): Promise<PagedResult<EncounterListItem>> {
    const { rows, total } = await encounterPage(this.dataSource.manager, query, accessScope(user));
    return {
      items: rows.map((row) => toListItem(row, row.organisations ?? [], row.attended_count ?? 0, user)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string, user: AuthUser): Promise<EncounterResponse> {
    const db = this.dataSource.manager;
    const scope = accessScope(user);
    const found = await visibleEncounter(db, id, scope);
    if (!found) throw noSuchEncounter();
    const { row, organisations } = found;
    const { items, wholeList } = await this.attendance.read(db, row, scope);
    return toEncounterResponse(row, organisations, items, wholeList, user);
  }

  // --------------------------------------------------------------------------------------------- writes

  async create(dto: CreateEncounterDto, actor: Actor): Promise<EncounterResponse> {
    let state = stateFromCreate(dto);
    const id = await this.refusingDuplicates(
      () => state,
      () =>
        this.dataSource.transaction(async (db) => {
          await this.assertMayWrite(db, actor.user, state.academyId);
          await lockEncounterDay(db, state);
          const organisations = await this.organisationsOf(db, state.organisationIds);
          refuse(factProblems(state, organisations));
          const rows = await this.attendance.resolveAttendees(
            db,
            state,
            dto.attendees,
            dto.absentLearnerIds ?? [],
          );
          if (state.format === 'guidance_meeting' && rows.length > 1)
            refuse([guidanceMeetingForOne('attendees')]);
          if (!state.offeredTo.length) {
            state = { ...state, offeredTo: await yearGroupsOfLearners(db, state, learnerIdsOf(rows)) };
          }
          const confirmed = await this.refuseLikelyDuplicates(db, {
            state,
            attended: attendedIdsIn(rows),
            exceptId: null,
            confirmDistinct: dto.confirmDistinct,
          });
          const classification = classify(state, organisations, attendedIn(rows));
          const encounterId = await insertEncounter(db, state, classification, actor.user.id);
          await this.record(db, actor, 'encounter.create', encounterId, state, describeState(state));
          await this.recordConfirmedDistinct(db, actor, encounterId, state, confirmed);
          const touched = await this.writeAttendance(db, encounterId, state, rows, 'merge', actor);
          await this.recompute(db, touched, { evidenceFrom: state.date });
          return encounterId;
        }),
    );
    return this.get(id, actor.user);
  }

  /**
   * A PATCH: the fields sent, and the attendance list added to (`attendees`, `absentLearnerIds`) or
   * replaced (`replaceAttendance`), in one transaction with one recomputation of the learners it changed.
   * A change that cannot change what the encounter evidences (its title, notes, …) recomputes nothing.
   */
  async update(id: string, dto: UpdateEncounterDto, actor: Actor): Promise<EncounterResponse> {
    let proposed: EncounterState | null = null;
    await this.refusingDuplicates(
      () => proposed,
      () =>
        this.dataSource.transaction(async (db) => {
          const locked = await this.lockForWrite(db, id, actor.user, accessScope(actor.user));
          const before = locked.state;
          refuse(patchProblems(before, dto));
          let state = applyPatch(before, dto);
          proposed = state;
          const organisations = await this.organisationsOf(db, state.organisationIds);
          refuse(factProblems(state, organisations));
          const changed = changedFields(before, state);
          const coverageChanged = affectsCoverage(changed);
          // Only a change of the date, the organisations or the list can make it repeat another encounter.
          const mayRepeat =
            changed.includes('date') ||
            changed.includes('organisationIds') ||
            !!(dto.replaceAttendance || dto.attendees || dto.absentLearnerIds);
          let attendedBefore: string[] = [];
          if (mayRepeat) {
            await lockEncounterDay(db, state);
            attendedBefore = await attendedLearners(db, id);
          }

          let attendance: { rows: AttendanceRow[]; mode: AttendanceMode } | null = null;
          if (dto.replaceAttendance) {
            // Checks every learner on the new list against the new facts, so the old list needs no check.
            const rows = await this.attendance.replacementRows(
              db,
              state,
              dto.replaceAttendance,
              'replaceAttendance',
            );
            attendance = { rows, mode: 'replace' };
          } else {
            if (coverageChanged) await this.assertListStillFits(db, id, state, locked);
            if (dto.attendees || dto.absentLearnerIds) {
              const rows = await this.attendance.resolveAttendees(
                db,
                state,
                dto.attendees ?? {},
                dto.absentLearnerIds ?? [],
              );
              attendance = { rows, mode: 'merge' };
            }
          }

          let attended = locked.attended;
          let change: AttendanceChange | null = null;
          if (attendance) {
            change = await this.attendance.write(db, id, attendance.rows, attendance.mode);
            attended =
              attendance.mode === 'replace'
                ? attendedIn(attendance.rows)
                : (await attendanceCounts(db, id)).attended;
            // R-PAL-4: an encounter with no year groups on record takes those of its list.
            if (!state.offeredTo.length) {
              state = {
                ...state,
                offeredTo: await yearGroupsOfLearners(db, state, await attendeesOf(db, [id])),
              };
            }
          }
          let confirmed: ExistingEncounterRef[] = [];
          if (mayRepeat) {
            confirmed = await this.refuseLikelyDuplicates(db, {
              state,
              attended:
                attendance?.mode === 'replace'
                  ? attendedIdsIn(attendance.rows)
                  : change
                    ? await attendedLearners(db, id)
                    : attendedBefore,
              exceptId: id,
              confirmDistinct: dto.confirmDistinct,
              before: { state: before, attended: attendedBefore },
            });
          }
          // The categories are derived once, from the facts and the list as they now are, and written with the row.
          await updateEncounter(db, id, before, state, classify(state, organisations, attended));
          await this.record(
            db,
            actor,
            'encounter.update',
            id,
            state,
            describeChanges(before, state, changedFields(before, state)),
          );
          if (change) await this.recordAttendance(db, actor, id, state, change);
          await this.recordConfirmedDistinct(db, actor, id, state, confirmed);
          const touched = change?.touched ?? [];
          if (coverageChanged) {
            await this.recompute(db, [...(await attendeesOf(db, [id])), ...touched]);
          } else {
            // Only this encounter's attendance changed: years whose windows all closed before its date stay as they are.
            await this.recompute(db, touched, { evidenceFrom: state.date });
          }
        }),
    );
    return this.get(id, actor.user);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const { state } = await this.lockForWrite(db, id, actor.user, accessScope(actor.user));
      await softDeleteEncounter(db, id, actor.user.id);
      await this.record(db, actor, 'encounter.delete', id, state, { title: state.title, date: state.date });
      await this.recompute(db, await attendeesOf(db, [id]));
    });
  }

  /**
   * `PUT …/attendance`: the list becomes exactly the body. A list that makes the encounter a likely
   * duplicate of another is refused unless `confirmDistinct` (a query parameter, as the body is the list).
   */
  async replaceAttendance(
    id: string,
    items: AttendancePutItem[],
    actor: Actor,
    confirmDistinct = false,
  ): Promise<EncounterResponse> {
    await this.dataSource.transaction(async (db) => {
      // The encounter's row and its day locked by one statement; the list as it stood read once, with the
      // roll check, for the duplicate check and for what the write changes.
      const { state } = await this.lockForWrite(db, id, actor.user, accessScope(actor.user), {
        lockDay: true,
      });
      const { rows, stored } = await this.attendance.replacementWithStored(db, id, state, items);
      const attendedBefore = stored.filter((row) => row.status === 'attended').map((row) => row.learner_id);
      const change = await this.attendance.write(db, id, rows, 'replace', stored);
      if (!change.touched.length) return;
      // R-PAL-4: an encounter with no year groups on record takes those of its list.
      if (!state.offeredTo.length) {
        await storeOfferedTo(db, id, await yearGroupsOfLearners(db, state, learnerIdsOf(rows)));
      }
      const confirmed = await this.refuseLikelyDuplicates(db, {
        state,
        attended: attendedIdsIn(rows),
        exceptId: id,
        confirmDistinct,
        before: { state, attended: attendedBefore },
      });
      // R-C-5 counts the learners of a guidance meeting.
      if (state.format === 'guidance_meeting') {
        const organisations = await this.organisationsOf(db, state.organisationIds);
        await storeClassification(db, id, classify(state, organisations, attendedIn(rows)));
      }
      await this.recordAttendance(db, actor, id, state, change);
      await this.recordConfirmedDistinct(db, actor, id, state, confirmed);
      await this.recompute(db, change.touched, { evidenceFrom: state.date });
    });
    return this.get(id, actor.user);
  }

  /**
   * An organisation's type or technical-education flag changed: what its encounters evidence may have
   * changed too. Runs in the organisation's transaction.
   */
  async organisationReclassified(
    db: EntityManager,
    organisationId: string,
    user: AuthUser,
    ip: string | null,
  ): Promise<void> {
    const encounters = await lockEncountersOfOrganisation(db, organisationId);
    const changed = await storeClassifications(
      db,
      encounters.map((encounter) => ({
        id: encounter.id,
        ...deriveEncounterCategories({
          format: encounter.format,
          duringSchoolDay: encounter.during_school_day,
          adviserLevel: encounter.adviser_level,
          organisations: encounter.organisations,
          attendedLearnerCount: encounter.attended,
        }),
      })),
    );
    if (!changed.length) return;
    await this.audit.record(
      {
        userId: user.id,
        action: 'encounter.reclassify',
        entityType: 'organisation',
        entityId: organisationId,
        details: { encounterIds: changed },
        ip,
      },
      db,
    );
    await this.recompute(db, await attendeesOf(db, changed));
  }

  // ----------------------------------------------------------------------------------------- helpers

  /** The one call to the coverage bookkeeping a request makes, for every learner it changed. */
  private async recompute(
    db: EntityManager,
    learnerIds: readonly string[],
    options: LearnersChangedOptions = {},
  ): Promise<void> {
    if (learnerIds.length) await this.coverage.learnersChanged(db, [...new Set(learnerIds)], options);
  }

  private async record(
    db: EntityManager,
    actor: Actor,
    action: 'encounter.create' | 'encounter.update' | 'encounter.delete',
    id: string,
    state: EncounterState,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        userId: actor.user.id,
        action,
        entityType: 'encounter',
        entityId: id,
        academyId: state.academyId,
        details,
        ip: actor.ip,
      },
      db,
    );
  }

  /** Writes the list and its audit entry; answers the learners whose evidence changed. */
  private async writeAttendance(
    db: EntityManager,
    id: string,
    state: EncounterState,
    rows: AttendanceRow[],
    mode: AttendanceMode,
    actor: Actor,
  ): Promise<string[]> {
    const change = await this.attendance.write(db, id, rows, mode);
    await this.recordAttendance(db, actor, id, state, change);
    return change.touched;
  }

  /** The audit entry of a change to the list; none when no line changed. */
  private async recordAttendance(
    db: EntityManager,
    actor: Actor,
    id: string,
    state: EncounterState,
    change: AttendanceChange,
  ): Promise<void> {
    if (!change.touched.length) return;
    await this.audit.record(
      {
        userId: actor.user.id,
        action: change.mode === 'merge' ? 'attendance.add' : 'attendance.replace',
        entityType: 'encounter',
        entityId: id,
        academyId: state.academyId,
        details: change.details,
        ip: actor.ip,
      },
      db,
    );
  }

  /**
   * Locks a live encounter the actor may change; 404 when it is not theirs to change. With `lockDay`, its
   * day's lock (`lockEncounterDay`) too, in the same statement.
   */
  private async lockForWrite(
    db: EntityManager,
    id: string,
    user: AuthUser,
    scope: AccessScope,
    options: { lockDay?: boolean } = {},
  ): Promise<LockedEncounter> {
    const locked = await lockEncounter(db, id, scope, options);
    if (!locked || !may(user, 'logEncounter', locked.state.academyId)) throw noSuchEncounter();
    return locked;
  }

  private async assertMayWrite(db: EntityManager, user: AuthUser, academyId: string): Promise<void> {
    if (may(user, 'logEncounter', academyId) && (await academyExists(db, academyId))) return;
    throw new ApiError(HttpStatus.NOT_FOUND, 'No such academy among those you log encounters for.', [
      {
        field: 'academyId',
        value: academyId,
        reason: 'no such academy among those you log encounters for',
      },
    ]);
  }

  /** The facts of the encounter's organisations; refuses an id that names none. */
  private async organisationsOf(
    db: EntityManager,
    organisationIds: string[],
  ): Promise<EncounterOrganisationFacts[]> {
    const found = await organisationFacts(db, organisationIds);
    const unknown = organisationIds.filter((id) => !found.has(id));
    if (unknown.length) {
      throw invalid(
        unknown.map((id) => ({ field: 'organisationIds', value: id, reason: 'no such organisation' })),
        `Unknown organisationIds: ${unknown.join(', ')}`,
      );
    }
    return [...found.values()];
  }

  /**
   * New facts must still suit the list: every listed learner on the academy's roll on the (new) date, and
   * a guidance meeting with one learner.
   */
  private async assertListStillFits(
    db: EntityManager,
    id: string,
    state: EncounterState,
    locked: LockedEncounter,
  ): Promise<void> {
    const listed = await attendeesOf(db, [id]);
    const eligible = await eligibleLearners(db, state, listed);
    const missing = listed.filter((learnerId) => !eligible.has(learnerId));
    if (missing.length) {
      refuse([
        {
          field: 'date',
          reason: `${missing.length} learner(s) on the attendance list were not on the academy's roll on ${state.date}`,
        },
      ]);
    }
    if (state.format === 'guidance_meeting' && locked.listed > 1) refuse([guidanceMeetingForOne('format')]);
  }

  /**
   * Logging the same encounter twice is refused with the first one's id. The check before writing gives
   * the friendly answer; the unique index settles two requests racing each other.
   */
  private async refusingDuplicates<T>(
    proposed: () => EncounterState | null,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const constraint =
        error instanceof QueryFailedError
          ? (error.driverError as { constraint?: string }).constraint
          : undefined;
      const state = proposed();
      if (constraint !== 'encounter_not_logged_twice' || !state) throw error;
      const existing = await duplicateOf(this.dataSource.manager, state);
      if (!existing) throw error;
      throw alreadyLogged(existing);
    }
  }

  /**
   * The duplicate rule by meaning (`likelyDuplicatesOf()`): refuses facts and a list that repeat another
   * live encounter of the academy that day — same organisations, more than half the same learners — whatever
   * its title, unless the user confirmed it is a different event; answers the encounters so confirmed, for
   * the audit. A change (`before`) is asked about only the encounters it newly repeats, so a pair confirmed
   * once is not asked about again. The caller holds `lockEncounterDay()`.
   */
  private async refuseLikelyDuplicates(
    db: EntityManager,
    check: {
      state: EncounterState;
      attended: string[];
      exceptId: string | null;
      confirmDistinct: boolean | undefined;
      before?: { state: EncounterState; attended: string[] };
    },
  ): Promise<ExistingEncounterRef[]> {
    const { state, attended, exceptId, before } = check;
    const candidates = await duplicateCandidates(db, state, exceptId);
    if (!candidates.length) return [];
    const sameTitle = candidates.find(
      (candidate) => candidate.title.toLowerCase() === state.title.toLowerCase(),
    );
    if (sameTitle) throw alreadyLogged(sameTitle);
    let likely = likelyDuplicatesOf({ ...state, attendedLearnerIds: attended }, candidates);
    if (likely.length && before) {
      const earlier = likelyDuplicatesOf(
        { ...before.state, attendedLearnerIds: before.attended },
        before.state.date === state.date &&
          organisationKey(before.state.organisationIds) === organisationKey(state.organisationIds)
          ? candidates
          : await duplicateCandidates(db, before.state, exceptId),
      );
      const known = new Set(earlier.map((candidate) => candidate.id));
      likely = likely.filter((candidate) => !known.has(candidate.id));
    }
    const found = likely.map(({ id, title, date }) => ({ id, title, date }));
    if (found.length && !check.confirmDistinct) throw likelyDuplicate(found[0]);
    return found;
  }

  /** The user said this is a different event from the likely duplicates the API named. */
  private async recordConfirmedDistinct(
    db: EntityManager,
    actor: Actor,
    id: string,
    state: EncounterState,
    confirmed: readonly ExistingEncounterRef[],
  ): Promise<void> {
    if (!confirmed.length) return;
    await this.audit.record(
      {
        userId: actor.user.id,
        action: 'encounter.confirm_distinct',
        entityType: 'encounter',
        entityId: id,
        academyId: state.academyId,
        details: { likelyDuplicatesOf: confirmed },
        ip: actor.ip,
      },
      db,
    );
  }
}

function refuse(problems: ApiErrorDetail[]): void {
  if (problems.length) throw invalid(problems);
}

function learnerIdsOf(rows: readonly AttendanceRow[]): string[] {
  return rows.map((row) => row.learnerId);
}

function attendedIn(rows: readonly AttendanceRow[]): number {
  return rows.filter((row) => row.status === 'attended').length;
}

function attendedIdsIn(rows: readonly AttendanceRow[]): string[] {
  return rows.filter((row) => row.status === 'attended').map((row) => row.learnerId);
}

/** The same title too: the unique index's rule, which no confirmation overrides. */
function alreadyLogged(existing: ExistingEncounterRef): ConflictException {
  return new ConflictException({
    message: `This encounter is already logged: "${existing.title}" on ${existing.date}, with the same organisations.`,
    details: [{ field: 'title', reason: 'an encounter with this date, title and organisations exists' }],
    code: 'encounter_already_logged',
    existing: { id: existing.id, title: existing.title, date: existing.date },
    existingId: existing.id,
  });
}

/** The same event under another title, most likely: the user may confirm it is not (`confirmDistinct`). */
function likelyDuplicate(existing: ExistingEncounterRef): ConflictException {
  return new ConflictException({
    message:
      `This looks like "${existing.title}" on ${existing.date}: the same academy, date and organisations, ` +
      'and more than half the same learners. If it is a different event, save it again and confirm that it is.',
    details: [],
    code: 'duplicate_encounter',
    existing: { id: existing.id, title: existing.title, date: existing.date },
    existingId: existing.id,
  });
}
