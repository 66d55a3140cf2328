import { Injectable } from '@angular/core';
import {
  CreateOrganisationRequest,
  OrganisationDetailResponse,
  OrganisationEngagement,
  OrganisationListQuery,
  OrganisationResponse,
  PagedResult,
  UpdateOrganisationRequest,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiResource } from './api-client';

/** An organisation as `GET /api/organisations` serves it: the contract plus engagement counts. */
export interface OrganisationView extends OrganisationResponse {
  engagement?: OrganisationEngagement;
}

@Injectable({ providedIn: 'root' })
export class OrganisationsApi extends ApiResource {
  readonly list = (query: OrganisationListQuery): Observable<PagedResult<OrganisationView>> =>
    this.http.get('/organisations', query);
  /** One organisation, with the academies that use it and what the reader may change of it. */
  readonly get = (id: string): Observable<OrganisationView & OrganisationDetailResponse> =>
    this.http.get(`/organisations/${id}`);
  readonly create = (body: CreateOrganisationRequest): Observable<OrganisationView> =>
    this.http.post('/organisations', body);
  readonly update = (id: string, body: UpdateOrganisationRequest): Observable<OrganisationView> =>
    this.http.patch(`/organisations/${id}`, body);
}
