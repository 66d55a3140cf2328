import { AcademicYear, IsoDate } from '../calendar';
import { CoverageBreakdown, CoverageBreakdownRow, CoverageRow, RuleSet, RuleStatuses } from '../rules';

export const COVERAGE_SCOPES = ['trust', 'academy', 'yearGroup', 'group', 'learner'] as const;
export type CoverageScope = (typeof COVERAGE_SCOPES)[number];

/** Query of `GET /api/coverage` and `GET /api/coverage/learners` (which ignores `breakdown`). */
export interface CoverageQuery {
  scope: CoverageScope;
  /** The academy, group or learner id; unused for `trust` and `yearGroup`. */
  id?: string;
  /** For `yearGroup`, with `yearGroup`. */
  academyId?: string;
  yearGroup?: number;
  /** Default: the academic year of `asAt`. */
  academicYear?: AcademicYear;
  /** Default: today (R-AY-5). */
  asAt?: IsoDate;
  breakdown?: CoverageBreakdown;
}

/** What every coverage answer was computed for. */
export interface CoverageContext {
  scope: CoverageScope;
  academicYear: AcademicYear;
  asAt: IsoDate;
  /** The rule set of the policy in force for `academicYear`. */
  ruleSet: RuleSet;
}

/**
 * Answer of `GET /api/coverage`: one row for the scope, then, with `breakdown`, one row per value of the
 * characteristic, carrying its gap against the rest (R-G-3).
 */
export interface CoverageResponse extends CoverageContext {
  rows: (CoverageRow | CoverageBreakdownRow)[];
}

/** One learner of the class view. */
export interface CoverageLearnerRow {
  learnerId: string;
  upn: string;
  name: string;
  yearGroup: number;
  /** The name of the learner's registration group at the as-at date. */
  group: string | null;
  statuses: RuleStatuses;
}

/** Answer of `GET /api/coverage/learners`. */
export interface CoverageLearnersResponse extends CoverageContext {
  rows: CoverageLearnerRow[];
}
