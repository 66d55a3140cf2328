// Logging encounters at the scale of a busy academy: a whole year group (300 learners) logged in one call,
// through HTTP with the audit entry and the coverage bookkeeping, and the list of a year's encounters
// (about 300) for the academy.
import { benchAcademy, jsonCalls, random } from './test-data.mjs';
import { addDays, currentAcademicYear, median, percentile, timed } from './shared.mjs';

export const name = 'encounters';

const YEAR_GROUP_SIZE = 300;
const YEAR_GROUPS = [7, 8, 9, 10, 11];
const CLASS_SIZE = 30;
const WHOLE_YEAR_LOGS = 40;
const CLASS_LOGS = 260;
const LIST_READS = 40;

export async function run(context) {
  const json = jsonCalls(context);
  const academicYear = currentAcademicYear();
  const academy = await benchAcademy(context, {
    name: 'Encounters Bench Academy',
    urn: '995101',
    academicYear,
    roster: {
      upnPrefix: '9951',
      surname: 'Bench',
      yearGroups: YEAR_GROUPS,
      perYearGroup: YEAR_GROUP_SIZE,
      classSize: CLASS_SIZE,
    },
  });
  const groups = (
    await context.db.query(`SELECT id FROM learning_group WHERE academy_id = $1 ORDER BY name`, [academy.id])
  ).rows.map((row) => row.id);

  const organisations = [];
  for (const [index, type] of [
    'employer',
    'employer',
    'further_education',
    'higher_education',
    'independent_training_provider',
  ].entries()) {
    organisations.push(
      (await json('/api/organisations', 'POST', { name: `Bench organisation ${index + 1}`, type })).id,
    );
  }
  const next = random(4242);
  const start = `${academicYear}-09-01`;
  // Each log on a day of its own (303 of them, within the academic year): two logs of one day, organisation and
  // learners would be refused as a likely duplicate (409), as the API refuses them for a careers lead.
  let day = 0;
  const body = (label, attendees) => ({
    academyId: academy.id,
    title: `Bench encounter ${label}`,
    date: addDays(start, day++),
    format: 'talk',
    delivery: 'in_person',
    duringSchoolDay: true,
    durationMinutes: 60,
    organisationIds: [organisations[Math.floor(next() * organisations.length)]],
    meaningful: { purposeShared: true, learningOutcomes: true, twoWayInteraction: true, reflection: true },
    attendees,
    absentLearnerIds: [],
  });

  // Warm-up: the first requests pay for connection set-up and query planning.
  for (let index = 0; index < 3; index++) {
    await json('/api/encounters', 'POST', body(`warm-up ${index}`, { groupIds: [groups[index]] }));
  }
  const wholeYearMs = [];
  for (let index = 0; index < WHOLE_YEAR_LOGS; index++) {
    const { ms, result } = await timed(() =>
      json('/api/encounters', 'POST', body(`year ${index}`, { yearGroups: [YEAR_GROUPS[index % 5]] })),
    );
    if (result.attendance.length !== YEAR_GROUP_SIZE)
      throw new Error(`A whole-year log listed ${result.attendance.length} learners.`);
    wholeYearMs.push(ms);
  }
  for (let index = 0; index < CLASS_LOGS - 3; index++) {
    await json(
      '/api/encounters',
      'POST',
      body(`class ${index}`, { groupIds: [groups[index % groups.length]] }),
    );
  }
  await context.db.query('ANALYZE');

  const listPath = `/api/encounters?academyId=${academy.id}&academicYear=${academicYear}&pageSize=500`;
  const listMs = [];
  let listed = 0;
  for (let index = 0; index < LIST_READS + 5; index++) {
    const { ms, result } = await timed(async () => {
      const response = await context.fetch(listPath);
      if (!response.ok) throw new Error(`Listing encounters answered ${response.status}.`);
      return response.json();
    });
    listed = result.items.length;
    if (index >= 5) listMs.push(ms);
  }
  const [{ count: attendances }] = (await context.db.query('SELECT count(*)::int AS count FROM attendance'))
    .rows;

  return [
    {
      metric: `log an encounter with ${YEAR_GROUP_SIZE} attendees (whole year group), median of ${WHOLE_YEAR_LOGS}`,
      value: median(wholeYearMs),
      unit: 'ms',
      target: '≤ 150 ms',
      ok: median(wholeYearMs) <= 150,
    },
    { metric: `log ${YEAR_GROUP_SIZE} attendees, p95`, value: percentile(wholeYearMs, 95), unit: 'ms' },
    {
      metric: `list a year's encounters for an academy (${listed}, ${attendances} attendances), median of ${LIST_READS}`,
      value: median(listMs),
      unit: 'ms',
      target: '≤ 30 ms',
      ok: median(listMs) <= 30,
    },
    { metric: `list a year's encounters, p95`, value: percentile(listMs, 95), unit: 'ms' },
  ];
}
