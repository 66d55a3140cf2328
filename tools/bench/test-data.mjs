// Helpers the scenarios share to make their test data. The product's own rules live in libs/domain; these only
// make valid, repeatable input for the benchmarks (the .mjs harness runs without a TypeScript build).

const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** A UPN from its 12-character body: the DfE check letter (weights 2..13 by position, sum mod 23) first. */
export function upn(body) {
  let sum = 0;
  for (let index = 0; index < 12; index++) sum += Number(body[index]) * (index + 2);
  return UPN_ALPHABET[sum % 23] + body;
}

/** mulberry32, as `seededRandom` in libs/domain: the same sequence for the same seed on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plain roster of invented learners: `perYearGroup` in each of `yearGroups`, in forms of `classSize`
 * (7A, 7B, …), born in the right academic year, with UPN bodies `upnPrefix` + a running number.
 */
export function formsRosterCsv({ academicYear, upnPrefix, surname, yearGroups, perYearGroup, classSize }) {
  const lines = ['UPN,Legal Surname,Legal Forename,DOB,Gender,Year,Reg Group'];
  let index = 0;
  for (const yearGroup of yearGroups) {
    for (let place = 0; place < perYearGroup; place++, index++) {
      lines.push(
        [
          upn(`${upnPrefix}${String(index).padStart(8, '0')}`),
          `${surname}${index}`,
          place % 2 ? 'Sam' : 'Alex',
          `15/03/${academicYear - yearGroup - 4}`,
          place % 2 ? 'F' : 'M',
          String(yearGroup),
          `${yearGroup}${'ABCDEFGHJKLM'[Math.floor(place / classSize)]}`,
        ].join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
