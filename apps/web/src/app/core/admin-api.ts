import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
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
  UserResponse,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { API_BASE_URL } from './api-client';
import { queryParams } from './encounters-api';

/** What a trust administrator manages: users, academies, the policy per year, and the audit log. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  users(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(`${this.baseUrl}/users`);
  }

  createUser(body: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${this.baseUrl}/users`, body);
  }

  updateUser(id: string, body: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`${this.baseUrl}/users/${id}`, body);
  }

  deactivateUser(id: string): Observable<void> {
    return this.http.delete<void>(`${this.baseUrl}/users/${id}`);
  }

  academies(): Observable<AcademyResponse[]> {
    return this.http.get<AcademyResponse[]>(`${this.baseUrl}/academies`);
  }

  createAcademy(body: CreateAcademyRequest): Observable<AcademyResponse> {
    return this.http.post<AcademyResponse>(`${this.baseUrl}/academies`, body);
  }

  updateAcademy(id: string, body: UpdateAcademyRequest): Observable<AcademyResponse> {
    return this.http.patch<AcademyResponse>(`${this.baseUrl}/academies/${id}`, body);
  }

  policy(academicYear: AcademicYear): Observable<PolicyResponse> {
    return this.http.get<PolicyResponse>(`${this.baseUrl}/policy/${academicYear}`);
  }

  savePolicy(academicYear: AcademicYear, body: PolicyBody): Observable<PolicyResponse> {
    return this.http.put<PolicyResponse>(`${this.baseUrl}/policy/${academicYear}`, body);
  }

  audit(query: AuditQuery): Observable<PagedResult<AuditEntryResponse>> {
    return this.http.get<PagedResult<AuditEntryResponse>>(`${this.baseUrl}/audit`, {
      params: queryParams(query),
    });
  }
}
