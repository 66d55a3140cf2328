import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { catchError, forkJoin, map, of } from 'rxjs';

import { CoverageApi } from '../core/coverage-api';
import { StatusChip } from '../ui/status-chip';
import { TwoWeeksFigures, twoWeeksFigures, TwoWeeksScope, WEX_RULES, WexRule } from './two-weeks-worth';

const RULE_HEADINGS: Record<WexRule, string> = {
  WEX_KS3: 'Years 7–9 activities',
  WEX_KS4: 'Years 10–11 placements',
};

/**
 * "Two weeks' worth": for each academy (or the year group on show), how far learners are towards the week
 * of activities and the week of placements (R-WEX-6), and whether Years 12 and 13 were offered the provider
 * encounters the law asks for (R-PAL-4).
 */
@Component({
  selector: 'enc-two-weeks-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, StatusChip],
  templateUrl: './two-weeks-card.html',
  styleUrl: './two-weeks-card.scss',
})
export class TwoWeeksCard {
  readonly scopes = input.required<TwoWeeksScope[]>();

  private readonly coverageApi = inject(CoverageApi);
  protected readonly ruleHeadings = RULE_HEADINGS;

  protected readonly figures = rxResource({
    params: () => this.scopes(),
    stream: ({ params }) =>
      params.length
        ? forkJoin(
            params.map((scope) =>
              forkJoin([
                this.coverageApi.coverage({ ...scope.query, breakdown: 'pupilPremium' }),
                this.coverageApi.coverage({ ...scope.query, breakdown: 'sen' }),
              ]).pipe(
                map(([pupilPremium, sen]) => twoWeeksFigures(scope.label, pupilPremium.rows, sen.rows)),
                catchError(() => of(null)),
              ),
            ),
          )
        : of([]),
  });
  protected readonly academies = computed<TwoWeeksFigures[]>(() =>
    this.figures.hasValue()
      ? this.figures.value().filter((entry): entry is TwoWeeksFigures => entry !== null && entry.learners > 0)
      : [],
  );
  protected readonly failed = computed(
    () => this.figures.hasValue() && this.figures.value().some((entry) => entry === null),
  );
  protected readonly allRules = WEX_RULES;
}
