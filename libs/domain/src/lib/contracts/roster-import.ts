import { AcademicYear } from '../calendar';
import { RosterRowError } from '../roster';

/** Query of `POST /api/academies/{id}/roster`; the body is a multipart `file` or a `text/csv` body. */
export interface RosterImportQuery {
  academicYear: AcademicYear;
  /** Defaults to true: nothing is written unless the caller asks for it. */
  dryRun?: boolean;
}

/** A learner enrolled at the academy last year who is not in this file: reported, never deleted. */
export interface RosterMissingLearner {
  learnerId: string;
  upn: string;
  name: string;
  /** Their year group in the latest enrolment held. */
  yearGroup: number;
}

/**
 * Answer of `POST /api/academies/{id}/roster`, for a dry run and a commit alike. Counts are of learners
 * (one per good row), except `rejected`, which counts the lines with at least one error. A commit with
 * any error is answered 422 with this body's `errors` as the error's `details`, and writes nothing.
 */
export interface RosterImportResult {
  academicYear: AcademicYear;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  missingFromFile: number;
  /**
   * Of `updated`, learners enrolled at another academy of the trust this year whose admission here comes later:
   * their enrolment there ends the day before (R-G-2).
   */
  movedIn: number;
  /** The learners counted by `missingFromFile`, so that they can be marked as leavers. */
  missingLearners: RosterMissingLearner[];
  errors: RosterRowError[];
}
