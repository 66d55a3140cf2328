import { DateWindow, IsoDate, daysBetween, formatBritishDate } from '../calendar';
import { RuleStatus } from './rule';

/**
 * R-S-1 / R-S-2 for a rule that applies: met, else missed once the window's last day has passed, else
 * at risk when that day is `atRiskDays` or fewer away (122 => from 1 May for a window closing 31 August),
 * else on track.
 */
export function ruleStatus(met: boolean, window: DateWindow, asAt: IsoDate, atRiskDays: number): RuleStatus {
  if (met) return 'met';
  const daysLeft = daysBetween(asAt, window.end);
  if (daysLeft < 0) return 'missed';
  return daysLeft <= atRiskDays ? 'at_risk' : 'on_track';
}

/**
 * The "still needed" sentence: "1 more workplace experience by 31 Aug 2027" while the window is open,
 * "Missed on 31 Aug 2025: 1 more workplace experience needed" once it has closed.
 */
export function stillNeededText(
  shortfalls: readonly string[],
  window: DateWindow,
  status: RuleStatus,
): string | null {
  if (status === 'met' || status === 'not_applicable' || !shortfalls.length) return null;
  const what = joinInEnglish(shortfalls);
  const when = formatBritishDate(window.end);
  return status === 'missed' ? `Missed on ${when}: ${what} needed` : `${what} by ${when}`;
}

/** "a", "a and b", "a, b and c" (no Oxford comma, as in British usage). */
export function joinInEnglish(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "2 workplace experiences" when none are held yet, "1 more workplace experience" when some are. */
export function countShortfall(
  have: number,
  required: number,
  noun: { one: string; many: string },
): string | null {
  const missing = required - have;
  if (missing <= 0) return null;
  return `${missing}${have > 0 ? ' more' : ''} ${missing === 1 ? noun.one : noun.many}`;
}
