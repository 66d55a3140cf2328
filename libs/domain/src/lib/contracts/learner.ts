import { AcademicYear, DateWindow, IsoDate } from '../calendar';
import { SenStatusCode } from '../roster';
import { ItemCounting, RULE_STATUSES, RuleId, RuleStatus, RuleStatuses } from '../rules';
import { AttendanceStatus, DeliveryMode, EncounterCategory, EncounterFormat } from '../taxonomy';
import { LearnerDestinations } from './destination';
import { AttendanceReflection } from './encounter';
import { GuidanceMeetingMode, GuidanceMeetingResponse } from './guidance-meeting';
import { PagingQuery } from './paging';
import { PartTimeJobResponse } from './part-time-job';
import { GroupRef, OrganisationRef } from './refs';

/** Query of `GET /api/learners`; the answer is a `PagedResult<LearnerListItem>`. */
export interface LearnerListQuery extends PagingQuery {
  academyId?: string;
  academicYear?: AcademicYear;
  yearGroup?: number;
  groupId?: string;
  /** Matches UPN, legal and preferred names. */
  q?: string;
  /**
   * Only learners on the academy's roll that day (admitted by then, not yet left), as an encounter on that date
   * can take; the academic year then defaults to the date's.
   */
  onRollOn?: IsoDate;
  /** With `status`: learners whose status for this rule, at `asAt`, is that status. */
  rule?: RuleId;
  /** `not_met`: on track, at risk or missed (the rule applies and is not met yet). Needs `rule`. */
  status?: LearnerStatusFilter;
  /** The date the statuses are worked out at; today unless given. */
  asAt?: IsoDate;
  pupilPremium?: boolean;
  /** `N` none, `K` SEN support, `E` EHC plan, `any` either K or E. */
  sen?: 'N' | 'K' | 'E' | 'any';
  eal?: boolean;
  lookedAfter?: boolean;
  /** As the MIS gives it: "M", "F", …; `unknown` when none is recorded. */
  gender?: string;
  /** Name (surname, forename) unless given. */
  sort?: LearnerListSort;
  direction?: 'asc' | 'desc';
}

export const LEARNER_LIST_SORTS = ['name', 'upn', 'yearGroup', 'group'] as const;
export type LearnerListSort = (typeof LEARNER_LIST_SORTS)[number];
/** A rule's statuses, and `not_met` for any of those the rule applies in and is not met yet. */
export const LEARNER_STATUS_FILTERS = [...RULE_STATUSES, 'not_met'] as const;
export type LearnerStatusFilter = (typeof LEARNER_STATUS_FILTERS)[number];

export interface LearnerNames {
  legalSurname: string;
  legalForename: string;
  /** Null when the MIS gives none; the legal name is then the one shown. */
  preferredSurname: string | null;
  preferredForename: string | null;
  /** The name to show: preferred names where given, legal ones otherwise ("Ada Okafor"). */
  name: string;
}

export interface LearnerListItem extends LearnerNames {
  id: string;
  upn: string;
  /** The enrolment of the academic year asked for. */
  academyId: string;
  academicYear: AcademicYear;
  yearGroup: number;
  group: GroupRef | null;
  /** The status for the `rule` asked for, at `asAt`; absent when no rule was asked for. */
  ruleStatus?: RuleStatus;
}

export interface LearnerResponse extends LearnerNames {
  id: string;
  upn: string;
  /** Null once the leaver's data has been pseudonymised, three years after leaving (R-DEST-4). */
  dateOfBirth: IsoDate | null;
  /** "M", "F", another value as the MIS gave it, or null when not recorded. */
  gender: string | null;
}

/** One academic year of the learner at one academy, as imported from the MIS. */
export interface EnrolmentResponse {
  academicYear: AcademicYear;
  academyId: string;
  academyName: string;
  yearGroup: number;
  group: GroupRef | null;
  pupilPremium: boolean;
  senStatus: SenStatusCode;
  eal: boolean;
  lookedAfter: boolean;
  consideringHigherEducation: boolean;
  admissionDate: IsoDate | null;
  leavingDate: IsoDate | null;
}

export interface TimelineEncounterEntry {
  kind: 'encounter';
  date: IsoDate;
  endDate: IsoDate | null;
  encounterId: string;
  academyId: string;
  title: string;
  format: EncounterFormat;
  delivery: DeliveryMode;
  organisations: OrganisationRef[];
  status: AttendanceStatus;
  /** Whether this learner's attendance counts as meaningful: the checklist, less any per-learner override. */
  meaningful: boolean;
  categories: EncounterCategory[];
  reflection: AttendanceReflection | null;
  /** Whether it counts for the year asked for, for which rules, and why not (or not for more). */
  counting: ItemCounting;
}

export interface TimelineGuidanceMeetingEntry {
  kind: 'guidance_meeting';
  date: IsoDate;
  guidanceMeetingId: string;
  adviserName: string;
  adviserLevel: number;
  mode: GuidanceMeetingMode;
  /** Left out for users who may not read guidance notes (teachers, leadership). */
  summary?: string;
  agreedActions?: string;
  followUpOn: IsoDate | null;
  /** Whether it counts for the year asked for, for which rules, and why not. */
  counting: ItemCounting;
}

export type TimelineEntry = TimelineEncounterEntry | TimelineGuidanceMeetingEntry;

/** How a rule stands for the learner, with what the record page needs to explain it. */
export interface LearnerRuleDetail {
  status: RuleStatus;
  /** The dates between which evidence counts; null when the rule does not apply. */
  window: DateWindow | null;
  /** Ids of the encounters and guidance meetings that count, oldest first. */
  evidence: string[];
  /** What the learner still lacks; null when met or not applicable. */
  stillNeeded: string | null;
}

/** Query of `GET /api/learners/{id}`: which year's statuses, at which date (default: this year, today). */
export interface LearnerDetailQuery {
  academicYear?: AcademicYear;
  asAt?: IsoDate;
}

/** Answer of `GET /api/learners/{id}`. */
export interface LearnerDetailResponse {
  learner: LearnerResponse;
  /** Every academic year held, newest first. */
  enrolments: EnrolmentResponse[];
  /** Encounters and guidance meetings, newest first. */
  timeline: TimelineEntry[];
  academicYear: AcademicYear;
  asAt: IsoDate;
  ruleStatuses: RuleStatuses;
  ruleDetails?: Record<RuleId, LearnerRuleDetail>;
  /** R-WEX-1..5: the work-experience ledger at the as-at date, as the rules engine reads it. */
  workExperience: LearnerWorkExperience;
  /** R-WEX-7: the learner's own part-time jobs, the latest first. */
  partTimeJobs: PartTimeJobResponse[];
  /** R-DEST-1..4: intended destinations, NEET risk (restricted) and actual destinations after leaving. */
  destinations: LearnerDestinations;
}

/** R-WEX: hours for one key stage (KS3 activities, KS4 placements). */
export interface WorkExperienceHoursResponse {
  /** Hours attended on or before the as-at date, in person and virtual. */
  doneHours: number;
  /** Hours of experiences dated after the as-at date with the learner listed (R-WEX-5). */
  plannedHours: number;
  /** Done hours as they count against the target, virtual hours capped (R-WEX-4). */
  countedHours: number;
  targetHours: number;
}

/** One experience carrying hours (R-WEX-1) that the learner attended or is listed for. */
export interface WorkExperienceItemResponse {
  encounterId: string;
  date: IsoDate;
  title: string;
  hours: number;
  delivery: DeliveryMode;
  /** Dated after the as-at date (R-WEX-5). */
  planned: boolean;
  /** R-WEX-2: a placement (work experience or job shadowing with an employer), counted for KS4. */
  placement: boolean;
}

/** `workExperience` of `GET /api/learners/{id}`. */
export interface LearnerWorkExperience {
  ks3: WorkExperienceHoursResponse;
  ks4: WorkExperienceHoursResponse;
  /** Oldest first. */
  items: WorkExperienceItemResponse[];
}

/** Answer of `GET /api/learners/{id}/export`: everything held on the learner, for a subject access request. */
export interface LearnerExportResponse {
  /** ISO 8601 with offset. */
  exportedAt: string;
  learner: LearnerResponse;
  enrolments: EnrolmentResponse[];
  encounters: TimelineEncounterEntry[];
  guidanceMeetings: GuidanceMeetingResponse[];
  /** R-WEX-7. */
  partTimeJobs: PartTimeJobResponse[];
  /** R-DEST-1..4, as the learner record gives them to the caller (NEET risk only for those who may see it). */
  destinations: LearnerDestinations;
}
