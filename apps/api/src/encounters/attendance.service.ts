import {
  academicYearLabel,
  academicYearOf,
  type AttendancePutItem,
  type EncounterAttendanceResponse,
  type EncounterAttendees,
} from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ErrorDetail } from '../common/api-error';
import type { AccessScope } from '../common/access/policy';
import { invalid } from './encounter-errors';
import { toAttendanceItem } from './encounter.mapper';
import {
  attendanceList,
  eligibleLearners,
  type EncounterRow,
  groupsOfAcademy,
  learnersOnRoll,
  mergeAttendance,
  replaceAttendance,
  storedAttendance,
  storedAttendanceAndEligible,
} from './encounter.queries';
import {
  type AttendanceRow,
  attendanceReplacement,
  attendanceRowsFromItems,
  type EncounterState,
  groupByStatus,
  guidanceMeetingForOne,
  hoursProblems,
  notOnRoll,
  type StoredAttendance,
} from './encounter-state';

/**
 * How a write changes the list: `merge` adds learners not yet listed (and marks the named absentees
 * absent); `replace` makes it exactly the rows.
 */
export type AttendanceMode = 'merge' | 'replace';

/** What a write of the list did: the learners whose evidence changed, and the audit entry's details. */
export interface AttendanceChange {
  mode: AttendanceMode;
  touched: string[];
  details: Record<string, unknown>;
}

/**
 * The attendance list of an encounter: who the body names, checked against the academy's roll on the
 * encounter's date; its writes, with what their audit entries say; and its reads, reflections included.
 * Every method runs in its caller's transaction and leaves the audit and the coverage bookkeeping to the
 * caller, so that one request recomputes its learners once.
 */
@Injectable()
export class AttendanceService {
  /**
   * The list as `scope` may see it: everyone for whoever sees the whole academy (`wholeList`), otherwise
   * only the learners the reader teaches.
   */
  async read(
    db: EntityManager,
    encounter: EncounterRow,
    scope: AccessScope,
  ): Promise<{ items: EncounterAttendanceResponse[]; wholeList: boolean }> {
    const wholeList = scope.trustWide || scope.academyIds.includes(encounter.academy_id);
    const rows = await attendanceList(db, encounter, scope, !wholeList);
    return { items: rows.map(toAttendanceItem), wholeList };
  }

  /** The learners the body names, expanded and merged; refuses any who were not on the academy's roll. */
  async resolveAttendees(
    db: EntityManager,
    state: EncounterState,
    attendees: EncounterAttendees,
    absentLearnerIds: readonly string[],
  ): Promise<AttendanceRow[]> {
    const learnerIds = [...new Set(attendees.learnerIds ?? [])];
    const upns = [...new Set(attendees.upns ?? [])];
    const groupIds = [...new Set(attendees.groupIds ?? [])];
    const yearGroups = [...new Set(attendees.yearGroups ?? [])];
    const absent = [...new Set(absentLearnerIds)];
    if (!learnerIds.length && !upns.length && !groupIds.length && !yearGroups.length && !absent.length)
      return [];
    const academicYear = academicYearOf(state.date);

    const problems: ErrorDetail[] = [];
    if (groupIds.length) {
      const known = await groupsOfAcademy(db, groupIds, state.academyId, academicYear);
      for (const id of groupIds.filter((groupId) => !known.has(groupId))) {
        problems.push({
          field: 'attendees.groupIds',
          value: id,
          reason: `not a group of this academy in ${academicYearLabel(academicYear)}`,
        });
      }
    }

    const found = await learnersOnRoll(db, state, {
      learnerIds: [...learnerIds, ...absent],
      upns,
      yearGroups,
      groupIds,
    });
    const foundIds = new Set(found.map((row) => row.learner_id));
    const foundUpns = new Set(found.map((row) => row.upn));
    for (const id of learnerIds.filter((learnerId) => !foundIds.has(learnerId)))
      problems.push({ field: 'attendees.learnerIds', value: id, reason: notOnRoll(state) });
    for (const upn of upns.filter((value) => !foundUpns.has(value)))
      problems.push({ field: 'attendees.upns', value: upn, reason: notOnRoll(state) });
    for (const id of absent.filter((learnerId) => !foundIds.has(learnerId)))
      problems.push({ field: 'absentLearnerIds', value: id, reason: notOnRoll(state) });
    if (problems.length) throw invalid(problems);

    const absentSet = new Set(absent);
    return [...foundIds].map((learnerId) => ({
      learnerId,
      status: absentSet.has(learnerId) ? 'absent' : 'attended',
    }));
  }

  /**
   * A whole new list, as `PUT …/attendance` sends it (`list` = `body`) or a PATCH's `replaceAttendance`:
   * every learner must have been on the academy's roll on the date, and a guidance meeting has one learner.
   * Errors name the item: `[0].learnerId` in the PUT's body, `replaceAttendance.0.learnerId` in a PATCH.
   */
  async replacementRows(
    db: EntityManager,
    state: EncounterState,
    items: readonly AttendancePutItem[],
    list: 'body' | 'replaceAttendance',
  ): Promise<AttendanceRow[]> {
    return this.checkedReplacement(state, items, list, (learnerIds) =>
      eligibleLearners(db, state, learnerIds),
    );
  }

  /**
   * {@link replacementRows} for `PUT …/attendance`, with the list as it stands (read in the same statement
   * as the roll check, after the caller locked the encounter): what `write` compares the rows with.
   */
  async replacementWithStored(
    db: EntityManager,
    encounterId: string,
    state: EncounterState,
    items: readonly AttendancePutItem[],
  ): Promise<{ rows: AttendanceRow[]; stored: StoredAttendance[] }> {
    let stored: StoredAttendance[] = [];
    const rows = await this.checkedReplacement(state, items, 'body', async (learnerIds) => {
      const found = await storedAttendanceAndEligible(db, encounterId, state, learnerIds);
      stored = found.stored;
      return found.eligible;
    });
    return { rows, stored };
  }

  private async checkedReplacement(
    state: EncounterState,
    items: readonly AttendancePutItem[],
    list: 'body' | 'replaceAttendance',
    eligibleOf: (learnerIds: string[]) => Promise<Set<string>>,
  ): Promise<AttendanceRow[]> {
    const field = (index: number) =>
      list === 'body' ? `[${index}].learnerId` : `${list}.${index}.learnerId`;
    const rows = attendanceRowsFromItems(items);
    const tooLong = hoursProblems(state, rows, (index) =>
      list === 'body' ? `[${index}].hours` : `${list}.${index}.hours`,
    );
    if (tooLong.length) throw invalid(tooLong);
    const eligible = await eligibleOf(rows.map(({ row }) => row.learnerId));
    const refused: ErrorDetail[] = rows
      .filter(({ row }) => !eligible.has(row.learnerId))
      .map(({ index, row }) => ({ field: field(index), value: row.learnerId, reason: notOnRoll(state) }));
    if (refused.length) throw invalid(refused);
    if (state.format === 'guidance_meeting' && rows.length > 1) throw invalid([guidanceMeetingForOne(list)]);
    return rows.map(({ row }) => row);
  }

  /**
   * Writes the list; answers the learners whose evidence changed and what the audit entry says about it
   * (nothing to say when no line changed). A replacement compares with `stored`, the list as the caller
   * read it in this transaction (under the encounter's lock), or reads it.
   */
  async write(
    db: EntityManager,
    encounterId: string,
    rows: readonly AttendanceRow[],
    mode: AttendanceMode,
    stored?: StoredAttendance[],
  ): Promise<AttendanceChange> {
    if (mode === 'merge') {
      const written = await mergeAttendance(db, encounterId, rows);
      return {
        mode,
        touched: written.map((row) => row.learner_id),
        details: {
          mode,
          added: groupByStatus(
            written
              .filter((row) => row.inserted)
              .map((row) => ({ learnerId: row.learner_id, status: row.status })),
          ),
          markedAbsent: written.filter((row) => !row.inserted).map((row) => row.learner_id),
        },
      };
    }
    const before = stored ?? (await storedAttendance(db, encounterId));
    await replaceAttendance(db, encounterId, rows);
    return { mode, ...attendanceReplacement(before, rows) };
  }
}
