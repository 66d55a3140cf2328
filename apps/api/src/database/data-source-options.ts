import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/** Options shared by the Nest app, the CLI and the tests. Schema changes only ever come from migrations. */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  parallelWorkersPerGather = 0,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // JIT compilation costs tens of milliseconds and pays back only on long analytical queries; the
    // coverage aggregates are short, so it is off for the app's connections. So are parallel plans by default:
    // on a small server the workers compete with the other requests for the same cores, and the trust view's
    // aggregate did half as many requests per second with them (DATABASE_PARALLEL_WORKERS_PER_GATHER).
    extra: {
      max: poolSize,
      application_name: 'encounters',
      options: `-c jit=off -c max_parallel_workers_per_gather=${parallelWorkersPerGather}`,
    },
  };
}
