import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DESTINATION_STATUS_LABELS, DestinationStatus, isConfirmedStatus } from '@encounters/domain';

/** How far along a destination is: confirmed (R-DEST-2), on the way, out of the pipeline, or none yet. */
type Stage = 'confirmed' | 'pipeline' | 'out' | 'none';

function stageOf(status: DestinationStatus | null): Stage {
  if (!status) return 'none';
  if (isConfirmedStatus(status)) return 'confirmed';
  return status === 'declined' || status === 'withdrawn' ? 'out' : 'pipeline';
}

/**
 * An intended destination's status (R-DEST-1): the words carry the meaning, the colour only repeats it;
 * "No destination yet" when nothing is recorded.
 */
@Component({
  selector: 'enc-destination-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"destination-chip stage-" + stage()' },
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 0.125rem 0.5rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      -webkit-print-color-adjust: exact;
      print-color-adjust: exact;
    }
    :host(.stage-confirmed) {
      background: #e3f3e6;
      color: #1b5e20;
    }
    :host(.stage-pipeline) {
      background: #e8f0fb;
      color: #174a85;
    }
    :host(.stage-out) {
      background: #f1f1f1;
      color: #4a4d52;
    }
    :host(.stage-none) {
      border-style: dashed;
      color: #5c5f63;
    }
  `,
})
export class DestinationStatusChip {
  readonly status = input.required<DestinationStatus | null>();
  protected readonly stage = computed(() => stageOf(this.status()));
  protected readonly label = computed(() => {
    const status = this.status();
    return status ? DESTINATION_STATUS_LABELS[status] : 'No destination yet';
  });
}
