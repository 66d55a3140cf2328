import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';

const WINDOW_MS = 15 * 60_000;
/** Many staff share one school address, so an address may fail more often than one account. */
const ADDRESS_FACTOR = 4;

/**
 * Counts failed sign-ins per account and per address in a sliding window and answers 429 past the limit.
 * Kept in memory: the API runs as one process, and a restart forgetting the counts is acceptable.
 */
@Injectable()
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  assertAllowed(email: string, ip: string): void {
    const now = Date.now();
    if (
      this.recent(`account:${email.toLowerCase()}`, now) >= this.config.SIGN_IN_MAX_FAILURES ||
      this.recent(`address:${ip}`, now) >= this.config.SIGN_IN_MAX_FAILURES * ADDRESS_FACTOR
    ) {
      throw new HttpException(
        { message: 'Too many failed sign-ins. Wait 15 minutes and try again.' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  recordFailure(email: string, ip: string): void {
    const now = Date.now();
    for (const key of [`account:${email.toLowerCase()}`, `address:${ip}`]) {
      const times = this.failures.get(key)?.filter((time) => now - time < WINDOW_MS) ?? [];
      times.push(now);
      this.failures.set(key, times);
    }
  }

  clearAccount(email: string): void {
    this.failures.delete(`account:${email.toLowerCase()}`);
  }

  private recent(key: string, now: number): number {
    return this.failures.get(key)?.filter((time) => now - time < WINDOW_MS).length ?? 0;
  }
}
