/**
 * Readers for single roster cells. Each takes the cell as written and gives either the normalised value
 * or the reason it cannot be read, phrased to finish a sentence about that cell.
 */

export type RosterValueResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export const SEN_STATUS_CODES = ['N', 'K', 'E'] as const;
/** N = no special educational need, K = SEN support, E = education, health and care plan. */
export type SenStatusCode = (typeof SEN_STATUS_CODES)[number];

export const MIN_YEAR_GROUP = 1;
export const MAX_YEAR_GROUP = 14;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads DD/MM/YYYY, D/M/YYYY or YYYY-MM-DD into ISO YYYY-MM-DD. Day-first because English MIS exports
 * are; a date that does not exist (31/02/2012) is refused rather than rolled into the next month.
 */
export function parseRosterDate(cell: string): RosterValueResult<string> {
  const parts = readDateParts(cell.trim());
  if (!parts) {
    return { ok: false, reason: 'is not a date in the form DD/MM/YYYY, D/M/YYYY or YYYY-MM-DD' };
  }
  const { year, month, day } = parts;
  if (month < 1 || month > 12) {
    return { ok: false, reason: `is not a real date: there is no month ${month}` };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return {
      ok: false,
      reason: `is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth} days`,
    };
  }
  return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

const YEAR_GROUP = /^(?:year|y)?\s*(\d{1,2})$/i;

/** Reads "7", "07", "Y7" or "Year 7" as National Curriculum year 7. Reception and nursery are out of scope. */
export function parseRosterYearGroup(cell: string): RosterValueResult<number> {
  const match = YEAR_GROUP.exec(cell.trim());
  if (!match) {
    return { ok: false, reason: 'is not a year group: expected a number such as "7", "Y7" or "Year 7"' };
  }
  const yearGroup = Number(match[1]);
  if (yearGroup < MIN_YEAR_GROUP || yearGroup > MAX_YEAR_GROUP) {
    return {
      ok: false,
      reason: `is not a year group: it must be between ${MIN_YEAR_GROUP} and ${MAX_YEAR_GROUP}`,
    };
  }
  return { ok: true, value: yearGroup };
}

const TRUE_WORDS = new Set(['y', 'yes', 'true', 't', '1']);
const FALSE_WORDS = new Set(['n', 'no', 'false', 'f', '0']);

/** Reads a yes/no flag; a blank cell means the flag is not set, as MIS exports leave it empty. */
export function parseRosterFlag(cell: string): RosterValueResult<boolean> {
  const word = cell.trim().toLowerCase();
  if (word === '' || FALSE_WORDS.has(word)) return { ok: true, value: false };
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  return { ok: false, reason: 'is not a yes/no value: expected Y/N, Yes/No, True/False, T/F or 1/0' };
}

/** Reads a SEN status code; a blank cell means no special educational need (N). */
export function parseRosterSenStatus(cell: string): RosterValueResult<SenStatusCode> {
  const code = cell.trim().toUpperCase();
  if (code === '') return { ok: true, value: 'N' };
  if ((SEN_STATUS_CODES as readonly string[]).includes(code))
    return { ok: true, value: code as SenStatusCode };
  return { ok: false, reason: 'is not a SEN status: expected N, K or E (blank means N)' };
}

/**
 * M / Male and F / Female become "M" and "F" so that breakdowns group them; any other value is kept as the
 * MIS gave it, because the product records gender, it does not judge it. Blank means not recorded (null).
 */
export function normaliseRosterGender(cell: string): string | null {
  const text = cell.trim();
  const word = text.toLowerCase();
  if (word === '') return null;
  if (word === 'm' || word === 'male') return 'M';
  if (word === 'f' || word === 'female') return 'F';
  return text;
}

function readDateParts(text: string): { year: number; month: number; day: number } | null {
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) return { year: Number(dayFirst[3]), month: Number(dayFirst[2]), day: Number(dayFirst[1]) };
  const yearFirst = ISO_DATE.exec(text);
  if (yearFirst)
    return { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) };
  return null;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
