import { HttpClient, HttpParams } from '@angular/common/http';
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

/**
 * The HTTP verbs against the API, for the typed clients of `core/`: paths are relative to `API_BASE_URL`,
 * query strings hold only the values given. No state and no error handling here.
 */
@Injectable({ providedIn: 'root' })
export class ApiHttp {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** The full address of `path`, for links the browser follows itself (report files, sign-in). */
  url(path: string, query?: object): string {
    const params = query ? definedParams(query).toString() : '';
    return `${this.baseUrl}${path}${params ? `?${params}` : ''}`;
  }

  get<T>(path: string, query?: object): Observable<T> {
    return this.http.get<T>(this.url(path), { params: query && definedParams(query) });
  }

  post<T>(path: string, body: unknown, query?: object): Observable<T> {
    return this.http.post<T>(this.url(path), body, { params: query && definedParams(query) });
  }

  put<T>(path: string, body: unknown): Observable<T> {
    return this.http.put<T>(this.url(path), body);
  }

  patch<T>(path: string, body: unknown): Observable<T> {
    return this.http.patch<T>(this.url(path), body);
  }

  delete<T>(path: string): Observable<T> {
    return this.http.delete<T>(this.url(path));
  }
}

/** What the typed clients of `core/` extend: `http`, the verbs against the API. */
export abstract class ApiResource {
  protected readonly http = inject(ApiHttp);
}

/** Typed access to the HTTP API: the health check, the session, and the academies everyone may list. */
@Injectable({ providedIn: 'root' })
export class ApiClient extends ApiResource {
  readonly health = (): Observable<HealthResponse> => this.http.get('/health');
  readonly login = (credentials: LoginRequest): Observable<CurrentUserResponse | MfaChallengeResponse> =>
    this.http.post('/auth/login', credentials);
  readonly logout = (): Observable<void> => this.http.post('/auth/logout', null);
  readonly me = (): Observable<CurrentUserResponse> => this.http.get('/auth/me');
  readonly academies = (): Observable<AcademyResponse[]> => this.http.get('/academies');
}
