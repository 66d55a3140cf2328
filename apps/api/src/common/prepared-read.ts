import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Statement names by text; a statement's text is fixed but for the few shapes of access it may take. */
const names = new Map<string, string>();
const MAX_NAMES = 200;

/** How a DataSource with read replicas runs a hot read: the replica router's (`database/replicas.ts`). */
export type NamedReadRunner = (query: {
  name?: string;
  text: string;
  values: unknown[];
}) => Promise<unknown[]>;

const routed = new WeakMap<DataSource, NamedReadRunner>();

/** Hands the hot reads of `dataSource` to its replica router, which picks the server of each. */
export function routePreparedReads(dataSource: DataSource, runner: NamedReadRunner): void {
  routed.set(dataSource, runner);
}

/**
 * A hot read (issue 20: the class view) as a named statement on a `pg` pool: each connection parses and
 * plans it once instead of on every request, and TypeORM's query runner is not made for it. The rows, as
 * `DataSource.query` returns them for a SELECT. On the primary's pool; with read replicas, on the pool of the
 * server the replica router chooses for the request (issue 21: as a plain `DataSource.query` it cost the
 * trust view three times the API's and the database's work).
 */
export function preparedRead<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  let name = names.get(text);
  // Past the bound, plain statements: never two texts under one name, which `pg` refuses.
  if (name === undefined && names.size < MAX_NAMES) {
    name = `encounters_read_${names.size + 1}`;
    names.set(text, name);
  }
  const runner = routed.get(dataSource);
  if (runner) return runner({ name, text, values }) as Promise<T[]>;
  const driver = dataSource.driver as PostgresDriver;
  if (driver.options.replication || name === undefined) return dataSource.query(text, values);
  return (driver.master as Pool).query({ name, text, values }).then((result) => result.rows as T[]);
}
