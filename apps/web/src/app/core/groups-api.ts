import { Injectable } from '@angular/core';
import { GroupDetailResponse, GroupListQuery, GroupResponse } from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiResource } from './api-client';

/** `GET /api/groups` and `GET /api/groups/{id}`: the classes a user may see. */
@Injectable({ providedIn: 'root' })
export class GroupsApi extends ApiResource {
  readonly list = (query: GroupListQuery): Observable<GroupResponse[]> => this.http.get('/groups', query);
  readonly get = (id: string): Observable<GroupDetailResponse> =>
    this.http.get(`/groups/${encodeURIComponent(id)}`);
}
