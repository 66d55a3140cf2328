import { Injectable } from '@angular/core';
import {
  CreateGuidanceMeetingRequest,
  GuidanceMeetingResponse,
  LearnerDetailQuery,
  LearnerDetailResponse,
  LearnerListItem,
  LearnerListQuery,
  PagedResult,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiResource } from './api-client';

/** A learner's record, and the guidance meetings recorded on it. */
@Injectable({ providedIn: 'root' })
export class LearnersApi extends ApiResource {
  /** The learners the user may see, a page at a time (`q` matches names and UPNs). */
  readonly list = (query: LearnerListQuery): Observable<PagedResult<LearnerListItem>> =>
    this.http.get('/learners', query);

  readonly detail = (id: string, query: LearnerDetailQuery = {}): Observable<LearnerDetailResponse> =>
    this.http.get(`/learners/${encodeURIComponent(id)}`, query);

  readonly recordGuidanceMeeting = (
    body: CreateGuidanceMeetingRequest,
  ): Observable<GuidanceMeetingResponse> => this.http.post('/guidance-meetings', body);
}
