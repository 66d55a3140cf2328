import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import {
  ACTUAL_DESTINATION_CATEGORY_LABELS,
  AcademicYear,
  academicYearLabel,
  academicYearOf,
  anniversaryDate,
  AnniversaryFigures,
  DESTINATION_ANNIVERSARIES,
  DESTINATION_RETENTION_YEARS,
  DestinationAnniversary,
  formatBritishDate,
  LeaverRow,
  LeaversCohortSummary,
  mayAtAcademy,
  todayIsoDate,
} from '@encounters/domain';
import { catchError, map, NEVER, Observable, of } from 'rxjs';

import { DestinationsApi } from '../core/destinations-api';
import { Session } from '../core/session';
import { gapText } from '../dashboard/two-weeks-worth';
import { AcademySelect } from '../ui/academy-select';
import { academyChoice } from '../ui/coverage-query-params';
import { EmptyState } from '../ui/empty-state';
import { PendingAction } from '../ui/pending-action';
import { ProgressStatus } from '../ui/progress-status';
import { RowAction } from '../ui/row-action';
import { openActualDestinationDialog } from './actual-destination-dialog';
import { anniversaryName, gapName, percentText } from './destination-words';

/** A cohort to choose; `leavers` is null where the API did not count them (the cohorts are derived). */
interface CohortChoice {
  leftIn: AcademicYear;
  leavers: number | null;
}

/** One anniversary cell of a leaver's row. */
interface AnniversaryCell {
  anniversary: DestinationAnniversary;
  state: 'recorded' | 'follow-up' | 'not-due' | 'none';
  text: string;
  provider: string | null;
}

/**
 * The cohorts to offer when the API cannot list them: last year's leavers first (the ones to follow up this
 * October), then the years before, as long as their records are kept.
 */
export function derivedCohorts(today = todayIsoDate()): CohortChoice[] {
  const current = academicYearOf(today);
  return Array.from({ length: DESTINATION_RETENTION_YEARS + 1 }, (_, index) => ({
    leftIn: current - 1 - index,
    leavers: null,
  }));
}

/** R-DEST-4: what a leaver's row says for one anniversary. */
export function anniversaryCell(
  leaver: LeaverRow,
  leftIn: AcademicYear,
  anniversary: DestinationAnniversary,
  today = todayIsoDate(),
): AnniversaryCell {
  const recorded = leaver.destinations.find((item) => item.anniversary === anniversary);
  if (recorded)
    return {
      anniversary,
      state: 'recorded',
      text: ACTUAL_DESTINATION_CATEGORY_LABELS[recorded.category],
      provider: recorded.provider,
    };
  if (leaver.toFollowUp.includes(anniversary))
    return { anniversary, state: 'follow-up', text: 'To follow up', provider: null };
  if (anniversaryDate(leftIn, anniversary) > today)
    return { anniversary, state: 'not-due', text: 'Not due yet', provider: null };
  return { anniversary, state: 'none', text: 'Not recorded', provider: null };
}

/**
 * R-DEST-4, R-DEST-5: the leavers of one cohort, what each was doing on 1 October of the three years after
 * leaving, and the cohort's figures at each anniversary (the share in education, employment or training, the
 * gaps); careers staff record what they hear. Pseudonymised leavers are counted but no longer named.
 */
@Component({
  selector: 'enc-leavers',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AcademySelect,
    EmptyState,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ProgressStatus,
    RowAction,
  ],
  templateUrl: './leavers.html',
  styleUrl: './leavers.scss',
})
export class Leavers {
  private readonly api = inject(DestinationsApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);

  /** The academy shown: the one chosen while it is on the list, else the first. */
  private readonly academyChoice = academyChoice();
  protected readonly academies = this.academyChoice.academies;
  protected readonly academy = this.academyChoice.academy;
  protected readonly academyName = this.academyChoice.academyName;

  /** The academy's cohorts, newest first; derived from today's date when the API does not list them. */
  private readonly cohortList = rxResource({
    params: () => this.academy() || undefined,
    stream: ({ params }): Observable<CohortChoice[]> =>
      this.api.leaverCohorts(params).pipe(
        map((cohorts: LeaversCohortSummary[]) =>
          cohorts.length ? [...cohorts].sort((a, b) => b.leftIn - a.leftIn) : derivedCohorts(),
        ),
        catchError(() => of(derivedCohorts())),
      ),
  });
  protected readonly cohorts = computed(() =>
    this.cohortList.hasValue() ? this.cohortList.value() : ([] as CohortChoice[]),
  );
  protected readonly leftIn = linkedSignal<CohortChoice[], AcademicYear | null>({
    source: () => this.cohorts(),
    computation: (cohorts, previous) =>
      previous?.value && cohorts.some((cohort) => cohort.leftIn === previous.value)
        ? previous.value
        : (cohorts[0]?.leftIn ?? null),
  });

  protected readonly cohort = rxResource({
    params: () => ({ academyId: this.academy(), leftIn: this.leftIn() }),
    stream: ({ params }) =>
      params.academyId && params.leftIn !== null ? this.api.leavers(params.academyId, params.leftIn) : NEVER,
  });
  protected readonly figures = computed<AnniversaryFigures[]>(() =>
    this.cohort.hasValue() ? this.cohort.value().figures : [],
  );
  protected readonly leavers = computed<LeaverRow[]>(() =>
    this.cohort.hasValue() ? this.cohort.value().items : [],
  );
  protected readonly cells = computed(() => {
    const leftIn = this.leftIn();
    const today = todayIsoDate();
    return new Map(
      this.leavers().map((leaver) => [
        leaver.learnerId,
        DESTINATION_ANNIVERSARIES.map((anniversary) =>
          leftIn === null
            ? { anniversary, state: 'none' as const, text: '', provider: null }
            : anniversaryCell(leaver, leftIn, anniversary, today),
        ),
      ]),
    );
  });
  protected readonly followUpCount = computed(
    () => this.leavers().filter((leaver) => leaver.toFollowUp.length > 0).length,
  );

  protected readonly canRecord = computed(() => {
    const user = this.session.user();
    return (
      !!user &&
      !!this.academy() &&
      mayAtAcademy(
        { roles: user.roles, academyIds: user.academies.map((academy) => academy.id) },
        'recordDestinations',
        this.academy(),
      )
    );
  });

  protected readonly anniversaries = DESTINATION_ANNIVERSARIES;
  protected readonly anniversaryName = anniversaryName;
  protected readonly percent = percentText;
  protected readonly gap = gapText;
  protected readonly gapName = gapName;
  protected readonly date = formatBritishDate;
  protected readonly action = new PendingAction();

  protected cohortLabel(cohort: CohortChoice): string {
    const leavers =
      cohort.leavers === null ? '' : ` (${cohort.leavers} ${cohort.leavers === 1 ? 'leaver' : 'leavers'})`;
    return `Left in ${academicYearLabel(cohort.leftIn)}${leavers}`;
  }

  protected gapEntries(figures: AnniversaryFigures): { name: string; text: string }[] {
    return Object.entries(figures.gaps).map(([key, value]) => ({ name: gapName(key), text: gapText(value) }));
  }

  protected consentText(leaver: LeaverRow): string {
    if (leaver.consentToFollowUp === null) return 'Not asked';
    return leaver.consentToFollowUp ? 'Yes' : 'No';
  }

  protected cellsOf(leaver: LeaverRow): AnniversaryCell[] {
    return this.cells().get(leaver.learnerId) ?? [];
  }

  protected async record(leaver: LeaverRow): Promise<void> {
    const leftIn = this.leftIn();
    if (leaver.pseudonymised || leftIn === null) return;
    if (!(await openActualDestinationDialog(this.dialog, { leaver, leftIn }))) return;
    this.action.announce(`Destination saved for ${leaver.name}.`);
    this.cohort.reload();
  }
}
