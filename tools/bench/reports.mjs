// The reports of issue 8 at trust scale (`npm run bench -- reports --preset trust`: 20 academies, 24,000
// learners): the trust-wide compliance CSV, streamed (time to the first byte, total, and the API's memory while
// it streams), the trust-wide compliance PDF, and one learner's careers record PDF. Times are from the client,
// after one warm-up of each kind (connection set-up, query plans, pdfmake's fonts). Without `--preset trust`
// the figures are printed without targets.
import { median, percentile } from './shared.mjs';
export const name = 'reports';

const CSV_ROUNDS = 3;
const PDF_ROUNDS = 3;
const LEARNER_ROUNDS = 20;

/** Reads a streamed answer chunk by chunk: first-byte and total times, bytes and lines, and the API's RSS. */
async function download(context, path) {
  let peakRss = await context.rssMb();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakRss = Math.max(peakRss, await context.rssMb());
      await new Promise((resolveWait) => setTimeout(resolveWait, 20));
    }
  })();
  const started = performance.now();
  const response = await context.fetch(path);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  let firstByteMs = null;
  let firstRowMs = null;
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstByteMs ??= performance.now() - started;
    bytes += value.length;
    for (const byte of value) if (byte === 0x0a) lines += 1;
    // The second line is the first learner's: the header goes out before the query has answered.
    if (lines >= 2) firstRowMs ??= performance.now() - started;
  }
  const totalMs = performance.now() - started;
  sampling = false;
  await sampler;
  return {
    firstByteMs,
    firstRowMs,
    totalMs,
    bytes,
    lines,
    peakRss,
    contentType: response.headers.get('content-type'),
  };
}

export async function run(context) {
  const atScale = context.preset === 'trust';
  if (!atScale)
    context.log('reports: targets apply to the trust preset only (npm run bench -- reports --preset trust)');
  const [{ year }] = (await context.db.query('SELECT max(academic_year)::int AS year FROM enrolment')).rows;
  const today = new Date().toISOString().slice(0, 10);
  const asAt = `${year + 1}-07-31` < today ? `${year + 1}-07-31` : today;
  const [{ learners }] = (
    await context.db.query(
      `SELECT count(*)::int AS learners FROM enrolment e
         JOIN learner_progress p ON p.learner_id = e.learner_id AND p.academic_year = e.academic_year AND p.academy_id = e.academy_id
        WHERE e.academic_year = $1`,
      [year],
    )
  ).rows;
  const [{ academies }] = (
    await context.db.query(
      'SELECT count(DISTINCT academy_id)::int AS academies FROM enrolment WHERE academic_year = $1',
      [year],
    )
  ).rows;
  const sample = (
    await context.db.query(
      `SELECT learner_id AS id FROM enrolment WHERE academic_year = $1 ORDER BY md5(learner_id::text) LIMIT $2`,
      [year, LEARNER_ROUNDS + 1],
    )
  ).rows.map((row) => row.id);
  const query = `academicYear=${year}&asAt=${asAt}`;
  context.log(
    `reports: ${learners} learners in ${academies} academies, ${year}/${(year + 1) % 100} as at ${asAt}`,
  );

  const rssBefore = await context.rssMb();
  // A warm-up of each kind before it is timed; the CSV goes first so that its memory is not the PDF's.
  await download(context, `/api/reports/compliance?${query}&format=csv`);
  const csvRuns = [];
  for (let round = 0; round < CSV_ROUNDS; round += 1) {
    csvRuns.push(await download(context, `/api/reports/compliance?${query}&format=csv`));
  }
  const csvLast = csvRuns.at(-1);
  if (!csvLast.contentType?.startsWith('text/csv'))
    throw new Error(`The CSV came as ${csvLast.contentType}.`);
  await download(context, `/api/reports/compliance?${query}&format=pdf`);
  await download(context, `/api/reports/learners/${sample[0]}?${query}&format=pdf`);
  const pdfRuns = [];
  for (let round = 0; round < PDF_ROUNDS; round += 1) {
    pdfRuns.push(await download(context, `/api/reports/compliance?${query}&format=pdf`));
  }
  const learnerMs = [];
  for (const id of sample.slice(1)) {
    learnerMs.push((await download(context, `/api/reports/learners/${id}?${query}&format=pdf`)).totalMs);
  }
  const peakDuringCsv = Math.max(...csvRuns.map((run) => run.peakRss));
  const csvTotal = median(csvRuns.map((run) => run.totalMs));
  const csvFirstByte = median(csvRuns.map((run) => run.firstByteMs));
  const csvFirstRow = median(csvRuns.map((run) => run.firstRowMs));
  const pdfTotal = median(pdfRuns.map((run) => run.totalMs));
  const learnerMedian = median(learnerMs);
  const target = (text, ok) => (atScale ? { target: text, ok } : {});
  return [
    {
      metric: `trust compliance CSV (${learners} learners, ${csvLast.lines} lines, ${(csvLast.bytes / 1024 ** 2).toFixed(1)} MB), total, median of ${CSV_ROUNDS}`,
      value: csvTotal,
      unit: 'ms',
      ...target('≤ 3 s', csvTotal <= 3000),
    },
    {
      metric: 'trust compliance CSV, first byte, median',
      value: csvFirstByte,
      unit: 'ms',
      ...target('≤ 500 ms', csvFirstByte <= 500),
    },
    {
      metric: 'trust compliance CSV, first learner row, median',
      value: csvFirstRow,
      unit: 'ms',
      ...target('≤ 500 ms', csvFirstRow <= 500),
    },
    { metric: 'API resident memory before the reports', value: rssBefore, unit: 'MB' },
    {
      metric: 'API resident memory at its highest while the CSV streams (sampled every 20 ms)',
      value: peakDuringCsv,
      unit: 'MB',
    },
    {
      metric: `trust compliance PDF (${academies} academies, ${(pdfRuns.at(-1).bytes / 1024).toFixed(0)} kB), median of ${PDF_ROUNDS}`,
      value: pdfTotal,
      unit: 'ms',
      ...target('≤ 5 s', pdfTotal <= 5000),
    },
    {
      metric: `one learner's careers record PDF, median of ${LEARNER_ROUNDS}`,
      value: learnerMedian,
      unit: 'ms',
      ...target('≤ 300 ms', learnerMedian <= 300),
    },
    { metric: "one learner's careers record PDF, p95", value: percentile(learnerMs, 95), unit: 'ms' },
    { metric: 'API peak memory (VmHWM) after the reports', value: await context.peakRssMb(), unit: 'MB' },
  ];
}
