import { Injectable } from '@angular/core';
import {
  AcademicYear,
  AcademyResponse,
  AuditEntryResponse,
  AuditQuery,
  CreateAcademyRequest,
  CreateUserRequest,
  PagedResult,
  PolicyBody,
  PolicyResponse,
  UpdateAcademyRequest,
  UpdateUserRequest,
  UserListQuery,
  UserResponse,
} from '@encounters/domain';
import { map, Observable } from 'rxjs';

import { ApiResource } from './api-client';

/** What a trust administrator manages: users, academies, the policy per year, and the audit log. */
@Injectable({ providedIn: 'root' })
export class AdminApi extends ApiResource {
  readonly users = (query: UserListQuery = {}): Observable<PagedResult<UserResponse>> =>
    this.http.get('/users', query);
  /** Everyone, for a picker: the largest page the API gives (a trust has far fewer users). */
  readonly allUsers = (): Observable<UserResponse[]> =>
    this.users({ pageSize: 500 }).pipe(map((page) => page.items));
  readonly createUser = (body: CreateUserRequest): Observable<UserResponse> => this.http.post('/users', body);
  readonly updateUser = (id: string, body: UpdateUserRequest): Observable<UserResponse> =>
    this.http.patch(`/users/${id}`, body);
  readonly deactivateUser = (id: string): Observable<void> => this.http.delete(`/users/${id}`);

  readonly academies = (): Observable<AcademyResponse[]> => this.http.get('/academies');
  readonly createAcademy = (body: CreateAcademyRequest): Observable<AcademyResponse> =>
    this.http.post('/academies', body);
  readonly updateAcademy = (id: string, body: UpdateAcademyRequest): Observable<AcademyResponse> =>
    this.http.patch(`/academies/${id}`, body);

  readonly policy = (academicYear: AcademicYear): Observable<PolicyResponse> =>
    this.http.get(`/policy/${academicYear}`);
  readonly savePolicy = (academicYear: AcademicYear, body: PolicyBody): Observable<PolicyResponse> =>
    this.http.put(`/policy/${academicYear}`, body);

  readonly audit = (query: AuditQuery): Observable<PagedResult<AuditEntryResponse>> =>
    this.http.get('/audit', query);
}
