/** A calendar date as 'YYYY-MM-DD'. Kept as a string so that no local timezone can shift it. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True only for a real calendar date: '2025-02-29' is rejected, '2024-02-29' accepted. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Facts of dates already found real, each worked out once: the rules engine asks about the same few hundred
 * dates over and over (a register's recomputation, thousands of times). Bounded: emptied when full.
 */
class KnownDates<T> {
  private readonly known = new Map<string, T>();
  constructor(private readonly work: (date: IsoDate) => T) {}

  get(date: IsoDate): T {
    let found = this.known.get(date);
    if (found === undefined) {
      found = this.work(date);
      if (this.known.size >= 8192) this.known.clear();
      this.known.set(date, found);
    }
    return found;
  }
}

export function parseIsoDate(date: IsoDate): DateParts {
  if (!isIsoDate(date)) throw new RangeError(`Not a date in the form YYYY-MM-DD: ${String(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** {@link parseIsoDate}'s answer as a function of the date alone, remembered (throws as it does). */
export function knownDateFact<T>(fact: (parts: DateParts) => T): (date: IsoDate) => T {
  const known = new KnownDates((date) => fact(parseIsoDate(date)));
  return (date) => known.get(date);
}

export function toIsoDate(parts: DateParts): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

const toUtcDayNumber = knownDateFact(({ year, month, day }) => Date.UTC(year, month - 1, day) / 86_400_000);

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toUtcDayNumber(to) - toUtcDayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const shifted = new Date((toUtcDayNumber(date) + days) * 86_400_000);
  return toIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** ISO dates compare correctly as strings; this only guards against malformed input. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lastDayOfFebruary(year: number): IsoDate {
  return toIsoDate({ year, month: 2, day: daysInMonth(year, 2) });
}

/** British short form used in "still needed" texts: '2027-08-31' => '31 Aug 2027'. */
export function formatBritishDate(date: IsoDate): string {
  return britishDate(date);
}
const britishDate = knownDateFact(
  ({ year, month, day }) => `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`,
);

/**
 * Today's date in England, the default as-at date. Taken in Europe/London rather than UTC because
 * between midnight and 1 am in summer the UTC date is still yesterday.
 */
export function todayIsoDate(now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate({ year: part('year'), month: part('month'), day: part('day') });
}
