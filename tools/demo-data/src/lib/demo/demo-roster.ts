import { type AcademicYear, type AcademyPhase, upnCheckLetter } from '@encounters/domain';
import { seededRandom } from '../seeded-random';

/** The groups of Kilnside Academy that the demo teacher (teacher@demo.encounters) teaches. */
export const DEMO_TEACHER_ACADEMY_URN = '900001';
export const DEMO_TEACHER_GROUPS = ['9A', '11B'];

const YEAR_GROUPS_BY_PHASE: Partial<Record<AcademyPhase, number[]>> = {
  secondary: [7, 8, 9, 10, 11],
  all_through: [7, 8, 9, 10, 11, 12, 13],
  sixth_form: [12, 13],
  middle: [5, 6, 7, 8],
};
const FORMS = ['A', 'B', 'C', 'D', 'E'];

// Invented for the demo: common given names and surnames, combined at random.
// prettier-ignore
export const DEMO_FORENAMES = [
  'Amelia', 'Oliver', 'Isla', 'Noah', 'Ava', 'Leo', 'Mia', 'Arthur', 'Ivy', 'Oscar', 'Freya', 'Theo',
  'Aisha', 'Mohammed', 'Zara', 'Yusuf', 'Priya', 'Arjun', 'Chloe', 'Jack', 'Ruby', 'Harry', 'Grace',
  'George', 'Poppy', 'Alfie', 'Evie', 'Charlie', 'Lily', 'Jacob', 'Sofia', 'Kacper', 'Zofia', 'Tomasz',
  'Amara', 'Kwame', 'Ellie', 'Finley', 'Hannah', 'Reuben', 'Maya', 'Elliot', 'Nia', 'Rhys', 'Ayesha',
  'Bilal', 'Daisy', 'Logan', 'Erin', 'Kai',
];
// prettier-ignore
export const DEMO_SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson',
  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Hughes', 'Khan',
  'Begum', 'Ali', 'Hussain', 'Kowalski', 'Nowak', 'Okafor', 'Mensah', 'Clarke', 'Turner', 'Hill',
  'Cooper', 'Ward', 'Morris', 'Moore', 'Lee', 'Harris', 'Martin', 'Jackson', 'Baker', 'Shaw', 'Bennett',
  'Price', 'Bailey', 'Mason', 'Fletcher', 'Chadwick', 'Bourne', 'Salt', 'Wedgwood',
];
// prettier-ignore
const SHORT_NAMES: Record<string, string> = {
  Oliver: 'Ollie', Alfie: 'Alf', Jacob: 'Jake', Charlie: 'Charlie', Zofia: 'Zosia', Elliot: 'Eli',
  Mohammed: 'Mo', Hannah: 'Annie', Finley: 'Finn', Theo: 'Teddy',
};

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * A demo UPN with its correct check letter, under a local-authority code (990) that no real authority uses:
 * the academy's URN, the year the learner's cohort started school (their academic year minus their year
 * group) and a serial. Rosters number their learners from 1; the leavers of earlier years from 600.
 */
export function demoUpn(urn: string, cohortYear: number, serial: number): string {
  const body = `990${urn.slice(2)}${pad(cohortYear % 100, 2)}${pad(serial, 3)}`;
  return `${upnCheckLetter(body)}${body}`;
}

function britishDate(year: number, month: number, day: number): string {
  return `${pad(day, 2)}/${pad(month, 2)}/${year}`;
}

/**
 * A fictional MIS export (SIMS-style headers, DD/MM/YYYY dates) for one demo academy and year: five forms
 * per year group that the academy's phase teaches, about 25 learners each, UPNs with correct check letters
 * under a local-authority code (990) that no real authority uses. Null for a phase with no secondary years.
 */
export function demoRosterCsv(
  academy: { urn: string; phase: AcademyPhase },
  academicYear: AcademicYear,
): string | null {
  const yearGroups = YEAR_GROUPS_BY_PHASE[academy.phase];
  if (!yearGroups) return null;
  const next = seededRandom(Number(academy.urn) * 7919 + academicYear);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const lines = [
    'UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg Group,PP,SEN Status,EAL,In Care,HE Intent,Admission Date',
  ];
  const firstYear = yearGroups[0];
  for (const yearGroup of yearGroups) {
    // Born 1 September .. 31 August so as to be in this year group in this academic year (R-AY-2).
    const birthYear = academicYear - yearGroup - 5;
    let serial = 0;
    for (const form of FORMS) {
      const size = 23 + Math.floor(next() * 5);
      for (let seat = 0; seat < size; seat++) {
        serial++;
        const upn = demoUpn(academy.urn, birthYear + 5, serial);
        const forename = pick(DEMO_FORENAMES);
        const dayOfYear = Math.floor(next() * 365);
        const born = new Date(Date.UTC(birthYear, 8, 1 + dayOfYear));
        const gender = next() < 0.49 ? 'F' : next() < 0.97 ? 'M' : '';
        const sen = next();
        const joined = academicYear - (yearGroup - firstYear);
        lines.push(
          [
            upn,
            pick(DEMO_SURNAMES),
            forename,
            next() < 0.08 && SHORT_NAMES[forename] ? SHORT_NAMES[forename] : '',
            britishDate(born.getUTCFullYear(), born.getUTCMonth() + 1, born.getUTCDate()),
            gender,
            `Year ${yearGroup}`,
            `${yearGroup}${form}`,
            next() < 0.26 ? 'Y' : 'N',
            sen < 0.025 ? 'E' : sen < 0.14 ? 'K' : 'N',
            next() < 0.16 ? 'Y' : 'N',
            next() < 0.01 ? 'Y' : 'N',
            yearGroup >= 10 && next() < (yearGroup >= 12 ? 0.55 : 0.3) ? 'Y' : 'N',
            britishDate(joined, 9, yearGroup === firstYear ? 1 : 1 + Math.floor(next() * 3)),
          ].join(','),
        );
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
