import { inject, Injectable } from '@angular/core';
import { IsoDate } from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiHttp } from './api-client';

/**
 * Body of `POST /api/learners/{id}/part-time-jobs` (spec/api.md, "Added in the 2025 revision"): a learner's
 * own job (R-WEX-7), which never counts as work experience.
 */
export interface PartTimeJobRequest {
  employerName: string;
  sector?: string | null;
  hoursPerWeek: number;
  from: IsoDate;
  /** Absent or null while the learner still holds it. */
  to?: IsoDate | null;
}

export interface PartTimeJobResponse extends PartTimeJobRequest {
  id: string;
}

/** `/api/learners/{id}/part-time-jobs`: list, add, change, delete. */
@Injectable({ providedIn: 'root' })
export class PartTimeJobsApi {
  private readonly http = inject(ApiHttp);

  private path(learnerId: string, jobId?: string): string {
    const base = `/learners/${encodeURIComponent(learnerId)}/part-time-jobs`;
    return jobId ? `${base}/${encodeURIComponent(jobId)}` : base;
  }

  readonly list = (learnerId: string): Observable<PartTimeJobResponse[]> =>
    this.http.get(this.path(learnerId));
  readonly create = (learnerId: string, body: PartTimeJobRequest): Observable<PartTimeJobResponse> =>
    this.http.post(this.path(learnerId), body);
  readonly update = (
    learnerId: string,
    jobId: string,
    body: Partial<PartTimeJobRequest>,
  ): Observable<PartTimeJobResponse> => this.http.patch(this.path(learnerId, jobId), body);
  readonly remove = (learnerId: string, jobId: string): Observable<void> =>
    this.http.delete(this.path(learnerId, jobId));
}
