import { Injectable } from '@angular/core';
import {
  ComplianceReportQuery,
  OrganisationEngagementReport,
  OrganisationReportQuery,
  PolicyResponse,
  SectorReachQuery,
  SectorReachResponse,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiResource } from './api-client';

/**
 * The report files are plain links (the session cookie goes with them), so the browser downloads them itself;
 * only the JSON answers go through HttpClient.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi extends ApiResource {
  readonly complianceUrl = (query: ComplianceReportQuery): string =>
    this.http.url('/reports/compliance', query);
  readonly organisationsUrl = (query: OrganisationReportQuery): string =>
    this.http.url('/reports/organisations', query);
  readonly learnerRecordUrl = (learnerId: string, academicYear?: number): string =>
    this.http.url(`/reports/learners/${encodeURIComponent(learnerId)}`, { format: 'pdf', academicYear });

  readonly organisationEngagement = (
    query: Omit<OrganisationReportQuery, 'format'>,
  ): Observable<OrganisationEngagementReport> =>
    this.http.get('/reports/organisations', { ...query, format: 'json' });

  /** Sectors reached: encounters and learners reached per sector, the figures of the compliance PDF. */
  readonly sectorReach = (query: SectorReachQuery): Observable<SectorReachResponse> =>
    this.http.get('/reports/sector-reach', query);

  /** The trust's policy for a year, for its local priority sectors. */
  readonly policy = (academicYear: number): Observable<PolicyResponse> =>
    this.http.get(`/policy/${academicYear}`);
}
