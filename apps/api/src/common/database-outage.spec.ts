import { QueryRunnerProviderAlreadyReleasedError, QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-outage';

describe(isDatabaseUnavailable.name, () => {
  it('knows a lost connection, also as the released query runner TypeORM throws after it', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('boom'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('does not take a query that failed for a database that is down', () => {
    const failed = new QueryFailedError(
      'INSERT …',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    expect(isDatabaseUnavailable(failed)).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});
