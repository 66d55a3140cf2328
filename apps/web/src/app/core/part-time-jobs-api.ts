import { inject, Injectable } from '@angular/core';
import { CreatePartTimeJobRequest, PartTimeJobResponse, UpdatePartTimeJobRequest } from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiHttp } from './api-client';

/** `/api/learners/{id}/part-time-jobs`: a learner's own jobs (R-WEX-7), listed, added, changed, deleted. */
@Injectable({ providedIn: 'root' })
export class PartTimeJobsApi {
  private readonly http = inject(ApiHttp);

  private path(learnerId: string, jobId?: string): string {
    const base = `/learners/${encodeURIComponent(learnerId)}/part-time-jobs`;
    return jobId ? `${base}/${encodeURIComponent(jobId)}` : base;
  }

  readonly list = (learnerId: string): Observable<PartTimeJobResponse[]> =>
    this.http.get(this.path(learnerId));
  readonly create = (learnerId: string, body: CreatePartTimeJobRequest): Observable<PartTimeJobResponse> =>
    this.http.post(this.path(learnerId), body);
  readonly update = (
    learnerId: string,
    jobId: string,
    body: UpdatePartTimeJobRequest,
  ): Observable<PartTimeJobResponse> => this.http.patch(this.path(learnerId, jobId), body);
  readonly remove = (learnerId: string, jobId: string): Observable<void> =>
    this.http.delete(this.path(learnerId, jobId));
}
