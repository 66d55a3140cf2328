import { computed, Directive, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  AcademicYear,
  academicYearOf,
  isIsoDate,
  IsoDate,
  isTrustWide,
  todayIsoDate,
} from '@encounters/domain';
import { Params, Router } from '@angular/router';
import { map, of } from 'rxjs';

import { ApiClient } from '../core/api-client';
import { Session } from '../core/session';
import { defaultAsAt } from './as-at-dates';
import { WORDS } from './words';

/** The academic year a `?year=` query parameter names; this year's when it names none or nonsense. */
export function academicYearParam(year: string | undefined): AcademicYear {
  const value = Number(year);
  return Number.isInteger(value) && value >= 2000 && value <= 2100 ? value : academicYearOf(todayIsoDate());
}

/** The date an `?asAt=` query parameter names; without a valid one, the year's default measuring date. */
export function asAtParam(asAt: string | undefined, academicYear: AcademicYear): IsoDate {
  return asAt && isIsoDate(asAt) ? asAt : defaultAsAt(academicYear);
}

/**
 * The query parameters of the pages of figures (dashboard, class coverage), bound by the router, and what
 * they mean: where the user is lives in the address, so that it can be shared and the back button works.
 * Choosing another year or as-at date changes the address.
 */
@Directive()
export abstract class CoverageQueryParams {
  readonly year = input<string>();
  readonly asAt = input<string>();
  readonly academy = input<string>();
  readonly yearGroup = input<string>();

  protected readonly academicYear = computed(() => academicYearParam(this.year()));
  protected readonly asAtDate = computed(() => asAtParam(this.asAt(), this.academicYear()));

  protected readonly router = inject(Router);
  protected readonly session = inject(Session);
  protected readonly words = WORDS;

  protected setYear(year: AcademicYear): void {
    // A new year gets that year's default date, rather than a date outside it.
    void this.navigate({ year, asAt: null });
  }

  protected setAsAt(asAt: string): void {
    void this.navigate({ asAt });
  }

  /** The same page with `queryParams` changed and the others kept. */
  protected navigate(queryParams: Params): Promise<boolean> {
    return this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}

/**
 * The academies the signed-in user can choose between, by id and name: every academy of the trust for a
 * trust-wide role, their own otherwise; none while `offered` says no. Call in an injection context.
 */
export function choosableAcademies(offered: () => boolean = () => true) {
  const session = inject(Session);
  const api = inject(ApiClient);
  return rxResource({
    params: () => ({
      offered: offered(),
      trustWide: isTrustWide(session.roles()),
      own: session.user()?.academies ?? [],
    }),
    stream: ({ params }) => {
      if (!params.offered) return of([]);
      return params.trustWide
        ? api.academies().pipe(map((academies) => academies.map(({ id, name }) => ({ id, name }))))
        : of(params.own.map(({ id, name }) => ({ id, name })));
    },
    defaultValue: [],
  });
}

/**
 * The academies the user may choose among (`choosableAcademies`), the one a page shows (the one chosen while
 * it is still on the list, else the first) and its name.
 */
export function academyChoice() {
  const academies = choosableAcademies();
  const academy = linkedSignal<readonly { id: string; name: string }[], string>({
    source: () => academies.value(),
    computation: (list, previous) =>
      previous && list.some((item) => item.id === previous.value) ? previous.value : (list[0]?.id ?? ''),
  });
  const academyName = computed(() => academies.value().find((item) => item.id === academy())?.name ?? '');
  return { academies, academy, academyName };
}
