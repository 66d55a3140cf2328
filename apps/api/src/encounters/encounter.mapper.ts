import type {
  EncounterAttendanceResponse,
  EncounterListItem,
  EncounterResponse,
  OrganisationRef,
} from '@encounters/domain';
import { type AuthUser, seesGuidanceNotes } from '../common/access/policy';
import { type AttendanceReadRow, checklistOfRow, type EncounterRow, factsOfRow } from './encounter.queries';

/*
 * Rows as the queries read them, turned into the answers of the API.
 */

/**
 * The notes of a guidance meeting logged as an encounter are guidance notes: shown only to those who
 * read guidance-meeting notes (`seesGuidanceNotes`), never to teachers or leadership.
 */
function notesFor(row: EncounterRow, user: AuthUser): string | null {
  if (row.format === 'guidance_meeting' && !seesGuidanceNotes(user, [row.academy_id])) return null;
  return row.notes;
}

/** An encounter of a list, as `user` may see it. */
export function toListItem(
  row: EncounterRow,
  organisations: OrganisationRef[],
  attendedCount: number,
  user: AuthUser,
): EncounterListItem {
  return {
    id: row.id,
    academyId: row.academy_id,
    academicYear: row.academic_year,
    ...factsOfRow(row),
    organisations,
    meaningful: checklistOfRow(row),
    categories: row.categories,
    educationTypes: row.education_types,
    attendedCount,
    organiser: row.organiser,
    notes: notesFor(row, user),
    links: row.links,
  };
}

export function toAttendanceItem(row: AttendanceReadRow): EncounterAttendanceResponse {
  return {
    learnerId: row.learner_id,
    upn: row.upn,
    name: row.name,
    yearGroup: row.year_group,
    status: row.status,
    meaningful: row.meaningful_override,
    reflection:
      row.reflection_rating === null
        ? null
        : { rating: row.reflection_rating, comment: row.reflection_comment ?? '' },
    hours: row.hours === null ? null : Number(row.hours),
  };
}

/**
 * One encounter with its attendance as `user` may see it. Erased learners stay in the head count,
 * anonymously, for whoever sees the whole academy (`wholeList`).
 */
export function toEncounterResponse(
  row: EncounterRow,
  organisations: OrganisationRef[],
  attendance: EncounterAttendanceResponse[],
  wholeList: boolean,
  user: AuthUser,
): EncounterResponse {
  const anonymous = wholeList ? Number(row.anonymous_attended ?? 0) : 0;
  const attended = attendance.filter((item) => item.status === 'attended').length + anonymous;
  return {
    ...toListItem(row, organisations, attended, user),
    organisationIds: organisations.map((organisation) => organisation.id),
    attendance,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
