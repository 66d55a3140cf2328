import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RULE_STATUS_LABELS, RuleStatus } from '@encounters/domain';

export interface StatusDisplay {
  /** What the chip says: the text carries the meaning, the colour and icon only repeat it. */
  readonly label: string;
  /** A longer form for screen readers and tooltips. */
  readonly description: string;
  /** A 24 × 24 SVG path. */
  readonly icon: string;
}

export const STATUS_DISPLAY: Readonly<Record<RuleStatus, StatusDisplay>> = {
  met: {
    label: RULE_STATUS_LABELS.met,
    description: RULE_STATUS_LABELS.met,
    icon: 'M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z',
  },
  on_track: {
    label: RULE_STATUS_LABELS.on_track,
    description: 'Not met yet, with time left',
    icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67z',
  },
  at_risk: {
    label: RULE_STATUS_LABELS.at_risk,
    description: 'Not met, and the deadline is close',
    icon: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
  },
  missed: {
    label: RULE_STATUS_LABELS.missed,
    description: 'Not met, and the deadline has passed',
    icon: 'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z',
  },
  // A chip in a dense table: the abbreviation, with the full name for screen readers.
  not_applicable: { label: 'n/a', description: 'Does not apply', icon: 'M19 13H5v-2h14v2z' },
};

/** A rule's status for one learner: colour, icon and words, so that it reads without colour too. */
@Component({
  selector: 'enc-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': '"status-chip status-" + status()',
    '[attr.title]': 'display().description',
  },
  template: `
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16">
      <path fill="currentColor" [attr.d]="display().icon" />
    </svg>
    <span class="label">{{ display().label }}</span>
    @if (status() === 'not_applicable') {
      <span class="visually-hidden">(does not apply)</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0.125rem 0.5rem 0.125rem 0.375rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      -webkit-print-color-adjust: exact;
      print-color-adjust: exact;
    }
    svg {
      flex: none;
    }
    :host(.status-met) {
      background: #e3f3e6;
      color: #1b5e20;
    }
    :host(.status-on_track) {
      background: #e8f0fb;
      color: #174a85;
    }
    :host(.status-at_risk) {
      background: #fff3d1;
      color: #6d4200;
    }
    :host(.status-missed) {
      background: #fde8e8;
      color: #a0141b;
    }
    :host(.status-not_applicable) {
      border-color: transparent;
      background: transparent;
      color: #5c5f63;
    }
  `,
})
export class StatusChip {
  readonly status = input.required<RuleStatus>();
  protected readonly display = computed(() => STATUS_DISPLAY[this.status()]);
}
