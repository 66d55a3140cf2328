import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateEncounterRequest,
  EncounterListItem,
  EncounterListQuery,
  EncounterResponse,
  GroupListQuery,
  GroupResponse,
  LearnerListItem,
  LearnerListQuery,
  PagedResult,
  UpdateEncounterRequest,
} from '@encounters/domain';
import { EMPTY, expand, map, Observable, reduce } from 'rxjs';

import { API_BASE_URL, definedParams } from './api-client';

/** The largest page the API serves. */
export const MAX_PAGE_SIZE = 500;

/** Encounters, and the learners and groups an encounter's attendance is picked from. */
@Injectable({ providedIn: 'root' })
export class EncountersApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(query: EncounterListQuery): Observable<PagedResult<EncounterListItem>> {
    return this.http.get<PagedResult<EncounterListItem>>(`${this.baseUrl}/encounters`, {
      params: definedParams(query),
    });
  }

  get(id: string): Observable<EncounterResponse> {
    return this.http.get<EncounterResponse>(`${this.baseUrl}/encounters/${id}`);
  }

  create(body: CreateEncounterRequest): Observable<EncounterResponse> {
    return this.http.post<EncounterResponse>(`${this.baseUrl}/encounters`, body);
  }

  /** Changes an encounter; with `replaceAttendance`, its attendance list too, in the same request. */
  update(id: string, body: UpdateEncounterRequest): Observable<EncounterResponse> {
    return this.http.patch<EncounterResponse>(`${this.baseUrl}/encounters/${id}`, body);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`${this.baseUrl}/encounters/${id}`);
  }

  learners(query: LearnerListQuery): Observable<PagedResult<LearnerListItem>> {
    return this.http.get<PagedResult<LearnerListItem>>(`${this.baseUrl}/learners`, {
      params: definedParams(query),
    });
  }

  /** Every learner matching the query, fetched a full page at a time. */
  allLearners(query: Omit<LearnerListQuery, 'page' | 'pageSize'>): Observable<LearnerListItem[]> {
    const page = (number: number) => this.learners({ ...query, page: number, pageSize: MAX_PAGE_SIZE });
    return page(1).pipe(
      expand((result) => (result.page * result.pageSize < result.total ? page(result.page + 1) : EMPTY)),
      map((result) => result.items),
      reduce((all, items) => [...all, ...items], [] as LearnerListItem[]),
    );
  }

  groups(query: GroupListQuery): Observable<GroupResponse[]> {
    return this.http.get<GroupResponse[]>(`${this.baseUrl}/groups`, { params: definedParams(query) });
  }
}
