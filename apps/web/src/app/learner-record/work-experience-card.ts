import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DELIVERY_MODE_LABELS, hoursText, RuleStatuses } from '@encounters/domain';

import { StatusChip } from '../ui/status-chip';
import { WORDS } from '../ui/words';
import {
  KeyStageSummary,
  keyStageSummary,
  keyStagesToShow,
  LearnerWorkExperience,
  ledgerRows,
} from './work-experience-ledger';

/**
 * The learner's work-experience ledger (R-WEX): for each key stage, hours done against the target, with the
 * planned ones beside them, and every experience that carries hours.
 */
@Component({
  selector: 'enc-work-experience-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, StatusChip],
  templateUrl: './work-experience-card.html',
  styleUrl: './work-experience-card.scss',
})
export class WorkExperienceCard {
  readonly workExperience = input.required<LearnerWorkExperience>();
  readonly statuses = input.required<RuleStatuses>();
  readonly forename = input.required<string>();

  protected readonly words = WORDS;
  protected readonly delivery = DELIVERY_MODE_LABELS;
  protected readonly hoursText = hoursText;

  protected readonly keyStages = computed<(KeyStageSummary & { rule: 'WEX_KS3' | 'WEX_KS4' })[]>(() =>
    keyStagesToShow(this.workExperience(), this.statuses()).map((keyStage) => ({
      ...keyStageSummary(keyStage, this.workExperience()[keyStage]),
      rule: keyStage === 'ks3' ? 'WEX_KS3' : 'WEX_KS4',
    })),
  );
  protected readonly rows = computed(() => ledgerRows(this.workExperience().items));
}
