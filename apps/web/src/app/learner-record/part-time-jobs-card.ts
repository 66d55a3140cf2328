import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';

import { httpErrorText } from '../core/http-error-text';
import { PartTimeJobResponse } from '@encounters/domain';

import { PartTimeJobsApi } from '../core/part-time-jobs-api';
import { confirmAction } from '../ui/confirm-dialog';
import { WORDS } from '../ui/words';
import { PartTimeJobDialog, PartTimeJobDialogData } from './part-time-job-dialog';

/** Jobs held now first, then the latest started. */
export function sortedJobs<Job extends Pick<PartTimeJobResponse, 'from' | 'to' | 'employerName'>>(
  jobs: readonly Job[],
): Job[] {
  return [...jobs].sort(
    (a, b) =>
      Number(!!a.to) - Number(!!b.to) ||
      b.from.localeCompare(a.from) ||
      a.employerName.localeCompare(b.employerName),
  );
}

/** "8 hours a week", "1 hour a week". */
export function hoursPerWeekText(hours: number): string {
  return `${hours} ${hours === 1 ? 'hour' : 'hours'} a week`;
}

/** A learner's own part-time jobs (R-WEX-7): listed for everyone who sees the record, changed by careers staff. */
@Component({
  selector: 'enc-part-time-jobs-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <section aria-labelledby="jobs-heading" class="card">
      <div class="head">
        <h2 id="jobs-heading">Part-time jobs</h2>
        @if (canEdit()) {
          <button matButton="outlined" type="button" class="no-print" (click)="open()">
            Add a part-time job
          </button>
        }
      </div>
      <p class="hint">
        A learner's own job is worth knowing about, but it never counts as work experience or for Benchmark 6.
      </p>
      @if (jobs.isLoading() && !jobs.hasValue()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading part-time jobs" />
      } @else if (loadError(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      } @else if (!list().length) {
        <p>No part-time job recorded.</p>
      } @else {
        <ul class="jobs">
          @for (job of list(); track job.id) {
            <li>
              <div>
                <strong>{{ job.employerName }}</strong>
                @if (job.sector) {
                  <span class="meta"> · {{ job.sector }}</span>
                }
                <p class="meta">
                  {{ hoursPerWeek(job.hoursPerWeek) }} · from {{ words.date(job.from) }}
                  {{ job.to ? 'to ' + words.date(job.to) : '(still held)' }}
                </p>
              </div>
              @if (canEdit()) {
                <div class="job-actions no-print">
                  <button
                    matButton
                    type="button"
                    (click)="open(job)"
                    [attr.aria-label]="'Change ' + job.employerName"
                  >
                    Change
                  </button>
                  <button
                    matButton
                    type="button"
                    (click)="remove(job)"
                    [disabled]="removing() === job.id"
                    [attr.aria-label]="'Delete ' + job.employerName"
                  >
                    Delete
                  </button>
                </div>
              }
            </li>
          }
        </ul>
      }
      @if (actionError(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
    </section>
  `,
  styleUrl: './part-time-jobs-card.scss',
})
export class PartTimeJobsCard {
  readonly learnerId = input.required<string>();
  readonly learnerName = input.required<string>();
  readonly canEdit = input(false);
  /** A job was added, changed or deleted: the record's statuses may change with it (R-WEX-7, B5). */
  readonly changed = output<void>();

  private readonly api = inject(PartTimeJobsApi);
  private readonly dialog = inject(MatDialog);
  protected readonly words = WORDS;
  protected readonly hoursPerWeek = hoursPerWeekText;

  protected readonly jobs = rxResource({
    params: () => this.learnerId(),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly list = computed(() => (this.jobs.hasValue() ? sortedJobs(this.jobs.value()) : []));
  protected readonly loadError = computed(() =>
    this.jobs.error() ? httpErrorText(this.jobs.error(), 'The part-time jobs could not be loaded.') : null,
  );
  protected readonly removing = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected open(job?: PartTimeJobResponse): void {
    this.dialog
      .open<PartTimeJobDialog, PartTimeJobDialogData>(PartTimeJobDialog, {
        data: { learnerId: this.learnerId(), learnerName: this.learnerName(), job },
        width: '36rem',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.jobs.reload();
        this.changed.emit();
      });
  }

  protected async remove(job: PartTimeJobResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'Delete this part-time job?',
      message: `${job.employerName} will be taken off ${this.learnerName()}'s record.`,
      confirmLabel: 'Delete job',
    });
    if (!confirmed) return;
    this.removing.set(job.id);
    this.actionError.set(null);
    try {
      await firstValueFrom(this.api.remove(this.learnerId(), job.id));
      this.jobs.reload();
      this.changed.emit();
    } catch (error) {
      this.actionError.set(httpErrorText(error, 'This job was not found; it may have been deleted already.'));
    } finally {
      this.removing.set(null);
    }
  }
}
