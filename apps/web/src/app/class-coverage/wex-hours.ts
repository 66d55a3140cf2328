import { hoursText, roundHours, RuleId, WorkExperienceHours } from '@encounters/domain';

import { LearnerWorkExperience } from '../learner-record/work-experience-ledger';

/** The class view's work-experience columns, and the key stage of the learner's ledger each reads. */
export const WEX_COLUMNS: Partial<Record<RuleId, 'ks3' | 'ks4'>> = { WEX_KS3: 'ks3', WEX_KS4: 'ks4' };

export function isWexColumn(rule: RuleId): boolean {
  return rule in WEX_COLUMNS;
}

/** "12.5 of 25 hours done (30 hours done, virtual hours capped)", "30 hours done, target of 25 reached". */
export function hoursAgainstTarget(hours: WorkExperienceHours): string {
  const { doneHours, plannedHours, countedHours, targetHours } = hours;
  const extras: string[] = [];
  if (doneHours > countedHours) {
    extras.push(`${hoursText(doneHours)} done, virtual hours capped`);
  }
  if (plannedHours > 0) extras.push(`${hoursText(plannedHours)} planned`);
  const done =
    countedHours >= targetHours
      ? `${hoursText(countedHours)} done, target of ${targetHours} reached`
      : `${countedHours} of ${hoursText(targetHours)} done`;
  return `${done}${extras.length ? ` (${extras.join('; ')})` : ''}`;
}

/** The cell's short form, done / target: "12.5 / 25 h", "10 / 25 h, 15 planned". */
export function hoursShort(hours: WorkExperienceHours): string {
  const planned = hours.plannedHours > 0 ? `, ${roundHours(hours.plannedHours)} planned` : '';
  return `${roundHours(hours.countedHours)} / ${roundHours(hours.targetHours)} h${planned}`;
}

/** The note of a learner's work-experience cell: hours once loaded, else what is happening. */
export function wexNote(
  rule: RuleId,
  entry:
    | { state: 'loading' }
    | { state: 'failed' }
    | { state: 'loaded'; workExperience: LearnerWorkExperience | null }
    | undefined,
): string {
  const keyStage = WEX_COLUMNS[rule];
  if (!keyStage) return '';
  if (!entry || entry.state === 'loading') return 'Loading the hours…';
  if (entry.state === 'failed' || !entry.workExperience) return 'The hours could not be loaded.';
  return hoursAgainstTarget(entry.workExperience[keyStage]);
}
