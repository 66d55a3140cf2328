import { Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiResource } from '../core/api-client';

/** Body of `POST /api/setup`. */
export interface SetupRequest {
  code: string;
  trustName: string;
  adminEmail: string;
  adminName: string;
  password: string;
  academiesCsv?: string;
}

/** Answer of `POST /api/setup`. */
export interface SetupResponse {
  trust: { id: string; name: string };
  admin: { id: string; email: string };
  academies: number;
}

/** The first-run API: whether Encounters still needs setting up, and the set-up itself. */
@Injectable({ providedIn: 'root' })
export class SetupApi extends ApiResource {
  /** True while nobody has set Encounters up; false when it is, or when the API cannot say. */
  async needed(): Promise<boolean> {
    try {
      return (await firstValueFrom(this.http.get<{ needed: boolean }>('/setup'))).needed;
    } catch {
      return false;
    }
  }

  setUp(request: SetupRequest): Promise<SetupResponse> {
    return firstValueFrom(this.http.post<SetupResponse>('/setup', request));
  }
}
