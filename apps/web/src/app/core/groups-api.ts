import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { GroupDetailResponse, GroupListQuery, GroupResponse } from '@encounters/domain';
import { Observable } from 'rxjs';

import { API_BASE_URL } from './api-client';
import { definedParams } from './coverage-api';

/** `GET /api/groups` and `GET /api/groups/{id}`: the classes a user may see. */
@Injectable({ providedIn: 'root' })
export class GroupsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(query: GroupListQuery): Observable<GroupResponse[]> {
    return this.http.get<GroupResponse[]>(`${this.baseUrl}/groups`, { params: definedParams(query) });
  }

  get(id: string): Observable<GroupDetailResponse> {
    return this.http.get<GroupDetailResponse>(`${this.baseUrl}/groups/${encodeURIComponent(id)}`);
  }
}
