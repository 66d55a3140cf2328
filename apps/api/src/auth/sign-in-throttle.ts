import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';

const WINDOW_MINUTES = 15;
/** The wait after the account's free failures; it doubles with each further failure, up to the longest. */
const FIRST_DELAY_SECONDS = 30;
const LONGEST_DELAY_SECONDS = 300;

/** The keys attempts are counted under: hashes, so that the table holds no email and no address. */
function keysOf(email: string, ip: string): { account: Buffer; address: Buffer } {
  const hash = (value: string) => createHash('sha256').update(value).digest();
  return { account: hash(`account:${email.trim().toLowerCase()}`), address: hash(`address:${ip}`) };
}

function tooMany(retryAfterSeconds: number, message: string): HttpException {
  return new HttpException(
    { message, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/**
 * Throttles guesses of a password or a second-factor code, per account and per client address, in
 * PostgreSQL (`sign_in_counter`), so several API processes share the counts and a restart forgets nothing.
 *
 * An attempt is counted *before* it is checked, by one upsert per key that also decides whether it may go
 * ahead: there is no check-then-record gap, so 40 guesses sent at once get exactly the free ones checked. A
 * right answer gives its count back ({@link passed}); a completed sign-in clears the account's.
 *
 * - An account gets `SIGN_IN_MAX_FAILURES` free failures; after that each attempt must wait, 30 s and then
 *   twice as long after each further failure, never more than 5 minutes — so the real user is delayed, never
 *   locked out, and a guesser gets a few hundred tries a day. A trust administrator can clear it (`unlock`).
 *   Failures are forgotten 15 minutes after the last attempt.
 * - An address gets `SIGN_IN_ADDRESS_MAX_FAILURES` failures per 15 minutes (a school behind one NAT shares
 *   it, and right answers do not count), then 429 until the window ends.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  /** Counts an attempt for the account and the address, or answers 429 without counting it. */
  async attempt(email: string, ip: string): Promise<void> {
    const { account, address } = keysOf(email, ip);
    const [accountRow]: { next_allowed_at: Date }[] = await this.dataSource.query(
      `INSERT INTO sign_in_counter AS c (key_hash, failures) VALUES ($1, 1)
       ON CONFLICT (key_hash) DO UPDATE SET
         failures = CASE WHEN c.last_attempt_at <= now() - make_interval(mins => $2) THEN 1 ELSE c.failures + 1 END,
         last_attempt_at = now(),
         next_allowed_at = now() + make_interval(secs => CASE
           WHEN c.last_attempt_at <= now() - make_interval(mins => $2) OR c.failures + 1 < $3 THEN 0
           ELSE least($4 * power(2, c.failures + 1 - $3), $5) END)
       WHERE c.next_allowed_at <= now() OR c.last_attempt_at <= now() - make_interval(mins => $2)
       RETURNING next_allowed_at`,
      [account, WINDOW_MINUTES, this.config.SIGN_IN_MAX_FAILURES, FIRST_DELAY_SECONDS, LONGEST_DELAY_SECONDS],
    );
    if (!accountRow) {
      const [{ wait }]: { wait: number }[] = await this.dataSource.query(
        `SELECT coalesce(extract(epoch FROM max(next_allowed_at) - now()), 1)::float AS wait
           FROM sign_in_counter WHERE key_hash = $1`,
        [account],
      );
      throw tooMany(wait, 'Too many failed sign-ins for this account. Wait a little and try again.');
    }
    const [addressRow]: { window_start: Date }[] = await this.dataSource.query(
      `WITH forgotten AS (
         -- Rows left alone for two windows count nothing any more: the table stays small whatever is tried.
         DELETE FROM sign_in_counter
          WHERE last_attempt_at <= now() - make_interval(mins => 2 * $2) AND key_hash <> ALL(ARRAY[$1, $4]::bytea[])
       )
       INSERT INTO sign_in_counter AS c (key_hash, failures) VALUES ($1, 1)
       ON CONFLICT (key_hash) DO UPDATE SET
         failures = CASE WHEN c.window_start <= now() - make_interval(mins => $2) THEN 1 ELSE c.failures + 1 END,
         window_start = CASE WHEN c.window_start <= now() - make_interval(mins => $2) THEN now() ELSE c.window_start END,
         last_attempt_at = now()
       WHERE c.failures < $3 OR c.window_start <= now() - make_interval(mins => $2)
       RETURNING window_start`,
      [address, WINDOW_MINUTES, this.config.SIGN_IN_ADDRESS_MAX_FAILURES, account],
    );
    if (!addressRow) {
      await this.giveBack(account);
      const [{ wait }]: { wait: number }[] = await this.dataSource.query(
        `SELECT coalesce(extract(epoch FROM max(window_start) + make_interval(mins => $2) - now()), 1)::float AS wait
           FROM sign_in_counter WHERE key_hash = $1`,
        [address, WINDOW_MINUTES],
      );
      throw tooMany(wait, 'Too many failed sign-ins from this address. Wait a few minutes and try again.');
    }
  }

  /** A right password or code: its attempt is given back, for the account and the address. */
  async passed(email: string, ip: string): Promise<void> {
    const { account, address } = keysOf(email, ip);
    await this.giveBack(account, address);
  }

  /** A completed sign-in: the account starts again from no failures. */
  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM sign_in_counter WHERE key_hash = $1', [
      keysOf(email, '').account,
    ]);
  }

  /**
   * Gives an attempt back. The wait goes back to what the remaining failures call for, so a right password
   * does not let the code that follows it skip the account's wait.
   */
  private async giveBack(...keys: Buffer[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE sign_in_counter SET
         failures = greatest(failures - 1, 0),
         next_allowed_at = now() + make_interval(secs => CASE WHEN failures - 1 < $2 THEN 0
                                                      ELSE least($3 * power(2, failures - 1 - $2), $4) END)
        WHERE key_hash = ANY($1::bytea[])`,
      [keys, this.config.SIGN_IN_MAX_FAILURES, FIRST_DELAY_SECONDS, LONGEST_DELAY_SECONDS],
    );
  }
}
