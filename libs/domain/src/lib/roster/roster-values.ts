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

const MONTH_BY_ABBREVIATION: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, index) => [
    [name.toLowerCase(), index + 1] as const,
    [name.slice(0, 3).toLowerCase(), index + 1] as const,
  ]).concat([['sept', 9] as const]),
);

/** 12/04/2014, 12-04-2014, 12.04.2014 (day first, as English MIS exports and Excel write them). */
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
/** 2014-04-12, also the date of an ISO date-time. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 12 Apr 2014, 12 April 2014, 12-Apr-2014 (Excel's "d-mmm-yyyy"). */
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})[\s/-]+([a-z]{3,9})[\s/-]+(\d{4})$/i;
/**
 * A time after the date: "T00:00:00.000Z" (JSON, Arbor), " 00:00:00.000000" (Wonde), " 00:00" (Excel).
 * Only midnight is a date; any offset is ignored because a midnight is midnight where it was written.
 */
const TIME_OF_DAY = /^(.*?)(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/i;

/**
 * Reads a date as MIS exports and spreadsheets write it into ISO YYYY-MM-DD: DD/MM/YYYY, DD-MM-YYYY,
 * DD.MM.YYYY, D MMM YYYY, YYYY-MM-DD, and any of these with a midnight time. Day-first because English
 * MIS exports are; a date that does not exist (31/02/2012) is refused rather than rolled into the next
 * month, and a time other than midnight is refused rather than guessed into a day.
 */
export function parseRosterDate(cell: string): RosterValueResult<string> {
  let text = cell.trim();
  const timed = TIME_OF_DAY.exec(text);
  if (timed && timed[1] !== '') {
    if (Number(timed[2]) !== 0 || Number(timed[3]) !== 0 || Number(timed[4] ?? 0) !== 0) {
      return { ok: false, reason: 'has a time of day: only a date, or a date at midnight, can be read' };
    }
    text = timed[1].trim();
  }
  const parts = readDateParts(text);
  if (!parts) {
    return {
      ok: false,
      reason: 'is not a date in the form DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, D MMM YYYY or YYYY-MM-DD',
    };
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

/**
 * Databases behind some MIS write a far-future date where a learner has no leaving date: 2079-06-06 is the
 * last day of SQL Server's smalldatetime, 9999-12-31 the last of datetime. No learner leaves that late.
 */
export const ROSTER_NO_DATE_FROM = '2079-01-01';

/** Reads a leaving date; a sentinel far-future date (see {@link ROSTER_NO_DATE_FROM}) means none (null). */
export function parseRosterLeavingDate(cell: string): RosterValueResult<string | null> {
  const result = parseRosterDate(cell);
  if (result.ok && result.value >= ROSTER_NO_DATE_FROM) return { ok: true, value: null };
  return result;
}

const YEAR_GROUP = /^(?:year|yr|y)?\s*(\d{1,2})$/i;

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

const TRUE_WORDS = new Set(['y', 'yes', 'true', 't', '1', 'eligible']);
const FALSE_WORDS = new Set(['n', 'no', 'false', 'f', '0', 'not eligible']);

/** Reads a yes/no flag; a blank cell means the flag is not set, as MIS exports leave it empty. */
export function parseRosterFlag(cell: string): RosterValueResult<boolean> {
  const word = cell.trim().toLowerCase();
  if (word === '' || FALSE_WORDS.has(word)) return { ok: true, value: false };
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  return { ok: false, reason: 'is not a yes/no value: expected Y/N, Yes/No, True/False, T/F or 1/0' };
}

/**
 * SEN provision as MIS exports write it, codes or descriptions: the current codes N, K and E; the codes
 * they replaced in 2014 (S statement → E; A School Action and P School Action Plus → K); and the words.
 */
const SEN_BY_WORDS: readonly (readonly [RegExp, SenStatusCode])[] = [
  [
    /^(?:s|statement|statemented|statement of sen.*|ehc ?p|ehc plan|education,? health and care plan.*)$/,
    'E',
  ],
  [/^(?:a|p|sen support|school action|school action plus|support)$/, 'K'],
  [/^(?:none|no sen|no special educational needs?.*|not sen)$/, 'N'],
];

/** Reads a SEN status, code or description; a blank cell means no special educational need (N). */
export function parseRosterSenStatus(cell: string): RosterValueResult<SenStatusCode> {
  const code = cell.trim().toUpperCase();
  if (code === '') return { ok: true, value: 'N' };
  if ((SEN_STATUS_CODES as readonly string[]).includes(code))
    return { ok: true, value: code as SenStatusCode };
  const words = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = SEN_BY_WORDS.find(([pattern]) => pattern.test(words));
  if (match) return { ok: true, value: match[1] };
  return {
    ok: false,
    reason:
      'is not a SEN status: expected N, K or E, or "No special educational need", "SEN support" or "EHC plan" (blank means N)',
  };
}

const NOT_RECORDED_GENDERS = new Set(['u', 'unknown', 'not known', 'not recorded']);

/**
 * M / Male / Boy and F / Female / Girl become "M" and "F" so that breakdowns group them; U and "Unknown" (the
 * DfE's code for not known) mean not recorded (null), as a blank does. Any other value is kept as the MIS gave
 * it, because the product records gender, it does not judge it.
 */
export function normaliseRosterGender(cell: string): string | null {
  const text = cell.trim();
  const word = text.toLowerCase();
  if (word === '' || NOT_RECORDED_GENDERS.has(word)) return null;
  if (word === 'm' || word === 'male' || word === 'boy') return 'M';
  if (word === 'f' || word === 'female' || word === 'girl') return 'F';
  return text;
}

function readDateParts(text: string): { year: number; month: number; day: number } | null {
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) return { year: Number(dayFirst[3]), month: Number(dayFirst[2]), day: Number(dayFirst[1]) };
  const yearFirst = ISO_DATE.exec(text);
  if (yearFirst)
    return { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) };
  const named = DAY_MONTH_NAME_YEAR.exec(text);
  const month = named ? MONTH_BY_ABBREVIATION.get(named[2].toLowerCase()) : undefined;
  if (named && month) return { year: Number(named[3]), month, day: Number(named[1]) };
  return null;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
