import { AcademicYear, IsoDate } from '../calendar';
import { OrganisationType, Sector } from '../taxonomy';

/** Query of `GET /api/reports/compliance`; the answer is the file itself. */
export interface ComplianceReportQuery {
  academicYear: AcademicYear;
  asAt?: IsoDate;
  /** Without it, every academy the user may see. */
  academyId?: string;
  format: 'csv' | 'pdf';
  /**
   * Which CSV file (`format=csv` only): `learners` (default), one row per learner on roll, personal data;
   * `summary`, per academy × year group × rule; `gaps`, the cohorts' gaps. The last two hold figures only.
   */
  part?: ComplianceCsvPart;
}

export const COMPLIANCE_CSV_PARTS = ['learners', 'summary', 'gaps', 'offers', 'work-experience'] as const;
export type ComplianceCsvPart = (typeof COMPLIANCE_CSV_PARTS)[number];

/**
 * Query of `GET /api/reports/destinations` (R-DEST-5); the answer is the file itself: `csv`, the
 * intended-destinations return for the local authority (one row per learner of Years 11 and 13); `pdf`, the
 * figures of each academy (no learner named).
 */
export interface DestinationsReportQuery {
  academicYear: AcademicYear;
  /** Without it, the whole trust (trust-wide roles). */
  academyId?: string;
  format: 'csv' | 'pdf';
}

/** Query of `GET /api/reports/organisations`. */
export interface OrganisationReportQuery {
  academicYear?: AcademicYear;
  academyId?: string;
  format: 'csv' | 'json';
}

export interface OrganisationEngagementRow {
  organisationId: string;
  name: string;
  type: OrganisationType;
  sectors: Sector[];
  encounters: number;
  /** Distinct learners who attended at least one of its encounters. */
  learnersReached: number;
}

/** Answer of `GET /api/reports/organisations?format=json`. */
export interface OrganisationEngagementReport {
  academicYear: AcademicYear | null;
  rows: OrganisationEngagementRow[];
}

/** Query of `GET /api/reports/sector-reach`: the dashboard's and the compliance PDF's sectors reached. */
export interface SectorReachQuery {
  academicYear: AcademicYear;
  /** Default: today, or the last day of a past year. */
  asAt?: IsoDate;
  /** Without it, the whole trust (trust-wide roles). */
  academyId?: string;
}

/** One sector of the sectors reached (see `sectorReachOf` for the definition of each figure). */
export interface SectorReachRow {
  sector: Sector;
  /** A local priority sector of the trust's policy for the year. */
  priority: boolean;
  /** Encounters held with at least one organisation of the sector; a fair with three of them counts once. */
  encounters: number;
  /** Learners on roll at the as-at date who attended one of those encounters, each counted once. */
  learners: number;
}

/** Answer of `GET /api/reports/sector-reach`, and the sectors page of the compliance PDF. */
export interface SectorReachResponse {
  academicYear: AcademicYear;
  asAt: IsoDate;
  /** Encounters held in the year up to the as-at date. */
  totalEncounters: number;
  /** Learners on roll at the as-at date. */
  totalLearners: number;
  prioritySectors: number;
  /** Priority sectors with at least one learner reached. */
  priorityReached: number;
  /** Every sector: priority sectors first, then by learners reached. */
  rows: SectorReachRow[];
}
