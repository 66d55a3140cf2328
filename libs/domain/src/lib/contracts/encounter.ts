import { AcademicYear, IsoDate } from '../calendar';
import {
  AttendanceStatus,
  DeliveryMode,
  EducationOrganisationType,
  EncounterCategory,
  EncounterFormat,
} from '../taxonomy';
import { OrganisationRef } from './refs';
import { PagingQuery } from './paging';

/**
 * The meaningful checklist (compliance-rules.md, 2024 definitions). The four shared items are always
 * asked; the others belong to workplace experiences (B6) or education-provider encounters (B7).
 */
export interface EncounterMeaningfulChecklist {
  purposeShared: boolean;
  learningOutcomes: boolean;
  twoWayInteraction: boolean;
  reflection: boolean;
  rangeOfPeople?: boolean;
  taskSet?: boolean;
  employerFeedback?: boolean;
  providerInformation?: boolean;
  whatLearningIsLike?: boolean;
  metStaffAndLearners?: boolean;
}

/** Who attended, in any mix; the API expands groups and year groups to learners and merges repeats. */
export interface EncounterAttendees {
  learnerIds?: string[];
  upns?: string[];
  groupIds?: string[];
  yearGroups?: number[];
}

/** Body of `POST /api/encounters`. */
export interface CreateEncounterRequest {
  academyId: string;
  title: string;
  date: IsoDate;
  /** For an encounter over several days (work experience). */
  endDate?: IsoDate;
  format: EncounterFormat;
  delivery: DeliveryMode;
  duringSchoolDay: boolean;
  durationMinutes: number;
  /** Work experience: the number of days. */
  days?: number;
  /** Group guidance: the leading adviser's CDI qualification level. */
  adviserLevel?: number;
  organisationIds: string[];
  meaningful: EncounterMeaningfulChecklist;
  attendees: EncounterAttendees;
  /** Learners brought in by `attendees` who did not come: recorded as `absent`. */
  absentLearnerIds?: string[];
  organiser?: string;
  notes?: string;
  links?: string[];
  /**
   * R-PAL-4: the year groups (7–14) the event was open to. Left out (or empty), it takes the year groups of
   * the learners on the attendance list.
   */
  offeredTo?: number[];
  /** R-V-1: the encounter was linked to the learners' curriculum (B5 at a post-16 academy). */
  curriculumLinked?: boolean;
  /**
   * The user has seen the likely duplicate the API named (409 `duplicate_encounter`) and says this is a
   * different event: it is logged all the same, and the audit records the confirmation.
   */
  confirmDistinct?: boolean;
}

/**
 * Body of `PATCH /api/encounters/{id}`: the fields to change. `attendees` and `absentLearnerIds` add to
 * the attendance list; `replaceAttendance` replaces it, as `PUT /api/encounters/{id}/attendance` does, in
 * the same transaction as the other changes (not with `attendees` or `absentLearnerIds`).
 */
export interface UpdateEncounterRequest extends Partial<CreateEncounterRequest> {
  replaceAttendance?: AttendancePutItem[];
}

/** Query of `GET /api/encounters`; the answer is a `PagedResult<EncounterListItem>`. */
export interface EncounterListQuery extends PagingQuery {
  academyId?: string;
  from?: IsoDate;
  to?: IsoDate;
  organisationId?: string;
  learnerId?: string;
}

export interface AttendanceReflection {
  /** 1 (not useful) to 5 (very useful). */
  rating: number;
  comment: string;
}

/** One item of the body of `PUT /api/encounters/{id}/attendance`, which replaces the whole list. */
export interface AttendancePutItem {
  learnerId: string;
  status: AttendanceStatus;
  /** R-M-2: false marks this learner's attendance as not meaningful (e.g. they left early). */
  meaningful?: boolean;
  reflection?: AttendanceReflection;
  /**
   * R-WEX-1: the hours this learner spent (left at noon, an extra day), 0..24 a day; null or left out takes
   * the default from the encounter (its duration, or its days x the policy's hours a day).
   */
  hours?: number | null;
}

export interface EncounterAttendanceResponse {
  learnerId: string;
  upn: string;
  name: string;
  yearGroup: number;
  status: AttendanceStatus;
  meaningful: boolean | null;
  reflection: AttendanceReflection | null;
  /** R-WEX-1: the learner's own hours where a careers lead set them; null takes the default. */
  hours: number | null;
}

export interface EncounterListItem {
  id: string;
  academyId: string;
  academicYear: AcademicYear;
  title: string;
  date: IsoDate;
  endDate: IsoDate | null;
  format: EncounterFormat;
  delivery: DeliveryMode;
  duringSchoolDay: boolean;
  durationMinutes: number;
  days: number | null;
  adviserLevel: number | null;
  organisations: OrganisationRef[];
  meaningful: EncounterMeaningfulChecklist;
  /** What the encounter evidences, derived from its facts (R-C-1..7), never typed in. */
  categories: EncounterCategory[];
  educationTypes: EducationOrganisationType[];
  attendedCount: number;
  organiser: string | null;
  notes: string | null;
  links: string[];
  /** R-PAL-4: the year groups the event was open to, ascending. */
  offeredTo: number[];
  /** R-V-1: linked to the learners' curriculum. */
  curriculumLinked: boolean;
}

/** Answer of `GET`, `POST` and `PATCH` on `/api/encounters/{id}`. */
export interface EncounterResponse extends EncounterListItem {
  organisationIds: string[];
  attendance: EncounterAttendanceResponse[];
  /** ISO 8601 with offset. */
  createdAt: string;
  updatedAt: string;
}
