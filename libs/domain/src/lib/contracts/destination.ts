import { AcademicYear, IsoDate } from '../calendar';
import {
  ActualDestinationCategory,
  DestinationAnniversary,
  DestinationCategory,
  DestinationSource,
  DestinationStatus,
  DestinationStatusChange,
} from '../destinations';
import { RuleId, RuleStatus } from '../rules';
import { PagedResult, PagingQuery } from './paging';
import { GroupRef, OrganisationRef } from './refs';

/** Body of `POST /api/destinations` (R-DEST-1). */
export interface CreateIntendedDestinationRequest {
  learnerId: string;
  /** The academic year of the learner's Year 11 or Year 13. */
  academicYear: AcademicYear;
  category: DestinationCategory;
  /** Free text, or the name of `organisationId` when that is given. */
  providerName?: string;
  organisationId?: string;
  status: DestinationStatus;
  /** The day the status was reached; today unless given. */
  statusOn?: IsoDate;
  /** Restricted like guidance notes: careers staff and advisers only. */
  notes?: string;
}

/** Body of `PATCH /api/destinations/{id}`: a new status adds a dated change to the history. */
export type UpdateIntendedDestinationRequest = Partial<
  Omit<CreateIntendedDestinationRequest, 'learnerId' | 'academicYear'>
>;

export interface IntendedDestinationResponse {
  id: string;
  learnerId: string;
  academicYear: AcademicYear;
  category: DestinationCategory;
  providerName: string | null;
  organisationId: string | null;
  organisation: OrganisationRef | null;
  status: DestinationStatus;
  /** Every change, oldest first (changes of one day in the order they were made). */
  statusHistory: DestinationStatusChange[];
  /** R-DEST-2: the day the destination became confirmed as the record stands, or null. */
  confirmedOn: IsoDate | null;
  /** Only for those who may read notes (absent for teachers). */
  notes?: string | null;
  updatedAt: string;
}

/** Query of `GET /api/destinations`: the register of one academy's Year 11 or Year 13. */
export interface DestinationListQuery extends PagingQuery {
  academyId?: string;
  academicYear?: AcademicYear;
  /** 11 or 13; both when not given. */
  yearGroup?: number;
  groupId?: string;
  /** A destination status, or `none` for learners with no destination recorded. */
  status?: DestinationStatus | 'none';
  /** Only learners flagged (true) or not flagged (false) at NEET risk; ignored for those who may not see it. */
  neetRisk?: boolean;
  q?: string;
}

/** One learner of the register, with their destination when one is recorded. */
export interface DestinationRegisterRow {
  learnerId: string;
  academicYear: AcademicYear;
  upn: string;
  name: string;
  yearGroup: number;
  group: GroupRef | null;
  academyId: string;
  destination: IntendedDestinationResponse | null;
  /** `DEST_16` for Year 11, `DEST_18` for Year 13, and its status today (or at the year's end). */
  rule: RuleId;
  ruleStatus: RuleStatus;
  /** R-DEST-3: flagged at NEET risk; absent for those who may not see NEET risk. */
  neetRisk?: boolean;
}

export interface DestinationRegister extends PagedResult<DestinationRegisterRow> {
  /** Over every learner matching the query, not just this page. */
  summary: { learners: number; recorded: number; confirmed: number; neetRisk?: number };
}

/** Body of `POST /api/destinations/batch`: quick entry for a class; one transaction, merged per learner. */
export interface DestinationBatchRequest {
  academicYear: AcademicYear;
  items: Omit<CreateIntendedDestinationRequest, 'academicYear'>[];
}

export interface DestinationBatchResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Answer of `POST /api/destinations/import` (columns UPN, Category, Provider, Status; optional Date). */
export interface DestinationImportResult extends DestinationBatchResult {
  rejected: number;
  dryRun: boolean;
  errors: { line: number; column: string; value: string; reason: string }[];
}

/** Body of `PUT /api/destinations/neet-risk` (R-DEST-3). */
export interface MarkNeetRiskRequest {
  learnerId: string;
  reason: string;
  support: string;
  reviewOn: IsoDate;
  /**
   * The year in which the learner must be in Year 11 or 13 at an academy where the user marks NEET risk;
   * the current academic year unless given (a leaver of last summer is marked with last year's).
   */
  academicYear?: AcademicYear;
}

/** One learner of the NEET-risk list: marked by a careers lead, flagged automatically, or both. */
export interface NeetRiskEntry {
  learnerId: string;
  upn: string;
  name: string;
  yearGroup: number;
  group: GroupRef | null;
  academyId: string;
  marked: {
    reason: string;
    support: string;
    reviewOn: IsoDate;
    markedBy: string | null;
    markedAt: string;
  } | null;
  /** R-DEST-3: `DEST_16`/`DEST_18` at risk or missed. */
  automatic: { rule: RuleId; status: RuleStatus } | null;
  /** The review date is today or past. */
  reviewDue: boolean;
}

export interface NeetRiskList {
  academicYear: AcademicYear;
  items: NeetRiskEntry[];
}

/** Body of `PUT /api/destinations/actual` (R-DEST-4). */
export interface RecordActualDestinationRequest {
  learnerId: string;
  anniversary: DestinationAnniversary;
  category: ActualDestinationCategory;
  provider?: string;
  source: DestinationSource;
  consentToFollowUp: boolean;
}

export interface ActualDestination {
  anniversary: DestinationAnniversary;
  /** 1 October of that year after leaving. */
  on: IsoDate;
  category: ActualDestinationCategory;
  provider: string | null;
  source: DestinationSource;
  recordedAt: string;
}

export interface LeaverRow {
  learnerId: string;
  /** Null once pseudonymised. */
  upn: string | null;
  name: string;
  pseudonymised: boolean;
  yearGroup: number;
  leftOn: IsoDate;
  consentToFollowUp: boolean | null;
  destinations: ActualDestination[];
  /** Anniversaries already passed with nothing recorded. */
  toFollowUp: DestinationAnniversary[];
}

/** R-DEST-5: a cohort's share in education, employment or training at one anniversary. */
export interface AnniversaryFigures {
  anniversary: DestinationAnniversary;
  on: IsoDate;
  leavers: number;
  recorded: number;
  inEet: number;
  neet: number;
  notKnown: number;
  /** Of all leavers of the cohort; null when there are none. */
  percentInEet: number | null;
  /** R-G-3: per characteristic, the group's share minus the rest's, in points; null where either is empty. */
  gaps: Record<string, number | null>;
}

/** Answer of `GET /api/destinations/actual` (`academyId`, `leftIn`). */
export interface LeaversCohort {
  academyId: string;
  leftIn: AcademicYear;
  figures: AnniversaryFigures[];
  items: LeaverRow[];
}

/** One year of `GET /api/destinations/actual/cohorts` (`academyId`): a year leavers left in, for a picker. */
export interface LeaversCohortSummary {
  leftIn: AcademicYear;
  leavers: number;
}

/** `destinations` of `GET /api/learners/{id}` (R-DEST-1, R-DEST-3, R-DEST-4). */
export interface LearnerDestinations {
  /** Every year's intended destination, the latest year first; notes only for those who may read them. */
  intended: IntendedDestinationResponse[];
  /** R-DEST-3: the NEET-risk mark, or null; absent for those who may not see NEET risk. */
  neetRisk?: { reason: string; support: string; reviewOn: IsoDate; markedAt: string } | null;
  /** R-DEST-4: after leaving, the activity on 1 October of each year followed up. */
  actual: ActualDestination[];
  /** Whether the learner agreed to be followed up after 16; null until asked. */
  consentToFollowUp: boolean | null;
}
