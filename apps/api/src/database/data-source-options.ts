import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/** Options shared by the Nest app, the CLI and the tests. Schema changes only ever come from migrations. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // JIT compilation costs tens of milliseconds and pays back only on long analytical queries; the
    // coverage aggregates are short, so it is off for the app's connections.
    extra: { max: poolSize, application_name: 'encounters', options: '-c jit=off' },
  };
}
