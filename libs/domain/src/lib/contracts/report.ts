import { AcademicYear, IsoDate } from '../calendar';
import { OrganisationType, Sector } from '../taxonomy';

/** Query of `GET /api/reports/compliance`; the answer is the file itself. */
export interface ComplianceReportQuery {
  academicYear: AcademicYear;
  asAt?: IsoDate;
  /** Without it, every academy the user may see. */
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
