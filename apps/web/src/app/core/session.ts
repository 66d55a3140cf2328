import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from './api-client';
import { CurrentUserResponse, LoginRequest, MfaChallengeResponse, UserRole } from '@encounters/domain';

/** Who is signed in. The cookie is HttpOnly, so the only way to know is to ask `GET /api/auth/me`. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(ApiClient);
  private readonly current = signal<CurrentUserResponse | null>(null);
  private loading: Promise<CurrentUserResponse | null> | null = null;

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  readonly roles = computed<readonly UserRole[]>(() => this.current()?.roles ?? []);

  /**
   * Asks the API once who is signed in; later calls reuse the answer. Any failure (401, or 404 while the
   * API has no sign-in yet, or no connection) counts as signed out: the sign-in page explains what is wrong.
   */
  load(): Promise<CurrentUserResponse | null> {
    this.loading ??= firstValueFrom(this.api.me()).then(
      (user) => {
        this.current.set(user);
        return user;
      },
      () => {
        this.current.set(null);
        return null;
      },
    );
    return this.loading;
  }

  /** Signs in with a password; with a second factor to come, answers its challenge and stays signed out. */
  async signIn(credentials: LoginRequest): Promise<CurrentUserResponse | MfaChallengeResponse> {
    const answer = await firstValueFrom(this.api.login(credentials));
    if ('mfaRequired' in answer) return answer;
    this.signedInAs(answer);
    return answer;
  }

  /** Records the user a completed sign-in answered (password, password and code). */
  signedInAs(user: CurrentUserResponse): void {
    this.current.set(user);
    this.loading = Promise.resolve(user);
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } finally {
      this.clear();
    }
  }

  /** Forgets the user without asking the API, e.g. when the API says the session has expired. */
  clear(): void {
    this.current.set(null);
    this.loading = Promise.resolve(null);
  }
}
