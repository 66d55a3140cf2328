import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateOrganisationRequest,
  OrganisationDetailResponse,
  OrganisationListQuery,
  OrganisationResponse,
  PagedResult,
  UpdateOrganisationRequest,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { API_BASE_URL } from './api-client';
import { queryParams } from './encounters-api';

/** How much an organisation has done with the academies the reader can see. */
export interface OrganisationEngagement {
  encounters: number;
  learners: number;
  lastEncounterOn: string | null;
}

/** An organisation as `GET /api/organisations` serves it: the contract plus engagement counts. */
export interface OrganisationView extends OrganisationResponse {
  engagement?: OrganisationEngagement;
}

@Injectable({ providedIn: 'root' })
export class OrganisationsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(query: OrganisationListQuery): Observable<PagedResult<OrganisationView>> {
    return this.http.get<PagedResult<OrganisationView>>(`${this.baseUrl}/organisations`, {
      params: queryParams(query),
    });
  }

  /** One organisation, with the academies that use it and what the reader may change of it. */
  get(id: string): Observable<OrganisationView & OrganisationDetailResponse> {
    return this.http.get<OrganisationView & OrganisationDetailResponse>(
      `${this.baseUrl}/organisations/${id}`,
    );
  }

  create(body: CreateOrganisationRequest): Observable<OrganisationView> {
    return this.http.post<OrganisationView>(`${this.baseUrl}/organisations`, body);
  }

  update(id: string, body: UpdateOrganisationRequest): Observable<OrganisationView> {
    return this.http.patch<OrganisationView>(`${this.baseUrl}/organisations/${id}`, body);
  }
}
