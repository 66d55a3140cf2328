import { Injectable } from '@angular/core';
import { CoverageLearnersResponse, CoverageQuery, CoverageResponse } from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiResource } from './api-client';

/** `GET /api/coverage` and `GET /api/coverage/learners`: how many learners meet each rule, and who. */
@Injectable({ providedIn: 'root' })
export class CoverageApi extends ApiResource {
  readonly coverage = (query: CoverageQuery): Observable<CoverageResponse> =>
    this.http.get('/coverage', query);
  readonly learners = (query: Omit<CoverageQuery, 'breakdown'>): Observable<CoverageLearnersResponse> =>
    this.http.get('/coverage/learners', query);
}
