/**
 * How long this process spends deciding access (issue 20): the guard that signs each request in and applies
 * its route's rule, and the policy code that works out a user's scope and the SQL that confines their reads.
 * Each part adds its own time, measured with the monotonic clock, so the totals only ever grow: the
 * metrics (`encounters_authorisation_seconds_total` ÷ `encounters_authorisation_checks_total`) give the time
 * per signed-in request, which cannot come out negative, unlike a difference between two requests' times.
 * Two clock reads per part, a fraction of a microsecond: always on.
 */
let nanoseconds = 0n;
let checks = 0;

/** Adds the time since `started` (`process.hrtime.bigint()`); `check` counts one signed-in request. */
export function addAuthorisationTime(started: bigint, check = false): void {
  nanoseconds += process.hrtime.bigint() - started;
  if (check) checks += 1;
}

/** `work`'s result, its time added to the totals. */
export function timedAuthorisation<T>(work: () => T): T {
  const started = process.hrtime.bigint();
  try {
    return work();
  } finally {
    addAuthorisationTime(started);
  }
}

/** The totals since the process started: seconds spent, and signed-in requests checked. */
export function authorisationTotals(): { seconds: number; checks: number } {
  return { seconds: Number(nanoseconds) / 1e9, checks };
}
