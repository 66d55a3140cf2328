// Roster import at the scale of a large trust: a 10,000-learner MIS export through the HTTP API (dry run,
// commit, re-import of the same file), the API's peak memory, and learner search over 50,000 learners.
import { random, upn } from './test-data.mjs';
import { currentAcademicYear, median, percentile, timed } from './shared.mjs';

export const name = 'roster';

const LEARNERS_PER_FILE = 10_000;
const ACADEMIES = 5;
const SEARCHES = 50;

const FORENAMES = [
  'Amelia',
  'Oliver',
  'Isla',
  'Noah',
  'Ava',
  'Leo',
  'Mia',
  'Arthur',
  'Ivy',
  'Oscar',
  'Freya',
  'Theo',
  'Aisha',
  'Mohammed',
  'Zara',
  'Yusuf',
  'Priya',
  'Arjun',
  'Chloe',
  'Jack',
  'Ruby',
  'Harry',
  'Grace',
  'George',
  'Poppy',
  'Alfie',
  'Evie',
  'Charlie',
  'Lily',
  'Jacob',
  'Sofia',
  'Kacper',
  'Zofia',
  'Tomasz',
];
const SURNAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Hughes',
  'Khan',
  'Begum',
  'Ali',
  'Hussain',
  'Kowalski',
  'Nowak',
  'Okafor',
  'Mensah',
  'Clarke',
  'Turner',
];

/** A SIMS-style export of `count` learners in years 7..13, with invented names that repeat like real ones. */
function rosterCsv(academyIndex, academicYear, count) {
  const next = random(academyIndex * 104_729 + academicYear);
  const pick = (values) => values[Math.floor(next() * values.length)];
  const lines = [
    'UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg Group,PP,SEN Status,EAL,In Care,HE Intent',
  ];
  for (let index = 0; index < count; index++) {
    const yearGroup = 7 + (index % 7);
    const birthYear = academicYear - yearGroup - 5;
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    const bornYear = month >= 9 ? birthYear : birthYear + 1;
    const body = `99${academyIndex}0${String(index).padStart(8, '0')}`;
    const sen = next();
    lines.push(
      [
        upn(body),
        // Suffix letters make surnames distinct enough for a search to narrow, as in a real trust.
        `${pick(SURNAMES)}${next() < 0.5 ? '' : `-${pick(SURNAMES)}`}`,
        pick(FORENAMES),
        next() < 0.05 ? pick(FORENAMES) : '',
        `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${bornYear}`,
        next() < 0.5 ? 'F' : 'M',
        `Year ${yearGroup}`,
        `${yearGroup}${'ABCDEFGHJK'[Math.floor(index / 7) % 10]}`,
        next() < 0.26 ? 'Y' : 'N',
        sen < 0.025 ? 'E' : sen < 0.14 ? 'K' : 'N',
        next() < 0.16 ? 'Y' : 'N',
        next() < 0.01 ? 'Y' : 'N',
        yearGroup >= 12 && next() < 0.5 ? 'Y' : 'N',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function run(context) {
  const academicYear = currentAcademicYear();
  const academyIds = [];
  for (let index = 0; index < ACADEMIES; index++) {
    const response = await context.fetch('/api/academies', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Bench Academy ${index + 1}`,
        urn: `99000${index + 1}`,
        phase: 'all_through',
      }),
    });
    if (!response.ok) throw new Error(`Creating a bench academy failed with ${response.status}.`);
    academyIds.push((await response.json()).id);
  }

  const importFile = async (academyId, csv, dryRun) => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
    const response = await context.fetch(
      `/api/academies/${academyId}/roster?academicYear=${academicYear}&dryRun=${dryRun}`,
      { method: 'POST', body: form },
    );
    const body = await response.json();
    if (!response.ok) throw new Error(`Roster import answered ${response.status}: ${body.message}`);
    return body;
  };

  const idleMb = await context.rssMb();
  const csv = rosterCsv(1, academicYear, LEARNERS_PER_FILE);
  context.log(`file: ${LEARNERS_PER_FILE} learners, ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
  const dryRun = await timed(() => importFile(academyIds[0], csv, true));
  const commit = await timed(() => importFile(academyIds[0], csv, false));
  const reimport = await timed(() => importFile(academyIds[0], csv, false));
  const expect = (label, body, created, unchanged) => {
    if (body.created !== created || body.unchanged !== unchanged || body.rejected !== 0)
      throw new Error(
        `${label}: unexpected answer ${JSON.stringify({ ...body, missingLearners: undefined })}`,
      );
  };
  // VmHWM is the peak since the process started, so this is the peak up to the end of the three imports.
  const importPeakMb = await context.peakRssMb();
  expect('dry run', dryRun.result, LEARNERS_PER_FILE, 0);
  expect('commit', commit.result, LEARNERS_PER_FILE, 0);
  expect('re-import', reimport.result, 0, LEARNERS_PER_FILE);

  // Four more academies' files bring the trust to 50,000 learners (plus the demo trust's own).
  const otherCommits = [];
  for (let index = 1; index < ACADEMIES; index++) {
    const file = rosterCsv(index + 1, academicYear, LEARNERS_PER_FILE);
    otherCommits.push((await timed(() => importFile(academyIds[index], file, false))).ms);
  }
  const loadedPeakMb = await context.peakRssMb();

  const [{ count: learners }] = (await context.db.query('SELECT count(*)::int AS count FROM learner')).rows;
  await context.db.query('ANALYZE');
  const upns = (await context.db.query(`SELECT upn FROM learner ORDER BY md5(upn) LIMIT ${SEARCHES}`)).rows;
  const queries = [];
  const next = random(7);
  for (let index = 0; index < SEARCHES; index++) {
    const kind = index % 5;
    const surname = SURNAMES[Math.floor(next() * SURNAMES.length)];
    const forename = FORENAMES[Math.floor(next() * FORENAMES.length)];
    if (kind === 0) queries.push(surname.slice(0, 4).toLowerCase());
    else if (kind === 1) queries.push(`${forename} ${surname}`);
    else if (kind === 2) queries.push(upns[index].upn);
    else if (kind === 3) queries.push(upns[index].upn.slice(4, 11));
    else queries.push(`${forename.slice(0, 3)} ${surname.slice(0, 3)}`);
  }
  // One warm-up pass, then the measured one.
  for (const q of queries.slice(0, 5)) await context.fetch(`/api/learners?q=${encodeURIComponent(q)}`);
  const searchMs = [];
  for (const q of queries) {
    const { ms, result } = await timed(() =>
      context.fetch(`/api/learners?q=${encodeURIComponent(q)}&pageSize=50`),
    );
    if (!result.ok) throw new Error(`Search answered ${result.status}.`);
    await result.arrayBuffer();
    searchMs.push(ms);
  }

  return [
    {
      metric: `dry run, ${LEARNERS_PER_FILE} new learners`,
      value: dryRun.ms,
      unit: 'ms',
      target: '≤ 3000 ms',
      ok: dryRun.ms <= 3000,
    },
    {
      metric: `commit, ${LEARNERS_PER_FILE} new learners`,
      value: commit.ms,
      unit: 'ms',
      target: '≤ 5000 ms',
      ok: commit.ms <= 5000,
    },
    {
      metric: 're-import, same file (no changes)',
      value: reimport.ms,
      unit: 'ms',
      target: '≤ 3000 ms',
      ok: reimport.ms <= 3000,
    },
    { metric: `commit, 4 more files (median)`, value: median(otherCommits), unit: 'ms' },
    { metric: 'API memory before the imports (VmRSS)', value: idleMb, unit: 'MB' },
    {
      metric: 'API peak memory to the end of the 10,000 import (VmHWM)',
      value: importPeakMb,
      unit: 'MB',
      target: '≤ 300 MB',
      ok: importPeakMb <= 300,
    },
    { metric: 'API peak memory after 4 more 10,000 commits (VmHWM)', value: loadedPeakMb, unit: 'MB' },
    {
      metric: `learner search over ${learners} learners, median`,
      value: median(searchMs),
      unit: 'ms',
      target: '≤ 20 ms',
      ok: median(searchMs) <= 20,
    },
    { metric: `learner search, p95 of ${SEARCHES}`, value: percentile(searchMs, 95), unit: 'ms' },
  ];
}
