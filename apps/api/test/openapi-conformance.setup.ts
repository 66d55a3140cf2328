import { appendFileSync } from 'node:fs';
import { drifts } from './openapi-conformance';

/**
 * After each HTTP test file: every answer its tests received must conform to the served document, or the
 * file fails, whether the answer is one the document describes otherwise (a body off its schema, an error
 * status not listed) or a success it does not describe (no schema). With OPENAPI_DRIFT_REPORT=<file> every
 * drift is appended to that file instead, to list them all in one run.
 */
afterAll(() => {
  const found = [...new Set(drifts.map((drift) => `${drift.operation} → ${drift.status}: ${drift.problem}`))];
  drifts.length = 0;
  const report = process.env.OPENAPI_DRIFT_REPORT;
  if (report) {
    if (found.length) appendFileSync(report, found.join('\n') + '\n');
    return;
  }
  expect(found).toEqual([]);
});
