import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CoverageLearnersResponse, CoverageQuery, CoverageResponse } from '@encounters/domain';
import { Observable } from 'rxjs';

import { API_BASE_URL } from './api-client';

/** A query string of only the values given: the API treats an empty value as a value. */
export function definedParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params = params.set(key, String(value));
    }
  }
  return params;
}

/** `GET /api/coverage` and `GET /api/coverage/learners`: how many learners meet each rule, and who. */
@Injectable({ providedIn: 'root' })
export class CoverageApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  coverage(query: CoverageQuery): Observable<CoverageResponse> {
    return this.http.get<CoverageResponse>(`${this.baseUrl}/coverage`, { params: definedParams(query) });
  }

  learners(query: Omit<CoverageQuery, 'breakdown'>): Observable<CoverageLearnersResponse> {
    return this.http.get<CoverageLearnersResponse>(`${this.baseUrl}/coverage/learners`, {
      params: definedParams(query),
    });
  }
}
