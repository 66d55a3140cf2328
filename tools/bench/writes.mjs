// Writes that must not stall the readers (issue 20): taking a class register, `PUT /api/encounters/{id}/attendance`
// for a class of about 30, one writer at a time and ten at once, and the class view read while four clients
// write. Runs on whatever the harness loaded: with `--preset trust` (or `hub`) the classes are the generated
// trust's Year 9 forms, with five years of history each; without a preset, a bench academy of its own.
import { readFile } from 'node:fs/promises';
import { benchAcademy, jsonCalls, random } from './test-data.mjs';
import { currentAcademicYear, median, percentile } from './shared.mjs';

export const name = 'writes';

const CLASS_SIZE = 30;
const FORMS = 12;
const SEQUENTIAL_WRITES = 60;
const CONCURRENT_WRITERS = 10;
const CONCURRENT_SECONDS = 8;
const READERS_WHILE_WRITING = 4;
/** Reads of the class view alone and again while clients write: a p99 of 1,000 is the tenth slowest, not the third. */
const CLASS_VIEW_READS = 1000;
/** Clock ticks of /proc/<pid>/stat (USER_HZ): 100 on Linux. */
const TICKS_PER_SECOND = 100;

/** CPU time the process has used so far, user and system, in milliseconds. */
async function cpuMs(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export async function run(context) {
  const json = jsonCalls(context);

  let academicYear;
  let forms;
  if (context.preset && context.preset !== 'demo') {
    academicYear = 2025;
    // The generated trust's largest Year 9 forms, spread over its academies.
    forms = (
      await context.db.query(
        `SELECT g.id, g.academy_id FROM learning_group g JOIN enrolment e ON e.registration_group_id = g.id
          WHERE g.academic_year = $1 AND g.year_group = 9
          GROUP BY g.id ORDER BY count(*) DESC, g.id LIMIT $2`,
        [academicYear, FORMS],
      )
    ).rows;
  } else {
    academicYear = currentAcademicYear();
    const academy = await benchAcademy(context, {
      name: 'Writes Bench Academy',
      urn: '995201',
      academicYear,
      roster: {
        upnPrefix: '9952',
        surname: 'Writer',
        yearGroups: [9],
        perYearGroup: FORMS * CLASS_SIZE,
        classSize: CLASS_SIZE,
      },
    });
    forms = (
      await context.db.query(
        `SELECT id, academy_id FROM learning_group WHERE academy_id = $1 ORDER BY name`,
        [academy.id],
      )
    ).rows;
  }
  const organisation = await json('/api/organisations', 'POST', {
    name: 'Writes bench employer',
    type: 'employer',
  });
  const asAt = `${academicYear + 1}-03-31`;
  const next = random(2020);

  // One encounter per form: the register each writer takes again and again.
  const registers = [];
  for (const [index, form] of forms.entries()) {
    const encounter = await json('/api/encounters', 'POST', {
      academyId: form.academy_id,
      title: `Writes bench talk ${index + 1}`,
      date: `${academicYear + 1}-0${1 + (index % 3)}-1${index % 10}`,
      format: 'talk',
      delivery: 'in_person',
      duringSchoolDay: true,
      durationMinutes: 60,
      organisationIds: [organisation.id],
      meaningful: { purposeShared: true, learningOutcomes: true, twoWayInteraction: true, reflection: true },
      attendees: { groupIds: [form.id] },
      absentLearnerIds: [],
    });
    registers.push({ id: encounter.id, learners: encounter.attendance.map((row) => row.learnerId), form });
  }
  const learnersPerClass = median(registers.map((register) => register.learners.length));
  await context.db.query('ANALYZE');

  /** Takes the register again with two learners' marks changed: their progress changes, the others' not. */
  const takeRegister = (register) => {
    const absent = new Set(
      [0, 1].map(() => register.learners[Math.floor(next() * register.learners.length)]),
    );
    return json(
      `/api/encounters/${register.id}/attendance`,
      'PUT',
      register.learners.map((learnerId) => ({
        learnerId,
        status: absent.has(learnerId) ? 'absent' : 'attended',
      })),
    );
  };
  const classView = (register) =>
    `/api/coverage/learners?scope=group&id=${register.form.id}&academicYear=${academicYear}&asAt=${asAt}`;
  const readClassView = async (register) => {
    const started = performance.now();
    const response = await context.fetch(classView(register));
    if (!response.ok) throw new Error(`The class view answered ${response.status}.`);
    await response.arrayBuffer();
    return performance.now() - started;
  };

  // One writer: latency and the API's own CPU per write.
  for (let warm = 0; warm < 5; warm++) await takeRegister(registers[warm % registers.length]);
  const sequential = [];
  const cpuBefore = await cpuMs(context.pid);
  for (let index = 0; index < SEQUENTIAL_WRITES; index++) {
    const started = performance.now();
    await takeRegister(registers[index % registers.length]);
    sequential.push(performance.now() - started);
  }
  const cpuPerWrite = ((await cpuMs(context.pid)) - cpuBefore) / SEQUENTIAL_WRITES;

  // Ten writers at once, each on a form of its own, for a fixed time.
  const concurrent = [];
  const until = performance.now() + CONCURRENT_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENT_WRITERS }, async (_, writer) => {
      while (performance.now() < until) {
        const started = performance.now();
        await takeRegister(registers[writer % registers.length]);
        concurrent.push(performance.now() - started);
      }
    }),
  );
  const writesPerSecond = concurrent.length / CONCURRENT_SECONDS;

  // The class view alone, then while four clients write (to other forms).
  const reader = registers.at(-1);
  for (let warm = 0; warm < 10; warm++) await readClassView(reader);
  const idle = [];
  for (let index = 0; index < CLASS_VIEW_READS; index++) idle.push(await readClassView(reader));
  const busy = [];
  let writing = true;
  const writers = Array.from({ length: READERS_WHILE_WRITING }, async (_, writer) => {
    while (writing) await takeRegister(registers[writer % (registers.length - 1)]);
  });
  for (let index = 0; index < CLASS_VIEW_READS; index++) busy.push(await readClassView(reader));
  writing = false;
  await Promise.all(writers);
  const slowdown = percentile(busy, 99) / percentile(idle, 99);

  return [
    {
      metric: `take a class register (PUT attendance, ${learnersPerClass} learners), median of ${SEQUENTIAL_WRITES}`,
      value: median(sequential),
      unit: 'ms',
      target: '≤ 40 ms',
      ok: median(sequential) <= 40,
    },
    {
      metric: 'take a class register: API CPU per write (user + system)',
      value: cpuPerWrite,
      unit: 'ms',
      target: '≤ 15 ms',
      ok: cpuPerWrite <= 15,
    },
    {
      metric: `class registers taken by ${CONCURRENT_WRITERS} writers at once, per second`,
      value: writesPerSecond,
      unit: 'writes/s',
      target: '≥ 60',
      ok: writesPerSecond >= 60,
    },
    {
      metric: `class register with ${CONCURRENT_WRITERS} writers, median / p99`,
      value: `${median(concurrent).toFixed(1)} / ${percentile(concurrent, 99).toFixed(1)}`,
      unit: 'ms',
    },
    { metric: 'class view p99, idle', value: percentile(idle, 99), unit: 'ms' },
    {
      metric: `class view p99 while ${READERS_WHILE_WRITING} clients write`,
      value: percentile(busy, 99),
      unit: 'ms',
    },
    {
      metric: `class view p99: while ${READERS_WHILE_WRITING} clients write ÷ idle`,
      value: slowdown,
      unit: '×',
      target: '≤ 3',
      ok: slowdown <= 3,
    },
  ];
}
