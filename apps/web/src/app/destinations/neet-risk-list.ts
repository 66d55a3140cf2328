import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import {
  AcademicYear,
  academicYearLabel,
  academicYearOf,
  formatBritishDate,
  LearnerListItem,
  mayAtAcademy,
  NeetRiskEntry,
  todayIsoDate,
} from '@encounters/domain';
import { firstValueFrom, NEVER } from 'rxjs';

import { DestinationsApi } from '../core/destinations-api';
import { Session } from '../core/session';
import { AcademicYearPicker } from '../ui/academic-year-picker';
import { confirmAction } from '../ui/confirm-dialog';
import { AcademySelect } from '../ui/academy-select';
import { academyChoice } from '../ui/coverage-query-params';
import { LearnerSearch } from '../ui/learner-search';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { PendingAction } from '../ui/pending-action';
import { RowAction } from '../ui/row-action';
import { neetRiskReasons } from './destination-words';
import { openNeetRiskDialog } from './neet-risk-dialog';

/**
 * R-DEST-3, R-DEST-5: the learners of Year 11 and Year 13 at risk of not being in education, employment or
 * training: flagged by `DEST_16`/`DEST_18` at risk or missed, or marked by careers staff with a reason, the
 * support agreed and a review date. Restricted like guidance notes.
 */
@Component({
  selector: 'enc-neet-risk-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AcademySelect,
    AcademicYearPicker,
    LearnerSearch,
    LIST_PAGE_IMPORTS,
    MatButtonModule,
    MatSlideToggleModule,
    RouterLink,
    RowAction,
  ],
  template: `
    <div class="title-row">
      <h1>NEET risk</h1>
    </div>
    <p class="intro">
      Learners of Years 11 and 13 at risk of not being in education, employment or training: flagged when
      their destination is not confirmed in time, or marked by careers staff. Restricted like guidance notes.
    </p>
    <form class="filters" aria-label="Choose the learners" (submit)="$event.preventDefault()">
      <enc-academy-select
        [academies]="academies.value()"
        [value]="academy()"
        (valueChange)="academy.set($event)"
      />
      <enc-academic-year-picker
        class="year-picker"
        [value]="academicYear()"
        (valueChange)="academicYear.set($event)"
      />
      <mat-slide-toggle class="reviews-due" [checked]="reviewDue()" (change)="reviewDue.set($event.checked)">
        Reviews due
      </mat-slide-toggle>
    </form>
    @if (canMark()) {
      <div class="mark-learner">
        <enc-learner-search
          label="Mark a learner at risk"
          placeholder="Name or UPN"
          testId="neet-risk-learner"
          (picked)="markLearner($event)"
        />
      </div>
    }

    <enc-progress-status [loading]="list.isLoading()" label="Loading the NEET-risk list" [error]="error()" />
    @if (list.hasValue()) {
      <p class="summary" role="status" data-testid="neet-risk-summary">{{ summaryText() }}</p>
    }
    @if (entries().length) {
      <div class="table-wrap" tabindex="0" role="region" aria-label="NEET-risk list, scrolls sideways">
        <table class="neet-table">
          <caption class="visually-hidden">
            Learners at NEET risk at
            {{
              academyName()
            }},
            {{
              yearText()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Learner</th>
              <th scope="col">Year</th>
              <th scope="col">Group</th>
              <th scope="col">Why flagged</th>
              <th scope="col">Support agreed</th>
              <th scope="col">Review</th>
              @if (canMark()) {
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (entry of entries(); track entry.learnerId) {
              <tr [attr.data-learner-id]="entry.learnerId">
                <th scope="row">
                  <a [routerLink]="['/learners', entry.learnerId]" [queryParams]="{ year: academicYear() }">{{
                    entry.name
                  }}</a>
                  <span class="meta"> {{ entry.upn }}</span>
                </th>
                <td class="nowrap">Year {{ entry.yearGroup }}</td>
                <td>{{ entry.group?.name ?? '' }}</td>
                <td>
                  <ul class="reasons">
                    @for (reason of reasons(entry); track $index) {
                      <li>{{ reason }}</li>
                    }
                  </ul>
                </td>
                <td>{{ entry.marked?.support ?? '' }}</td>
                <td class="nowrap" [class.overdue]="entry.reviewDue">
                  @if (entry.marked) {
                    <span>{{ date(entry.marked.reviewOn) }}</span>
                    @if (entry.reviewDue) {
                      <span class="due" data-testid="review-due">{{ dueText(entry.marked.reviewOn) }}</span>
                    }
                  }
                </td>
                @if (canMark()) {
                  <td class="nowrap actions">
                    <button
                      matButton
                      [encRowAction]="
                        (entry.marked ? 'Change the NEET-risk mark of ' : 'Mark at NEET risk: ') + entry.name
                      "
                      (click)="mark(entry)"
                    >
                      {{ entry.marked ? 'Change' : 'Mark' }}
                    </button>
                    @if (entry.marked) {
                      <button
                        matButton
                        class="danger"
                        [encRowAction]="'Clear the NEET-risk mark of ' + entry.name"
                        (click)="clear(entry)"
                      >
                        Clear
                      </button>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else if (list.hasValue()) {
      <enc-empty-state [heading]="reviewDue() ? 'No reviews due' : 'No learner at NEET risk'">
        @if (reviewDue()) {
          No learner on the list has a review due today or before.
        } @else {
          No learner of Years 11 and 13 is flagged or marked at risk in {{ yearText() }}.
        }
      </enc-empty-state>
    }
  `,
  styles: [
    LIST_STYLES,
    `
      :host {
        display: block;
      }
      h1 {
        margin: 0 0 0.25rem;
        font: var(--mat-sys-headline-medium);
      }
      .intro {
        max-width: 60rem;
        color: var(--mat-sys-on-surface-variant);
      }
      .year-picker {
        margin-bottom: 1.25rem;
      }
      .reviews-due {
        margin-bottom: 1.25rem;
      }
      .mark-learner {
        max-width: 24rem;
        margin-bottom: 1rem;
      }
      .summary {
        margin: 0 0 0.5rem;
        font: var(--mat-sys-title-medium);
      }
      .neet-table {
        width: 100%;
        border-collapse: collapse;
        font: var(--mat-sys-body-medium);
      }
      .neet-table th,
      .neet-table td {
        padding: 0.5rem;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        text-align: left;
        vertical-align: top;
      }
      .neet-table thead th {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }
      .neet-table tbody th {
        min-width: 10rem;
        font-weight: 500;
      }
      .meta {
        display: block;
      }
      .reasons {
        margin: 0;
        padding-left: 1rem;
      }
      .overdue {
        color: #a0141b;
        font-weight: 600;
      }
      .due {
        display: block;
      }
      .actions {
        text-align: right;
      }
    `,
  ],
})
export class NeetRiskList {
  private readonly api = inject(DestinationsApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);

  /** The academy shown: the one chosen while it is on the list, else the first. */
  private readonly academyChoice = academyChoice();
  protected readonly academies = this.academyChoice.academies;
  protected readonly academy = this.academyChoice.academy;
  protected readonly academyName = this.academyChoice.academyName;
  protected readonly academicYear = signal<AcademicYear>(academicYearOf(todayIsoDate()));
  protected readonly yearText = computed(() => academicYearLabel(this.academicYear()));
  protected readonly reviewDue = signal(false);
  protected readonly action = new PendingAction();
  protected readonly date = formatBritishDate;
  protected readonly reasons = neetRiskReasons;

  protected readonly canMark = computed(() => {
    const user = this.session.user();
    return (
      !!user &&
      !!this.academy() &&
      mayAtAcademy(
        { roles: user.roles, academyIds: user.academies.map((academy) => academy.id) },
        'markNeetRisk',
        this.academy(),
      )
    );
  });

  protected readonly list = rxResource({
    params: () => ({
      academyId: this.academy(),
      academicYear: this.academicYear(),
      reviewDue: this.reviewDue() || undefined,
    }),
    stream: ({ params }) => (params.academyId ? this.api.neetRisk(params) : NEVER),
  });
  protected readonly entries = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  protected readonly error = computed(() => this.list.error() ?? this.action.error());
  protected readonly summaryText = computed(() => {
    const entries = this.entries();
    const due = entries.filter((entry) => entry.reviewDue).length;
    const learners = entries.length === 1 ? '1 learner' : `${entries.length} learners`;
    if (this.reviewDue()) return `${learners} with a review due`;
    return `${learners} at NEET risk · ${due} with a review due`;
  });

  /** "Review overdue" for a past date, "Review due today" for today: said in words, not by colour alone. */
  protected dueText(reviewOn: string): string {
    return reviewOn < todayIsoDate() ? 'Review overdue' : 'Review due today';
  }

  protected async mark(entry: NeetRiskEntry): Promise<void> {
    if (!(await openNeetRiskDialog(this.dialog, { entry, academicYear: this.academicYear() }))) return;
    this.action.announce(`NEET-risk mark saved for ${entry.name}.`);
    this.list.reload();
  }

  protected async markLearner(learner: LearnerListItem): Promise<void> {
    const listed = this.entries().find((entry) => entry.learnerId === learner.id);
    await this.mark(listed ?? { ...this.unlisted(learner) });
  }

  private unlisted(learner: LearnerListItem): NeetRiskEntry {
    return {
      learnerId: learner.id,
      upn: learner.upn,
      name: learner.name,
      yearGroup: learner.yearGroup,
      group: learner.group,
      academyId: learner.academyId,
      marked: null,
      automatic: null,
      reviewDue: false,
    };
  }

  protected async clear(entry: NeetRiskEntry): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'Clear the NEET-risk mark?',
      message: `${entry.name} is no longer marked at risk: the reason, the support agreed and the review date go. A flag from their destination not being confirmed in time stays while it applies.`,
      confirmLabel: 'Clear the mark',
    });
    if (!confirmed) return;
    const cleared = await this.action.run(
      () => firstValueFrom(this.api.clearNeetRisk(entry.learnerId)),
      `NEET-risk mark cleared for ${entry.name}.`,
    );
    if (cleared) this.list.reload();
  }
}
