import {
  academicYearLabel,
  DESTINATION_CATEGORY_LABELS,
  DESTINATION_STATUS_LABELS,
  destinationConfirmBy,
} from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthUser, may, mayEverywhere } from '../common/access/policy';
import { loadPolicyLookup } from '../coverage/policy-lookup';
import { type DestinationFigures, DestinationsReportQuery } from './destinations-report.query';
import { destinationsReportPdf } from './pdf/destinations-report-pdf';
import { renderPdf } from './pdf/pdf-renderer';
import { CSV_BOM, csvRecord, safeText } from './report-csv';
import type { ReportScope } from './report-scope';

/** The columns of the local authority's return, in order; `NEET risk` only for those who may read it. */
export const DESTINATIONS_RETURN_COLUMNS = [
  'UPN',
  'Legal surname',
  'Legal forename',
  'Date of birth',
  'Academy',
  'Year group',
  'Category',
  'Provider',
  'Status',
  'Status date',
] as const;
export const NEET_RISK_COLUMN = 'NEET risk';

/** R-DEST-5: the destinations report of a scope, as the local authority's CSV return or a PDF of figures. */
@Injectable()
export class DestinationsReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: DestinationsReportQuery,
  ) {}

  /**
   * R-DEST-3: the NEET-risk flag is restricted like guidance notes: the return carries it only for those who
   * may mark NEET risk at the academy reported on, or, for the whole trust, everywhere.
   */
  includesNeetRisk(user: AuthUser, scope: ReportScope): boolean {
    return scope.academy ? may(user, 'markNeetRisk', scope.academy.id) : mayEverywhere(user, 'markNeetRisk');
  }

  /**
   * One row per learner enrolled in Year 11 or 13 in the year, with their intended destination (blank where
   * none is recorded): UTF-8 with a byte-order mark, CRLF, every field quoted, names kept from running as
   * formulas.
   */
  async csv(scope: ReportScope, withNeetRisk: boolean): Promise<string> {
    const rows = await this.query.returnRows(scope);
    const header = [...DESTINATIONS_RETURN_COLUMNS, ...(withNeetRisk ? [NEET_RISK_COLUMN] : [])];
    if (!rows.length) return CSV_BOM + csvRecord(header) + csvRecord([noDataText(scope)]);
    return (
      CSV_BOM +
      csvRecord(header) +
      rows
        .map((row) =>
          csvRecord([
            row.upn,
            safeText(row.legal_surname),
            safeText(row.legal_forename),
            row.date_of_birth ?? '',
            safeText(row.academy_name),
            row.year_group,
            row.category ? DESTINATION_CATEGORY_LABELS[row.category] : '',
            safeText(row.provider),
            row.status ? DESTINATION_STATUS_LABELS[row.status] : '',
            row.status_on ?? '',
            ...(withNeetRisk ? [row.neet_risk ? 'Yes' : 'No'] : []),
          ]),
        )
        .join('')
    );
  }

  /** The figures of the scope, with the year's confirm-by date from the policy (R-DEST-2). */
  async figures(scope: ReportScope): Promise<DestinationFigures> {
    const policyFor = await loadPolicyLookup(this.dataSource.manager);
    const confirmBy = destinationConfirmBy(scope.academicYear, policyFor(scope.academicYear).dest.confirmBy);
    return this.query.figures(scope, confirmBy);
  }

  async pdf(scope: ReportScope): Promise<Buffer> {
    return renderPdf(destinationsReportPdf(scope, await this.figures(scope), new Date()));
  }
}

/** What a return of a scope and year with no learner in Year 11 or 13 says, in its one row. */
function noDataText(scope: ReportScope): string {
  const where = scope.academy ? scope.academy.name : `${scope.trustName} (all academies)`;
  return `No data: no learner of ${where} is enrolled in Year 11 or 13 in ${academicYearLabel(scope.academicYear)}.`;
}
