import { Injectable } from '@angular/core';
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

import { ApiResource } from './api-client';

/** Sign-in beyond the password: school-account providers and the second factor. */
@Injectable({ providedIn: 'root' })
export class AuthApi extends ApiResource {
  /** Where the browser goes to sign in with a provider (a full navigation, not an XHR). */
  readonly startUrl = (providerId: string): string => this.http.url(`/auth/oidc/${providerId}/start`);

  /** The demo users and their passwords; empty unless the server runs in demo mode. */
  readonly demoUsers = (): Observable<DemoUser[]> => this.http.get('/auth/demo-users');
  readonly publicProviders = (): Observable<PublicAuthProvider[]> => this.http.get('/auth/providers/public');
  readonly providers = (): Observable<AuthProviderResponse[]> => this.http.get('/auth/providers');
  readonly createProvider = (body: AuthProviderRequest): Observable<AuthProviderResponse> =>
    this.http.post('/auth/providers', body);
  readonly updateProvider = (
    id: string,
    body: Partial<AuthProviderRequest>,
  ): Observable<AuthProviderResponse> => this.http.patch(`/auth/providers/${id}`, body);
  readonly deleteProvider = (id: string): Observable<void> => this.http.delete(`/auth/providers/${id}`);

  readonly mfaStatus = (): Observable<MfaStatusResponse> => this.http.get('/auth/mfa');
  readonly mfaSetup = (): Observable<MfaSetupResponse> => this.http.post('/auth/mfa/setup', {});
  readonly mfaConfirm = (code: string): Observable<MfaConfirmResponse> =>
    this.http.post('/auth/mfa/confirm', { code });
  readonly mfaVerify = (challenge: string, code: string): Observable<CurrentUserResponse> =>
    this.http.post('/auth/mfa/verify', { challenge, code });
  readonly enrolmentSetup = (challenge: string): Observable<MfaSetupResponse> =>
    this.http.post('/auth/mfa/enrolment/setup', { challenge });
  readonly enrolmentConfirm = (
    challenge: string,
    code: string,
  ): Observable<CurrentUserResponse & MfaConfirmResponse> =>
    this.http.post('/auth/mfa/enrolment/confirm', { challenge, code });
  readonly mfaPolicy = (): Observable<MfaPolicy> => this.http.get('/auth/mfa/policy');
  readonly setMfaPolicy = (body: MfaPolicy): Observable<MfaPolicy> => this.http.put('/auth/mfa/policy', body);
  readonly resetMfa = (userId: string): Observable<void> => this.http.delete(`/auth/mfa/users/${userId}`);

  /** Clears a user's failed sign-ins (trust administrators). */
  readonly unlockSignIn = (userId: string): Observable<void> => this.http.post(`/users/${userId}/unlock`, {});
}
