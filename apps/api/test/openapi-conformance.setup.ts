import { appendFileSync } from 'node:fs';
import { drifts } from './openapi-conformance';

/**
 * After each HTTP test file: every answer its tests received must conform to the served document. An
 * answer the document describes otherwise (a body off its schema, an error status not listed) always fails
 * the file; a success answer the document does not describe yet (no schema) fails it only with
 * OPENAPI_CONFORMANCE=strict. With OPENAPI_DRIFT_REPORT=<file> every drift is appended to that file instead.
 */
afterAll(() => {
  const found = [...drifts];
  drifts.length = 0;
  const lines = (kinds: string[]) => [
    ...new Set(
      found
        .filter((drift) => kinds.includes(drift.kind))
        .map((drift) => `${drift.operation} → ${drift.status}: ${drift.problem}`),
    ),
  ];
  const report = process.env.OPENAPI_DRIFT_REPORT;
  if (report) {
    const all = lines(['gap', 'mismatch']);
    if (all.length) appendFileSync(report, all.join('\n') + '\n');
    return;
  }
  const failing = process.env.OPENAPI_CONFORMANCE === 'strict' ? ['gap', 'mismatch'] : ['mismatch'];
  expect(lines(failing)).toEqual([]);
});
