import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';

import {
  AcademyResponse,
  CurrentUserResponse,
  HealthResponse,
  LoginRequest,
  MfaChallengeResponse,
} from '@encounters/domain';

/** Where the API lives; the API serves the built app, so the default is the same origin. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', { factory: () => '/api' });

/** Typed access to the HTTP API. One method per endpoint; no state and no error handling here. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  health(): Observable<HealthResponse> {
    return this.http.get<HealthResponse>(`${this.baseUrl}/health`);
  }

  login(credentials: LoginRequest): Observable<CurrentUserResponse | MfaChallengeResponse> {
    return this.http.post<CurrentUserResponse | MfaChallengeResponse>(
      `${this.baseUrl}/auth/login`,
      credentials,
    );
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/auth/logout`, null);
  }

  me(): Observable<CurrentUserResponse> {
    return this.http.get<CurrentUserResponse>(`${this.baseUrl}/auth/me`);
  }

  academies(): Observable<AcademyResponse[]> {
    return this.http.get<AcademyResponse[]>(`${this.baseUrl}/academies`);
  }
}
