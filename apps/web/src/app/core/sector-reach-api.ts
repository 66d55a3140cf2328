import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { EncounterListItem, IsoDate, OrganisationResponse, PagedResult } from '@encounters/domain';
import { forkJoin, map, Observable, of, switchMap } from 'rxjs';

import { API_BASE_URL } from './api-client';
import { definedParams } from './coverage-api';

/** The largest page the API serves. */
const PAGE_SIZE = 500;

export interface SectorReachSource {
  encounters: EncounterListItem[];
  organisations: OrganisationResponse[];
}

/**
 * What the dashboard needs to count the sectors reached: a period's encounters and the organisations'
 * sectors. The organisation report gives totals per organisation, which would count a careers fair once per
 * employer of a sector; the encounters themselves let each encounter count once per sector.
 */
@Injectable({ providedIn: 'root' })
export class SectorReachApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  load(query: { from: IsoDate; to: IsoDate; academyId?: string }): Observable<SectorReachSource> {
    return forkJoin({
      encounters: this.everyPage<EncounterListItem>('encounters', query),
      organisations: this.everyPage<OrganisationResponse>('organisations', {}),
    });
  }

  private everyPage<T>(path: string, query: object): Observable<T[]> {
    const page = (number: number) =>
      this.http.get<PagedResult<T>>(`${this.baseUrl}/${path}`, {
        params: definedParams({ ...query, page: number, pageSize: PAGE_SIZE }),
      });
    return page(1).pipe(
      switchMap((first) => {
        const pages = Math.ceil(first.total / PAGE_SIZE);
        if (pages <= 1) return of(first.items);
        const rest = Array.from({ length: pages - 1 }, (_, index) => page(index + 2));
        return forkJoin(rest).pipe(map((others) => [first, ...others].flatMap((result) => result.items)));
      }),
    );
  }
}
