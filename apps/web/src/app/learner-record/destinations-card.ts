import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  ACTUAL_DESTINATION_CATEGORY_LABELS,
  academicYearLabel,
  DESTINATION_CATEGORY_LABELS,
  DESTINATION_SOURCE_LABELS,
  DESTINATION_STATUS_LABELS,
  type LearnerDestinations,
  type RuleStatuses,
} from '@encounters/domain';
import { StatusChip } from '../ui/status-chip';

/**
 * The learner's destinations (R-DEST-1..4): each intended destination with its dated status changes, the
 * NEET-risk mark for those who may see it, and after leaving the activity on 1 October of each year.
 */
@Component({
  selector: 'enc-destinations-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, StatusChip],
  template: `
    <section class="card" aria-labelledby="destinations-heading">
      <h2 id="destinations-heading">Destinations</h2>
      @if (!hasAny()) {
        <p class="empty">No destination recorded yet. Years 11 and 13 record their intended next step.</p>
      }
      @for (destination of destinations().intended; track destination.id) {
        <div class="destination">
          <div class="head">
            <strong>{{ year(destination.academicYear) }}: {{ category[destination.category] }}</strong>
            @if (rule(); as rule) {
              @if (destination.academicYear === academicYear()) {
                <enc-status-chip [status]="statuses()[rule]" />
              }
            }
          </div>
          @if (destination.providerName) {
            <p>{{ destination.providerName }}</p>
          }
          <ol class="history" aria-label="Status changes">
            @for (change of destination.statusHistory; track $index) {
              <li>{{ status[change.status] }} on {{ change.on | date: 'd MMM y' }}</li>
            }
          </ol>
          @if (destination.notes) {
            <p class="notes"><span>Notes:</span> {{ destination.notes }}</p>
          }
        </div>
      }
      @if (destinations().neetRisk; as neet) {
        <div class="neet" role="note">
          <strong>At risk of not being in education, employment or training</strong>
          <p>{{ neet.reason }}</p>
          @if (neet.support) {
            <p>Support agreed: {{ neet.support }}</p>
          }
          <p>Review on {{ neet.reviewOn | date: 'd MMM y' }}</p>
        </div>
      }
      @if (destinations().actual.length) {
        <h3>After leaving</h3>
        <ul class="actual">
          @for (item of destinations().actual; track item.anniversary) {
            <li>
              1 October {{ item.on.slice(0, 4) }}: {{ actualCategory[item.category] }}
              @if (item.provider) {
                ({{ item.provider }})
              }
              · source: {{ source[item.source].toLowerCase() }}
            </li>
          }
        </ul>
      }
      @if (destinations().consentToFollowUp === false) {
        <p class="consent">Does not wish to be followed up after 16.</p>
      }
    </section>
  `,
  styleUrl: './work-experience-card.scss',
  styles: `
    .destination,
    .neet {
      margin: 0 0 1rem;
    }
    .head {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .history {
      margin: 0.25rem 0;
      padding-left: 1.25rem;
      font: var(--mat-sys-body-small);
    }
    .notes span {
      font-weight: 500;
    }
    .neet {
      border-left: 4px solid var(--mat-sys-error);
      padding-left: 0.75rem;
    }
    .neet p {
      margin: 0.25rem 0;
    }
  `,
})
export class DestinationsCard {
  readonly destinations = input.required<LearnerDestinations>();
  readonly statuses = input.required<RuleStatuses>();
  readonly academicYear = input.required<number>();

  protected readonly category = DESTINATION_CATEGORY_LABELS;
  protected readonly actualCategory = ACTUAL_DESTINATION_CATEGORY_LABELS;
  protected readonly status = DESTINATION_STATUS_LABELS;
  protected readonly source = DESTINATION_SOURCE_LABELS;
  protected readonly year = academicYearLabel;

  /** The destination rule that applies this year, if any. */
  protected readonly rule = computed(() => {
    const statuses = this.statuses();
    if (statuses.DEST_16 !== 'not_applicable') return 'DEST_16' as const;
    if (statuses.DEST_18 !== 'not_applicable') return 'DEST_18' as const;
    return null;
  });

  protected readonly hasAny = computed(() => {
    const d = this.destinations();
    return d.intended.length > 0 || d.actual.length > 0 || !!d.neetRisk;
  });
}
