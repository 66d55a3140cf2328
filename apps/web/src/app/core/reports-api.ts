import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ComplianceReportQuery,
  OrganisationEngagementReport,
  OrganisationReportQuery,
  PolicyResponse,
  SectorReachQuery,
  SectorReachResponse,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { API_BASE_URL } from './api-client';
import { definedParams } from './coverage-api';

/**
 * The report files are plain links (the session cookie goes with them), so the browser downloads them itself;
 * only the JSON answers go through HttpClient.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  complianceUrl(query: ComplianceReportQuery): string {
    return `${this.baseUrl}/reports/compliance?${definedParams(query).toString()}`;
  }

  organisationsUrl(query: OrganisationReportQuery): string {
    return `${this.baseUrl}/reports/organisations?${definedParams(query).toString()}`;
  }

  learnerRecordUrl(learnerId: string, academicYear?: number): string {
    const params = definedParams({ format: 'pdf', academicYear });
    return `${this.baseUrl}/reports/learners/${encodeURIComponent(learnerId)}?${params.toString()}`;
  }

  organisationEngagement(
    query: Omit<OrganisationReportQuery, 'format'>,
  ): Observable<OrganisationEngagementReport> {
    return this.http.get<OrganisationEngagementReport>(`${this.baseUrl}/reports/organisations`, {
      params: definedParams({ ...query, format: 'json' }),
    });
  }

  /** Sectors reached: encounters and learners reached per sector, the figures of the compliance PDF. */
  sectorReach(query: SectorReachQuery): Observable<SectorReachResponse> {
    return this.http.get<SectorReachResponse>(`${this.baseUrl}/reports/sector-reach`, {
      params: definedParams(query),
    });
  }

  /** The trust's policy for a year, for its local priority sectors. */
  policy(academicYear: number): Observable<PolicyResponse> {
    return this.http.get<PolicyResponse>(`${this.baseUrl}/policy/${academicYear}`);
  }
}
