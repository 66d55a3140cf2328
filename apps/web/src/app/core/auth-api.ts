import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AuthProviderRequest,
  AuthProviderResponse,
  CurrentUserResponse,
  DemoUser,
  MfaConfirmResponse,
  MfaPolicy,
  MfaSetupResponse,
  MfaStatusResponse,
  PublicAuthProvider,
} from '@encounters/domain';
import { Observable } from 'rxjs';

import { API_BASE_URL } from './api-client';

/** Sign-in beyond the password: school-account providers and the second factor. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** Where the browser goes to sign in with a provider (a full navigation, not an XHR). */
  startUrl(providerId: string): string {
    return `${this.baseUrl}/auth/oidc/${providerId}/start`;
  }

  /** The demo users and their passwords; empty unless the server runs in demo mode. */
  demoUsers(): Observable<DemoUser[]> {
    return this.http.get<DemoUser[]>(`${this.baseUrl}/auth/demo-users`);
  }

  publicProviders(): Observable<PublicAuthProvider[]> {
    return this.http.get<PublicAuthProvider[]>(`${this.baseUrl}/auth/providers/public`);
  }

  providers(): Observable<AuthProviderResponse[]> {
    return this.http.get<AuthProviderResponse[]>(`${this.baseUrl}/auth/providers`);
  }

  createProvider(body: AuthProviderRequest): Observable<AuthProviderResponse> {
    return this.http.post<AuthProviderResponse>(`${this.baseUrl}/auth/providers`, body);
  }

  updateProvider(id: string, body: Partial<AuthProviderRequest>): Observable<AuthProviderResponse> {
    return this.http.patch<AuthProviderResponse>(`${this.baseUrl}/auth/providers/${id}`, body);
  }

  deleteProvider(id: string): Observable<void> {
    return this.http.delete<void>(`${this.baseUrl}/auth/providers/${id}`);
  }

  mfaStatus(): Observable<MfaStatusResponse> {
    return this.http.get<MfaStatusResponse>(`${this.baseUrl}/auth/mfa`);
  }

  mfaSetup(): Observable<MfaSetupResponse> {
    return this.http.post<MfaSetupResponse>(`${this.baseUrl}/auth/mfa/setup`, {});
  }

  mfaConfirm(code: string): Observable<MfaConfirmResponse> {
    return this.http.post<MfaConfirmResponse>(`${this.baseUrl}/auth/mfa/confirm`, { code });
  }

  mfaVerify(challenge: string, code: string): Observable<CurrentUserResponse> {
    return this.http.post<CurrentUserResponse>(`${this.baseUrl}/auth/mfa/verify`, { challenge, code });
  }

  enrolmentSetup(challenge: string): Observable<MfaSetupResponse> {
    return this.http.post<MfaSetupResponse>(`${this.baseUrl}/auth/mfa/enrolment/setup`, { challenge });
  }

  enrolmentConfirm(challenge: string, code: string): Observable<CurrentUserResponse & MfaConfirmResponse> {
    return this.http.post<CurrentUserResponse & MfaConfirmResponse>(
      `${this.baseUrl}/auth/mfa/enrolment/confirm`,
      { challenge, code },
    );
  }

  mfaPolicy(): Observable<MfaPolicy> {
    return this.http.get<MfaPolicy>(`${this.baseUrl}/auth/mfa/policy`);
  }

  setMfaPolicy(body: MfaPolicy): Observable<MfaPolicy> {
    return this.http.put<MfaPolicy>(`${this.baseUrl}/auth/mfa/policy`, body);
  }

  resetMfa(userId: string): Observable<void> {
    return this.http.delete<void>(`${this.baseUrl}/auth/mfa/users/${userId}`);
  }

  /** Clears a user's failed sign-ins (trust administrators). */
  unlockSignIn(userId: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/users/${userId}/unlock`, {});
  }
}
