import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateGuidanceMeetingRequest,
  GuidanceMeetingResponse,
  LearnerDetailQuery,
  LearnerDetailResponse,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { API_BASE_URL } from './api-client';
import { definedParams } from './coverage-api';

/** A learner's record, and the guidance meetings recorded on it. */
@Injectable({ providedIn: 'root' })
export class LearnersApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  detail(id: string, query: LearnerDetailQuery = {}): Observable<LearnerDetailResponse> {
    return this.http.get<LearnerDetailResponse>(`${this.baseUrl}/learners/${encodeURIComponent(id)}`, {
      params: definedParams(query),
    });
  }

  recordGuidanceMeeting(body: CreateGuidanceMeetingRequest): Observable<GuidanceMeetingResponse> {
    return this.http.post<GuidanceMeetingResponse>(`${this.baseUrl}/guidance-meetings`, body);
  }
}
