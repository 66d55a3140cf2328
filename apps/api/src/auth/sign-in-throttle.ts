import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';

const WINDOW_MINUTES = 15;
/** Many staff share one school address, so an address may fail more often than one account. */
const ADDRESS_FACTOR = 4;

/** The keys failures are counted under: hashes, so that the table holds no email and no address. */
function keysOf(email: string, ip: string): { account: Buffer; address: Buffer } {
  const hash = (value: string) => createHash('sha256').update(value).digest();
  return { account: hash(`account:${email.trim().toLowerCase()}`), address: hash(`address:${ip}`) };
}

/**
 * Counts failed sign-ins per account and per address in a sliding window of 15 minutes and answers 429 past
 * the limit. The counts live in PostgreSQL (`sign_in_failure`), so a restart forgets nothing and several API
 * processes share them; each failure also clears the rows that have left the window, so the table stays
 * small however many addresses or made-up emails an attacker tries.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const { account, address } = keysOf(email, ip);
    const [recent]: { account: number; address: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE key_hash = $1)::int AS account,
              count(*) FILTER (WHERE key_hash = $2)::int AS address
         FROM sign_in_failure
        WHERE key_hash IN ($1, $2) AND failed_at > now() - make_interval(mins => $3)`,
      [account, address, WINDOW_MINUTES],
    );
    if (
      recent.account >= this.config.SIGN_IN_MAX_FAILURES ||
      recent.address >= this.config.SIGN_IN_MAX_FAILURES * ADDRESS_FACTOR
    ) {
      throw new HttpException(
        {
          message: `Too many failed sign-ins. Wait ${WINDOW_MINUTES} minutes and try again.`,
          retryAfterSeconds: WINDOW_MINUTES * 60,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const { account, address } = keysOf(email, ip);
    await this.dataSource.query(
      `WITH expired AS (
         DELETE FROM sign_in_failure WHERE failed_at <= now() - make_interval(mins => $3)
       )
       INSERT INTO sign_in_failure (key_hash) VALUES ($1), ($2)`,
      [account, address, WINDOW_MINUTES],
    );
  }

  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM sign_in_failure WHERE key_hash = $1', [
      keysOf(email, '').account,
    ]);
  }
}
