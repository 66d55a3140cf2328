import { DateWindow, IsoDate, isWithinWindow } from '../calendar';
import { DeliveryMode, EMPLOYER_TASK_FORMATS, EncounterFormat } from '../taxonomy';
import { LearnerAttendance } from './learner-record';
import { RuleId } from './rule';

/** The two work-experience rules (R-WEX-3), whose coverage rows also carry hours figures (R-WEX-6). */
export const WEX_RULE_IDS = ['WEX_KS3', 'WEX_KS4'] as const satisfies readonly RuleId[];
export type WexRuleId = (typeof WEX_RULE_IDS)[number];

/**
 * A learner's counted hours (R-WEX-4) from a date on: counted hours only grow with the as-at date, so the
 * steps, oldest first, give them at any date (the last step on or before it; 0 before the first).
 */
export interface HoursStep {
  on: IsoDate;
  counted: number;
}

/** The counted hours at `asAt` from the steps of {@link HoursInWindow}. */
export function hoursAt(steps: readonly HoursStep[], asAt: IsoDate): number {
  let counted = 0;
  for (const step of steps) {
    if (step.on > asAt) break;
    counted = step.counted;
  }
  return counted;
}

/** R-WEX-1: employer activities that carry hours when the employer set a task (`taskSet` ticked). */
export const WEX_ACTIVITY_FORMATS = EMPLOYER_TASK_FORMATS;

/** R-WEX-2: the workplace formats that are placements (KS4). */
export const WEX_PLACEMENT_FORMATS = [
  'work_experience',
  'job_shadowing',
] as const satisfies readonly EncounterFormat[];

/** R-WEX-1: hours are never more than this a day. */
export const MAX_HOURS_A_DAY = 24;

/** R-WEX-1: a workplace experience, or an employer activity of the three formats with a task set. */
export function carriesHours(attendance: LearnerAttendance): boolean {
  if (attendance.categories.includes('workplace_experience')) return true;
  return (
    attendance.categories.includes('employer_encounter') &&
    (WEX_ACTIVITY_FORMATS as readonly (EncounterFormat | undefined)[]).includes(attendance.format) &&
    attendance.meaningful.taskSet === true
  );
}

/** R-WEX-2: a placement is work experience or job shadowing with an employer. */
export function isPlacement(attendance: LearnerAttendance): boolean {
  return (
    attendance.categories.includes('workplace_experience') &&
    (WEX_PLACEMENT_FORMATS as readonly (EncounterFormat | undefined)[]).includes(attendance.format)
  );
}

/**
 * R-WEX-1: the learner's hours on one attendance: the hours a careers lead set, else `days` x `hoursPerDay`
 * for a date range, else the encounter's duration; never negative, never more than 24 a day.
 */
export function attendanceHours(attendance: LearnerAttendance, hoursPerDay: number): number {
  const days = Math.max(1, Math.floor(attendance.days ?? 1));
  const hours = attendance.hours ?? (days > 1 ? days * hoursPerDay : (attendance.durationMinutes ?? 0) / 60);
  return Math.min(Math.max(hours, 0), MAX_HOURS_A_DAY * days);
}

/** R-WEX-4: virtual hours count for at most `virtualShareMax` of the target. */
export function countedHours(
  inPerson: number,
  virtual: number,
  targetHours: number,
  virtualShareMax: number,
): number {
  return inPerson + Math.min(virtual, Math.max(0, targetHours * virtualShareMax));
}

export function isVirtual(delivery: DeliveryMode | undefined): boolean {
  return delivery === 'virtual';
}

/** One key stage's hours for one learner (R-WEX-5), as `/api/learners/{id}` answers them. */
export interface WorkExperienceHours {
  /** Hours attended on or before the as-at date, in person and virtual. */
  doneHours: number;
  /** Hours of learners listed on experiences dated after the as-at date (R-WEX-5). */
  plannedHours: number;
  /** Done hours as they count against the target, virtual ones capped (R-WEX-4). */
  countedHours: number;
  targetHours: number;
}

/** One hour-carrying experience of the learner's ledger. */
export interface WorkExperienceItem {
  encounterId: string;
  date: IsoDate;
  hours: number;
  delivery: DeliveryMode;
  /** Dated after the as-at date (R-WEX-5). */
  planned: boolean;
  /** R-WEX-2: counts towards the KS4 placement hours. */
  placement: boolean;
}

export interface WorkExperienceLedger {
  ks3: WorkExperienceHours;
  ks4: WorkExperienceHours;
  items: WorkExperienceItem[];
}

export interface HoursInWindow {
  hours: WorkExperienceHours;
  /** Counted hours with the planned ones added as if done: R-WEX-5's "done + planned". */
  countedWithPlanned: number;
  /** Ids of the done experiences, oldest first. */
  evidence: { id: string; date: IsoDate }[];
  /** The first date on which done counted hours reach the target; '' when the target is 0; null if never. */
  reachedOn: IsoDate | null;
  /** The counted hours (rounded as `hours.countedHours`) after each date of a done experience. */
  steps: HoursStep[];
}

/**
 * R-WEX-2..5 for one key stage: the experiences of the learner (status `attended`) in the window, split at
 * the as-at date into done and planned, with the counted hours and the date the target was first reached.
 */
export function hoursInWindow(
  attendances: readonly LearnerAttendance[],
  window: DateWindow,
  asAt: IsoDate,
  include: (attendance: LearnerAttendance) => boolean,
  hoursOf: (attendance: LearnerAttendance) => number,
  targetHours: number,
  virtualShareMax: number,
): HoursInWindow {
  const inWindow = attendances
    .filter((a) => a.status === 'attended' && isWithinWindow(a.date, window) && include(a))
    .sort((a, b) => a.date.localeCompare(b.date) || a.encounterId.localeCompare(b.encounterId));
  let inPerson = 0;
  let virtual = 0;
  let plannedInPerson = 0;
  let plannedVirtual = 0;
  let reachedOn: IsoDate | null = targetHours <= 0 ? '' : null;
  const evidence: { id: string; date: IsoDate }[] = [];
  const steps: HoursStep[] = [];
  for (const attendance of inWindow) {
    const hours = hoursOf(attendance);
    const online = isVirtual(attendance.delivery);
    if (attendance.date > asAt) {
      if (online) plannedVirtual += hours;
      else plannedInPerson += hours;
      continue;
    }
    if (online) virtual += hours;
    else inPerson += hours;
    evidence.push({ id: attendance.encounterId, date: attendance.date });
    const counted = roundHours(countedHours(inPerson, virtual, targetHours, virtualShareMax));
    const last = steps[steps.length - 1];
    if (last?.on === attendance.date) last.counted = counted;
    else steps.push({ on: attendance.date, counted });
    if (reachedOn === null && countedHours(inPerson, virtual, targetHours, virtualShareMax) >= targetHours) {
      reachedOn = attendance.date;
    }
  }
  const counted = countedHours(inPerson, virtual, targetHours, virtualShareMax);
  return {
    hours: {
      doneHours: roundHours(inPerson + virtual),
      plannedHours: roundHours(plannedInPerson + plannedVirtual),
      countedHours: roundHours(counted),
      targetHours,
    },
    countedWithPlanned: countedHours(
      inPerson + plannedInPerson,
      virtual + plannedVirtual,
      targetHours,
      virtualShareMax,
    ),
    evidence,
    reachedOn,
    steps: steps.filter((step, index) => step.counted !== (steps[index - 1]?.counted ?? 0)),
  };
}

/** R-WEX-6, R-WEX-9: a group's hours figures for one key stage. */
export interface HoursFigures {
  /** Learners with 0 counted hours. */
  zero: number;
  /** More than 0, less than the target. */
  belowTarget: number;
  /** At or above the target. */
  atTarget: number;
  /** The median of counted hours over the learners to whom the rule applies; null for none. */
  median: number | null;
}

/**
 * R-WEX-6 with R-G-3: a characteristic's gap on the hours figures, the group's minus the rest's: the shares at
 * 0 hours and at target in percentage points (one decimal), the median in hours; null when either side is empty.
 */
export interface HoursGaps {
  zero: number | null;
  atTarget: number | null;
  median: number | null;
}

export function hoursGaps(group: HoursFigures, rest: HoursFigures): HoursGaps {
  const size = (f: HoursFigures) => f.zero + f.belowTarget + f.atTarget;
  if (!size(group) || !size(rest)) return { zero: null, atTarget: null, median: null };
  const share = (f: HoursFigures, count: number) => (100 * count) / size(f);
  const points = (value: number) => Math.round(value * 10) / 10;
  return {
    zero: points(share(group, group.zero) - share(rest, rest.zero)),
    atTarget: points(share(group, group.atTarget) - share(rest, rest.atTarget)),
    median: group.median === null || rest.median === null ? null : roundHours(group.median - rest.median),
  };
}

/** R-WEX-9: the three counts are disjoint and sum to the learners given. */
export function hoursFigures(counted: readonly number[], targetHours: number): HoursFigures {
  const sorted = [...counted].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = !sorted.length
    ? null
    : sorted.length % 2
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    zero: sorted.filter((hours) => hours <= 0).length,
    belowTarget: sorted.filter((hours) => hours > 0 && hours < targetHours).length,
    atTarget: sorted.filter((hours) => hours > 0 && hours >= targetHours).length,
    median: median === null ? null : roundHours(median),
  };
}

/**
 * Counted hours kept compactly: each distinct value once, in increasing order, with how many learners have
 * it. Learners' hours take few distinct values, so a group of thousands is a few dozen numbers, and groups
 * add up without sorting every learner again (the trust's median, R-WEX-9).
 */
export interface HoursHistogram {
  values: number[];
  counts: number[];
}

/** The histogram of these counted hours. */
export function hoursHistogram(counted: readonly number[]): HoursHistogram {
  const byValue = new Map<number, number>();
  for (const hours of counted) byValue.set(hours, (byValue.get(hours) ?? 0) + 1);
  const values = [...byValue.keys()].sort((a, b) => a - b);
  return { values, counts: values.map((value) => byValue.get(value) ?? 0) };
}

/**
 * R-WEX-9: the median of the groups' hours added up, as {@link hoursFigures} gives it for all of them in
 * one list (rounded to two places; null for no learner).
 */
export function histogramMedian(histograms: readonly HoursHistogram[]): number | null {
  const byValue = new Map<number, number>();
  let total = 0;
  for (const { values, counts } of histograms) {
    values.forEach((value, index) => byValue.set(value, (byValue.get(value) ?? 0) + counts[index]));
    for (const count of counts) total += count;
  }
  if (!total) return null;
  const values = [...byValue.keys()].sort((a, b) => a - b);
  /** The value at this position of the whole list in order. */
  const at = (position: number): number => {
    let seen = 0;
    for (const value of values) {
      seen += byValue.get(value) ?? 0;
      if (position < seen) return value;
    }
    return values[values.length - 1];
  };
  const middle = total >> 1;
  return roundHours(total % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2);
}

/** Hours to two decimal places: enough for minutes, and no floating-point dust in answers. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** "12.5 hours", "1 hour". */
export function hoursText(hours: number): string {
  const rounded = roundHours(hours);
  return `${rounded} ${rounded === 1 ? 'hour' : 'hours'}`;
}

/** "12.5 more hours", "1 more hour". */
export function moreHoursText(hours: number): string {
  const rounded = roundHours(hours);
  return `${rounded} more ${rounded === 1 ? 'hour' : 'hours'}`;
}
