import {
  hoursText,
  LearnerWorkExperience,
  moreHoursText,
  roundHours,
  RuleStatus,
  WorkExperienceHours,
  WorkExperienceItemResponse,
} from '@encounters/domain';

/** `workExperience` of `GET /api/learners/{id}` and one of its experiences. */
export type { LearnerWorkExperience } from '@encounters/domain';
export type WorkExperienceLedgerItem = WorkExperienceItemResponse;

export type KeyStage = 'ks3' | 'ks4';

/** One key stage's line of the ledger, in words a careers lead reads aloud to a learner. */
export interface KeyStageSummary {
  keyStage: KeyStage;
  heading: string;
  /** "Done 10 hours, planned 15 hours, target 25 hours" (R-WEX-5). */
  figures: string;
  /** Counted hours as a share of the target, 0..100, for the bar. */
  donePercent: number;
  /** Counted plus planned hours as a share of the target, 0..100. */
  withPlannedPercent: number;
  /** Why fewer hours count than were done (R-WEX-4), or null when every hour counts. */
  virtualCapNote: string | null;
  /** What is left: "Target reached", "15 more hours needed; the 10 planned would leave 5 more hours". */
  remaining: string;
}

const HEADINGS: Record<KeyStage, string> = {
  ks3: "Years 7 to 9: a week's worth of activities",
  ks4: "Years 10 and 11: a week's worth of placements",
};

function percentOf(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((100 * part) / whole)));
}

/** R-WEX-3..5 in words, from the hours the API counted: nothing here recounts them. */
export function keyStageSummary(keyStage: KeyStage, hours: WorkExperienceHours): KeyStageSummary {
  const { doneHours, plannedHours, countedHours, targetHours } = hours;
  const figures = [
    `Done ${hoursText(doneHours)}`,
    ...(plannedHours > 0 ? [`planned ${hoursText(plannedHours)}`] : []),
    `target ${hoursText(targetHours)}`,
  ].join(', ');
  const notCounted = roundHours(doneHours - countedHours);
  const virtualCapNote =
    notCounted > 0
      ? `${hoursText(countedHours)} of the ${hoursText(doneHours)} done count: virtual hours may make up only ` +
        `part of the target (the share is set in the trust's policy), so ${hoursText(notCounted)} of virtual ` +
        `experience ${notCounted === 1 ? 'does' : 'do'} not count. More hours in person would.`
      : null;
  const short = roundHours(targetHours - countedHours);
  let remaining: string;
  if (short <= 0) remaining = 'Target reached.';
  else if (plannedHours <= 0) remaining = `${moreHoursText(short)} needed.`;
  else if (plannedHours >= short)
    remaining = `${moreHoursText(short)} needed; the planned hours would reach the target once done.`;
  else
    remaining = `${moreHoursText(short)} needed; after the planned hours, ${moreHoursText(roundHours(short - plannedHours))} still.`;
  return {
    keyStage,
    heading: HEADINGS[keyStage],
    figures,
    donePercent: percentOf(countedHours, targetHours),
    withPlannedPercent: percentOf(countedHours + plannedHours, targetHours),
    virtualCapNote,
    remaining,
  };
}

/** The ledger's rows: newest first, planned ones (in the future) at the top. */
export function ledgerRows(items: readonly WorkExperienceLedgerItem[]): WorkExperienceLedgerItem[] {
  return [...items].sort(
    (a, b) =>
      Number(b.planned) - Number(a.planned) || b.date.localeCompare(a.date) || a.title.localeCompare(b.title),
  );
}

/** The key stages to show: those whose rule applies, and any with hours recorded. */
export function keyStagesToShow(
  workExperience: LearnerWorkExperience,
  statuses: Partial<Record<'WEX_KS3' | 'WEX_KS4', RuleStatus>>,
): KeyStage[] {
  const shown = (keyStage: KeyStage, status: RuleStatus | undefined) =>
    (status !== undefined && status !== 'not_applicable') ||
    workExperience[keyStage].doneHours > 0 ||
    workExperience[keyStage].plannedHours > 0;
  return [
    ...(shown('ks3', statuses.WEX_KS3) ? (['ks3'] as const) : []),
    ...(shown('ks4', statuses.WEX_KS4) ? (['ks4'] as const) : []),
  ];
}
