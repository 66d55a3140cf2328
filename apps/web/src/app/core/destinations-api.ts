import { Injectable } from '@angular/core';
import {
  AcademicYear,
  CreateIntendedDestinationRequest,
  DestinationBatchRequest,
  DestinationBatchResult,
  DestinationImportResult,
  DestinationListQuery,
  DestinationRegister,
  IntendedDestinationResponse,
  LeaversCohort,
  LeaversCohortSummary,
  MarkNeetRiskRequest,
  NeetRiskList,
  RecordActualDestinationRequest,
  UpdateIntendedDestinationRequest,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiResource } from './api-client';

/** Query of `GET /api/destinations/neet-risk`: one academy's Years 11 and 13. */
export interface NeetRiskQuery {
  academyId: string;
  academicYear?: AcademicYear;
  /** Only the learners whose review date is today or past. */
  reviewDue?: boolean;
}

/** `/api/destinations`: intended destinations (R-DEST-1), the NEET-risk list (R-DEST-3) and leavers (R-DEST-4). */
@Injectable({ providedIn: 'root' })
export class DestinationsApi extends ApiResource {
  /** The register of one academy's Year 11 or Year 13, a page at a time, with its summary. */
  readonly register = (query: DestinationListQuery): Observable<DestinationRegister> =>
    this.http.get('/destinations', query);

  readonly create = (body: CreateIntendedDestinationRequest): Observable<IntendedDestinationResponse> =>
    this.http.post('/destinations', body);

  readonly update = (
    id: string,
    body: UpdateIntendedDestinationRequest,
  ): Observable<IntendedDestinationResponse> =>
    this.http.patch(`/destinations/${encodeURIComponent(id)}`, body);

  /** Quick entry for a class: one transaction, merged per learner. */
  readonly batch = (body: DestinationBatchRequest): Observable<DestinationBatchResult> =>
    this.http.post('/destinations/batch', body);

  /** A CSV of offers (UPN, Category, Provider, Status, optional Date); a dry run reports and writes nothing. */
  importOffers(
    academyId: string,
    academicYear: AcademicYear,
    file: Blob,
    fileName: string,
    dryRun: boolean,
  ): Observable<DestinationImportResult> {
    const body = new FormData();
    body.append('file', file, fileName);
    return this.http.post('/destinations/import', body, { academyId, academicYear, dryRun });
  }

  readonly neetRisk = (query: NeetRiskQuery): Observable<NeetRiskList> =>
    this.http.get('/destinations/neet-risk', query);

  readonly markNeetRisk = (body: MarkNeetRiskRequest): Observable<unknown> =>
    this.http.put('/destinations/neet-risk', body);

  /** `DELETE /api/destinations/neet-risk?learnerId=`: the mark goes; an automatic flag stays while it applies. */
  readonly clearNeetRisk = (learnerId: string): Observable<void> =>
    this.http.delete(`/destinations/neet-risk?learnerId=${encodeURIComponent(learnerId)}`);

  /** The cohorts of leavers an academy has, newest first. */
  readonly leaverCohorts = (academyId: string): Observable<LeaversCohortSummary[]> =>
    this.http.get('/destinations/actual/cohorts', { academyId });

  readonly leavers = (academyId: string, leftIn: AcademicYear): Observable<LeaversCohort> =>
    this.http.get('/destinations/actual', { academyId, leftIn });

  readonly recordActual = (body: RecordActualDestinationRequest): Observable<unknown> =>
    this.http.put('/destinations/actual', body);
}
