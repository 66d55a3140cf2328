import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** Seconds a client is told to wait when the database does not answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** At most one log line per this many milliseconds while the database is away, however many requests fail. */
export const OUTAGE_LOG_INTERVAL_MS = 10_000;

/** Network failures reaching PostgreSQL, and PostgreSQL's own "not now" codes (classes 08, 57P, 53300). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|Connection ended|not queryable|terminating connection/i;

/** True when the error means the database cannot be reached now (as opposed to a query that failed). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, driverError } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // TypeORM releases a query runner when its connection fails (its `error` listener); the transaction's next
  // statement then throws this instead of the connection's own error.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  return driverError !== undefined && driverError !== error && isDatabaseUnavailable(driverError);
}

/**
 * Counts the requests an outage refused and says when a line is due: the first failure logs at once, then
 * at most one line per interval, with how many were refused in between.
 */
export class OutageLog {
  private lastLoggedAt = Number.NEGATIVE_INFINITY;
  private refusedSinceLine = 0;

  /** The number of refusals the due line reports, or null when no line is due yet. */
  refused(now = Date.now()): number | null {
    this.refusedSinceLine += 1;
    if (now - this.lastLoggedAt < OUTAGE_LOG_INTERVAL_MS) return null;
    const refused = this.refusedSinceLine;
    this.lastLoggedAt = now;
    this.refusedSinceLine = 0;
    return refused;
  }
}
